import Foundation

/// The wall clock the program loop reads and schedules wake-ups on; injected so tests drive
/// time by hand (a manual clock) instead of sleeping.
///
/// Contract: `schedule(at:_:)` calls `action` once, at or after `deadline` as measured by `now`
/// (never early: when it runs, `now >= deadline`), on any thread, unless cancelled first.
/// Nothing runs between wake-ups: an idle program costs no CPU.
package protocol WallClock: Sendable {
  /// The current instant.
  var now: Date { get }
  /// Arranges one call of `action` at `deadline`; cancelling the returned handle prevents it.
  func schedule(at deadline: Date, _ action: @escaping @Sendable () -> Void) -> ScheduledWake
}

/// A pending wake-up from a ``WallClock``; cancel it when it is no longer wanted.
package struct ScheduledWake: Sendable {
  private let cancellation: @Sendable () -> Void

  /// Wraps the clock's own way of cancelling the wake-up.
  package init(cancel: @escaping @Sendable () -> Void) {
    cancellation = cancel
  }

  /// Prevents the action from running, if it has not run yet.
  package func cancel() { cancellation() }
}

/// The real clock: `Date()` for the time, and a Dispatch wall-clock timer per wake-up (no
/// polling) whose handler runs on `queue`, the main queue by default: the program loop runs on
/// the main actor, so a tick wakes one thread, not a pool thread that then wakes the main one.
package struct SystemWallClock: WallClock {
  private let queue: DispatchQueue

  package init(queue: DispatchQueue = .main) {
    self.queue = queue
  }

  package var now: Date { Date() }

  package func schedule(at deadline: Date, _ action: @escaping @Sendable () -> Void)
    -> ScheduledWake
  {
    let timer = WallTimer(DispatchSource.makeTimerSource(queue: queue))
    timer.arm(deadline)
    timer.source.setEventHandler {
      // A wall-clock deadline (it follows NTP steps and suspends, as the monotonic clock does
      // not) that fired a hair early is armed again: the action never runs before it.
      guard Date() >= deadline else { return timer.arm(deadline) }
      timer.source.cancel()
      action()
    }
    timer.source.resume()
    return ScheduledWake { timer.source.cancel() }
  }
}

/// A Dispatch timer source shared by its handler and its cancellation. Dispatch sources are
/// thread-safe; the type is not marked `Sendable` by the overlay.
private final class WallTimer: @unchecked Sendable {
  let source: any DispatchSourceTimer

  init(_ source: any DispatchSourceTimer) {
    self.source = source
  }

  /// Fires once at `deadline` on the wall clock, within 50 ms (timers may coalesce).
  func arm(_ deadline: Date) {
    source.schedule(
      wallDeadline: .now() + max(0, deadline.timeIntervalSinceNow), leeway: .milliseconds(50))
  }
}
