import Foundation
import OrgTopCore

extension Program {
  /// Carries out one effect the reducer returned.
  func perform(_ effect: Effect) {
    switch effect {
    case .fetch(let slot, let request):
      startFetch(slot, request)
    case .wake(let deadline):
      requestWake(at: deadline)
    case .quit:
      if exit == nil { exit = .quit }
    }
  }

  /// One task per fetch; its result comes back through the inbox. Single flight per slot is the
  /// reducer's job, so every fetch asked for is started.
  private func startFetch(_ slot: DataSlot, _ request: DataRequest) {
    let id = UUID()
    let source = self.source
    let inbox = self.inbox
    inbox.beginWork()
    fetches[id] = Task.detached {
      let result = await source.perform(request)
      inbox.post([.fetched(id, slot, result)], completedWork: 1)
    }
  }

  /// Adds a wake-up instant; re-arms the one timer only when this instant is the new earliest.
  private func requestWake(at deadline: Date) {
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
    let inbox = self.inbox
    let handle = clock.schedule(at: earliest) { inbox.post([.woke(earliest)]) }
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
