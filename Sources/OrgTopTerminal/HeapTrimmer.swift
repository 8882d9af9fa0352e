import CHeapTrim
import Dispatch

/// Hands the heap's free pages back to the system: once a minute after start-up (when the first
/// loads are in) and then every five minutes, in step with the key list's refresh.
///
/// Why: decoding 10,000 keys' pages peaks near 70 MiB, and glibc keeps the freed chunks between
/// the live ones resident (its automatic trim only returns the top of a heap). `malloc_trim(0)`
/// releases every whole free page: measured with scripts/measure-keys.sh, about 4 MiB of the
/// 16 MiB heap a 10,000-key dashboard holds after loading. One wake-up every five minutes; a
/// no-op where the C library is not glibc (``heap_trim()``).
package final class HeapTrimmer: @unchecked Sendable {
  // @unchecked: the timer source is only resumed and cancelled, both thread-safe in Dispatch.
  private let timer: any DispatchSourceTimer

  /// Starts trimming `firstAfter` seconds from now, then every `interval` seconds.
  package init(
    firstAfter: Double = 60, every interval: Double = 300, queue: DispatchQueue = .main
  ) {
    timer = DispatchSource.makeTimerSource(queue: queue)
    timer.schedule(
      deadline: .now() + firstAfter, repeating: interval, leeway: .seconds(10))
    timer.setEventHandler { _ = heap_trim() }
    timer.resume()
  }

  /// Stops the timer.
  package func cancel() { timer.cancel() }
}
