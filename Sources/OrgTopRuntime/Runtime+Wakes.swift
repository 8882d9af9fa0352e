import Foundation
import OrgTopCore

extension Runtime {
  /// Adds a wake-up instant; re-arms the one timer only when this instant is the new earliest.
  func requestWake(at deadline: Date) {
    guard !pendingWakes.contains(deadline) else { return }
    let index = pendingWakes.firstIndex { $0 > deadline } ?? pendingWakes.endIndex
    pendingWakes.insert(deadline, at: index)
    armTimer()
  }

  private func armTimer() {
    guard let earliest = pendingWakes.first else {
      armedWake?.handle.cancel()
      armedWake = nil
      return
    }
    if let armed = armedWake, armed.deadline == earliest { return }
    armedWake?.handle.cancel()
    let handle = scheduleWake(at: earliest, on: clock, inbox: inbox)
    armedWake = (earliest, handle)
  }

  /// The timer fired: every instant now due is consumed by one tick, then the timer moves on to
  /// the next pending instant.
  func wakeFired(_ deadline: Date) {
    if armedWake?.deadline == deadline { armedWake = nil }
    let now = clock.now
    let due = pendingWakes.prefix { $0 <= now }
    guard !due.isEmpty else {
      armTimer()
      return
    }
    pendingWakes.removeFirst(due.count)
    apply(.clockTicked(now))
    armTimer()
  }
}
