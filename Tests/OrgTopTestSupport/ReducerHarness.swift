import Foundation
import OrgTopCore

/// Drives ``DashboardReducer`` in tests: holds the state and a manual clock, sends actions,
/// records the effects, and answers fetches from the fixture (or a given responder).
package struct ReducerHarness {
  package var state: DashboardState
  /// The manual clock: the instant the next action carries.
  package var now: Date
  /// The effects of the last action.
  package private(set) var effects: [Effect] = []
  /// Remembers the derivation between actions, as the runtime's does.
  package let deriver = Deriver()

  package init(
    configuration: DashboardConfiguration = Fixtures.configuration, now: Date = Fixtures.now
  ) {
    state = DashboardState(configuration: configuration)
    self.now = now
  }

  @discardableResult
  package mutating func send(_ action: Action) -> [Effect] {
    effects = DashboardReducer.reduce(into: &state, action: action, deriver: deriver)
    return effects
  }

  @discardableResult
  package mutating func start() -> [Effect] { send(.started(at: now)) }

  @discardableResult
  package mutating func press(_ key: KeyPress) -> [Effect] { send(.keyPressed(key, at: now)) }

  /// Presses each character of a string.
  package mutating func type(_ text: String) {
    for character in text { press(.character(character)) }
  }

  /// Moves the clock forward and delivers the tick.
  @discardableResult
  package mutating func advance(by seconds: TimeInterval) -> [Effect] {
    now = now.addingTimeInterval(seconds)
    return send(.clockTicked(now))
  }

  /// The fetches among effects.
  package static func fetches(in effects: [Effect]) -> [(DataSlot, DataRequest)] {
    effects.compactMap {
      if case .fetch(let slot, let request) = $0 { return (slot, request) }
      return nil
    }
  }

  /// The fetches of keyed resources among effects.
  package static func keyedFetches(in effects: [Effect]) -> [(KeyedSlot, String, DataRequest)] {
    effects.compactMap {
      if case .fetchKeyed(let slot, let key, let request) = $0 { return (slot, key, request) }
      return nil
    }
  }

  /// Completes every keyed fetch in `effects` from the fixture (or `respond`), and the keyed
  /// fetches those completions start, until none is left; returns how many were completed.
  @discardableResult
  package mutating func completeKeyed(
    _ effects: [Effect],
    with respond: (DataRequest) -> Result<DataResponse, FetchFailure> = {
      .success(Fixtures.response(to: $0))
    }
  ) -> Int {
    var pending = Self.keyedFetches(in: effects)
    var completed = 0
    while !pending.isEmpty {
      let (slot, key, request) = pending.removeFirst()
      let produced = send(.keyedFetchCompleted(slot, key: key, respond(request), at: now))
      pending += Self.keyedFetches(in: produced)
      completed += 1
    }
    return completed
  }

  /// The wake-up among effects, if any.
  package static func wake(in effects: [Effect]) -> Date? {
    effects.lazy.compactMap {
      if case .wake(let date) = $0 { return date }
      return nil
    }.first
  }

  /// Completes every fetch in `effects` with the responder's answer, in order; returns every
  /// effect the completions produced.
  @discardableResult
  package mutating func complete(
    _ effects: [Effect],
    with respond: (DataSlot, DataRequest) -> Result<DataResponse, FetchFailure> = {
      .success(Fixtures.response(to: $1))
    }
  ) -> [Effect] {
    var produced: [Effect] = []
    for (slot, request) in Self.fetches(in: effects) {
      produced += send(.fetchCompleted(slot, respond(slot, request), at: now))
    }
    return produced
  }

  /// Starts and loads the whole fixture organization (analytics reports unless told).
  /// The fixture organization loaded, laid out at 120x40 with `pageSizes`, then `keys` pressed
  /// (a view's number key, say): where the view tests start.
  package static func loaded(pageSizes: PageSizes, pressing keys: [KeyPress] = [])
    -> ReducerHarness
  {
    var harness = ReducerHarness()
    harness.loadFixture()
    harness.send(
      .layoutChanged(size: TerminalSize(columns: 120, rows: 40), pageSizes: pageSizes))
    for key in keys { harness.press(key) }
    return harness
  }

  package mutating func loadFixture(source: ReportSource = .analytics, keyPageSize: Int = 8) {
    send(
      .layoutChanged(
        size: TerminalSize(columns: 120, rows: 40), pageSizes: PageSizes([.keys: keyPageSize])))
    let started = start()
    complete(started) { .success(Fixtures.response(to: $1, source: source)) }
  }
}
