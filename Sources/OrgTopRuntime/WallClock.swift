import Foundation
import Synchronization

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
  /// Arranges a call of `action` at every whole multiple of `interval` seconds since the epoch
  /// (every second on the second, for `1`), from the next one on, until the returned handle
  /// is cancelled. Same contract as ``schedule(at:_:)`` for each call, except the thread: the
  /// action runs on the main actor, where the program loop lives, so a tick is handled where
  /// it fires instead of being posted and woken up for (a continuation's resume goes through
  /// the global executor and back: one more thread woken every second).
  func repeating(every interval: TimeInterval, _ action: @escaping @MainActor @Sendable () -> Void)
    -> ScheduledWake
}

extension WallClock {
  /// One ``schedule(at:_:)`` after another: each call arranges the next. For a clock whose
  /// wake-ups run on the main actor (a manual clock advanced from it); any other traps.
  package func repeating(
    every interval: TimeInterval, _ action: @escaping @MainActor @Sendable () -> Void
  ) -> ScheduledWake {
    let chain = WakeChain()
    @Sendable func arm(after instant: Date) {
      let next = Self.multiple(of: interval, after: instant)
      chain.replace(
        schedule(at: next) {
          MainActor.assumeIsolated(action)
          arm(after: next)
        })
    }
    arm(after: now)
    return ScheduledWake { chain.cancel() }
  }

  /// The first whole multiple of `interval` seconds since the epoch after `instant`.
  static func multiple(of interval: TimeInterval, after instant: Date) -> Date {
    let count = (instant.timeIntervalSince1970 / interval).rounded(.down) + 1
    return Date(timeIntervalSince1970: count * interval)
  }
}

/// The pending link of a ``WallClock/repeating(every:_:)`` built from one-shot wake-ups: once
/// cancelled, a link armed later is cancelled at once.
private final class WakeChain: Sendable {
  private let state = Mutex<(current: ScheduledWake?, cancelled: Bool)>((nil, false))

  func replace(_ wake: ScheduledWake) {
    let cancelled = state.withLock { state in
      if !state.cancelled { state.current = wake }
      return state.cancelled
    }
    if cancelled { wake.cancel() }
  }

  func cancel() {
    let wake = state.withLock { state in
      state.cancelled = true
      defer { state.current = nil }
      return state.current
    }
    wake?.cancel()
  }
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
/// polling) whose handler runs on the main queue: the program loop runs on the main actor, so
/// a tick wakes one thread, not a pool thread that then wakes the main one.
package struct SystemWallClock: WallClock {
  private let queue = DispatchQueue.main

  package init() {}

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

  /// One Dispatch timer for the whole series: no source is made, armed and torn down per call,
  /// and Dispatch's manager thread is not woken to re-arm it (the dashboard's clock calls this
  /// once a second for weeks). The series runs a millisecond behind the multiples, so that a
  /// call rounded a hair early by the timer still reads the new second from `now`.
  package func repeating(
    every interval: TimeInterval, _ action: @escaping @MainActor @Sendable () -> Void
  ) -> ScheduledWake {
    let first = Self.multiple(of: interval, after: now).addingTimeInterval(0.001)
    let source = WallTimer(DispatchSource.makeTimerSource(queue: queue))
    source.source.schedule(
      wallDeadline: .now() + max(0, first.timeIntervalSinceNow), repeating: interval,
      leeway: .milliseconds(50))
    // The main queue is the main actor's executor.
    source.source.setEventHandler { MainActor.assumeIsolated(action) }
    source.source.resume()
    return ScheduledWake { source.source.cancel() }
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
