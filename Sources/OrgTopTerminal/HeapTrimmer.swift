import CHeapTrim
import Dispatch
import Synchronization

/// Hands the heap's free pages and the executable's resident code back to the system a moment
/// after each burst of fetches has been answered (``trimSoon()``), off the program's actor.
///
/// Why the heap: decoding a refresh's pages (10,000 keys, or a report's rows) allocates far
/// more than the state keeps, and glibc keeps the freed chunks between the live ones resident
/// (its automatic trim only returns the top of a heap). Every refresh dirties them again: at
/// 10,000 keys the heap and stacks go from 11 to 14 MiB resident at a report refresh and stay
/// there until a trim. `malloc_trim(0)` releases every whole free page.
///
/// Why the code, every time and not once: the kernel maps 64 KiB of the executable around
/// each page a fault asks for when the file is in the page cache (as it is after a build, or
/// on any machine with memory to spare), so the code of every path run since the last drop
/// stays resident with its neighbours: 39.8 MiB at 10,000 keys with the code dropped once,
/// after the first load, against 29.6 MiB when each refresh's trim drops it again and the
/// clock's tick faults back its own (scripts/measure-keys.sh, the binary fully cached). The
/// delay lets the last answer's buffers and the frame it replaced go first; bursts closer
/// together than it trim once. The heap trim is a no-op where the C library is not glibc
/// (``heap_trim()``), the code drop where /proc is not Linux's (``code_trim()``).
package final class HeapTrimmer: Sendable {
  private let queue = DispatchQueue(label: "orgtop.heap-trim", qos: .utility)
  private let delay: DispatchTimeInterval
  /// Bumped by every ``trimSoon()``: a trim runs only if no later one was asked for.
  private let generation = Atomic(0)

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
      _ = code_trim()
    }
  }
}
