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

/// The real clock: `Date()` for the time, a sleeping task per wake-up (no polling).
package struct SystemWallClock: WallClock {
  package init() {}

  package var now: Date { Date() }

  package func schedule(at deadline: Date, _ action: @escaping @Sendable () -> Void)
    -> ScheduledWake
  {
    let task = Task.detached {
      // Sleep in a loop because the monotonic clock that `Task.sleep` uses and the wall clock
      // can drift apart (NTP slews, suspend); the action must not run before the deadline.
      while !Task.isCancelled {
        let remaining = deadline.timeIntervalSinceNow
        if remaining <= 0 { break }
        do {
          try await Task.sleep(for: .seconds(remaining), tolerance: .milliseconds(50))
        } catch {
          return
        }
      }
      if !Task.isCancelled { action() }
    }
    return ScheduledWake { task.cancel() }
  }
}
