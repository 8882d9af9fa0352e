import CHeapTrim
import Dispatch
import Synchronization

/// Hands the heap's free pages back to the system a moment after each burst of fetches has
/// been answered (``trimSoon()``), off the program's actor.
///
/// Why: decoding a refresh's pages (10,000 keys, or a report's rows) allocates far more than
/// the state keeps, and glibc keeps the freed chunks between the live ones resident (its
/// automatic trim only returns the top of a heap). Every refresh dirties them again: at 10,000
/// keys the heap and stacks go from 11 to 14 MiB resident at a report refresh and stay there
/// until a trim. `malloc_trim(0)` releases every whole free page: 39.0 MiB resident in all at
/// the median, against 42.6 untrimmed (scripts/measure-keys.sh). The delay lets the last answer's buffers and the
/// frame it replaced go first; bursts closer together than it trim once. A no-op where the C
/// library is not glibc (``heap_trim()``).
package final class HeapTrimmer: Sendable {
  private let queue = DispatchQueue(label: "orgtop.heap-trim", qos: .utility)
  private let delay: DispatchTimeInterval
  /// Bumped by every ``trimSoon()``: a trim runs only if no later one was asked for.
  private let generation = Atomic(0)
  /// Set by the first trim, which also drops the executable's resident code (``code_trim()``).
  private let codeTrimmed = Atomic(false)

  /// A trimmer that trims `delay` after the last ``trimSoon()``, on a queue of its own.
  package init(delay: DispatchTimeInterval = .seconds(2)) {
    self.delay = delay
  }

  /// Trims once, `delay` from now (a trim already due is pushed back, not added).
  package func trimSoon() {
    let asked = generation.add(1, ordering: .relaxed).newValue
    queue.asyncAfter(deadline: .now() + delay) { [self] in
      guard generation.load(ordering: .relaxed) == asked else { return }
      _ = heap_trim()
      if !codeTrimmed.exchange(true, ordering: .relaxed) { _ = code_trim() }
    }
  }
}
