import Foundation
import OrgTopRuntime
import OrgTopUI
import Synchronization

/// A ``WallClock`` that only moves when a test says so: `advance` runs every wake-up that came
/// due, in deadline order, before it returns. No sleeps, no real time.
package final class ManualClock: WallClock {
  private struct Pending {
    var id: Int
    var deadline: Date
    var action: @Sendable () -> Void
  }

  private struct State {
    var now: Date
    var pending: [Pending] = []
    var nextID = 0
  }

  private let state: Mutex<State>

  /// A clock stopped at `now` (by default a fixed instant, 2026-11-29 12:00:00 UTC).
  package init(now: Date = Date(timeIntervalSince1970: 1_795_953_600)) {
    state = Mutex(State(now: now))
  }

  package var now: Date { state.withLock { $0.now } }

  /// The deadlines of the wake-ups scheduled and not yet run or cancelled, earliest first.
  package var pendingDeadlines: [Date] {
    state.withLock { $0.pending.map(\.deadline).sorted() }
  }

  package func schedule(at deadline: Date, _ action: @escaping @Sendable () -> Void)
    -> ScheduledWake
  {
    let id = state.withLock { state in
      let id = state.nextID
      state.nextID += 1
      state.pending.append(Pending(id: id, deadline: deadline, action: action))
      return id
    }
    return ScheduledWake { [weak self] in
      self?.state.withLock { $0.pending.removeAll { $0.id == id } }
    }
  }

  /// Moves time forward by `seconds`, running what came due.
  package func advance(by seconds: TimeInterval) {
    advance(to: now.addingTimeInterval(seconds))
  }

  /// Moves time forward to `instant` (never backwards), running what came due in order; each
  /// action sees `now` at its own deadline.
  package func advance(to instant: Date) {
    while true {
      let next: Pending? = state.withLock { state in
        guard
          let index = state.pending.indices.filter({ state.pending[$0].deadline <= instant })
            .min(by: { state.pending[$0].deadline < state.pending[$1].deadline })
        else { return nil }
        let due = state.pending.remove(at: index)
        state.now = max(state.now, due.deadline)
        return due
      }
      guard let next else { break }
      next.action()
    }
    state.withLock { $0.now = max($0.now, instant) }
  }
}
