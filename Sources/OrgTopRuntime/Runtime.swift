import Foundation
import OrgTopCore

/// What the runtime's inbox carries: the host's own inputs (terminal events for the dashboard,
/// nothing for a script), fetch results, and wake-ups the reducer asked for.
package enum RuntimeEvent<Input: Sendable>: Sendable {
  case input(Input)
  case fetched(UUID, DataSlot, Result<DataResponse, FetchFailure>)
  /// A fetch of one key of a keyed resource answered.
  case fetchedKeyed(UUID, KeyedSlot, String, Result<DataResponse, FetchFailure>)
  /// A key write answered (or was refused before it left, in read-only mode).
  case keyUpdated(UUID, KeyUpdate, Result<APIKey, FetchFailure>)
  /// The timer for this wake-up instant fired.
  case woke(Date)

  /// Whether this is a wake-up the reducer asked for.
  package var isWakeUp: Bool {
    if case .woke = self { return true }
    return false
  }

  /// Whether this is the data source's answer to a fetch (of a slot or of one key's resource).
  package var isAnswer: Bool {
    switch self {
    case .fetched, .fetchedKeyed: true
    case .input, .keyUpdated, .woke: false
    }
  }
}

/// The headless program: the reducer, the effect interpreter, the clock and the data source,
/// with no terminal. The dashboard drives it from its terminal loop; the script commands
/// (`snapshot`, `check`, `--once`) call ``settle(timeout:)`` and read the state.
///
/// One place turns effects into work: fetches run as tasks whose results come back through the
/// inbox, and one timer is armed for the earliest wake-up the reducer asked for, so an idle
/// program sleeps instead of polling. `Input` is what the host posts besides (``send(_:)``).
@MainActor
package final class Runtime<Source: OrgDataSource, Clock: WallClock, Input: Sendable> {
  package private(set) var source: Source
  package let clock: Clock
  let inbox = ProgramInbox<RuntimeEvent<Input>>()
  /// The reducer's state: changed only through ``apply(_:)`` (and ``restart(source:state:)``).
  package private(set) var state: DashboardState
  /// Changes whenever ``state`` does (it may change when the state does not): a view that
  /// saw this revision need not compare the state to know it is the same.
  package private(set) var revision = 0
  /// What the state derives to (sorted rows, the reports' summaries), remembered between
  /// actions: the reducer navigates its rows, and the host's projector shares it so the rows
  /// are derived and held once.
  package let deriver = Deriver()
  /// Wake-up instants the reducer asked for that have not come due yet, earliest first.
  var pendingWakes: [Date] = []
  /// The single timer, armed for `pendingWakes.first`.
  var armedWake: (deadline: Date, handle: ScheduledWake)?
  /// Fetches in flight, by id (cancelled by ``stop()``).
  var fetches: [UUID: Task<Void, Never>] = [:]
  /// Set once the reducer returned ``Effect/quit``.
  package private(set) var quitRequested = false
  /// The profile the reducer asked to switch to (``Effect/switchProfile(_:)``), for the host
  /// to open; the host clears it with ``takeProfileRequest()``.
  package private(set) var requestedProfile: String?
  /// Threshold alerts the reducer raised and the host has not taken yet.
  private var alerts: [ThresholdAlert] = []

  /// The alerts raised since the last call, oldest first.
  package func takeAlerts() -> [ThresholdAlert] {
    defer { alerts.removeAll() }
    return alerts
  }

  /// A runtime over `state` (usually a fresh `DashboardState(configuration:)`); nothing runs
  /// until the first ``apply(_:)``.
  package init(source: Source, clock: Clock, state: DashboardState) {
    self.source = source
    self.clock = clock
    self.state = state
  }

  /// Posts the host's inputs (one batch); callable from any thread.
  nonisolated package func send(_ inputs: [Input]) {
    inbox.post(inputs.map { .input($0) })
  }

  /// Returns once nothing is queued, no fetch is in flight and the host waits in ``next()``.
  nonisolated package func waitUntilIdle() async {
    await inbox.waitUntilIdle()
  }

  /// Runs one action through the reducer and carries out the effects it returns.
  package func apply(_ action: Action) {
    revision &+= 1
    let effects = DashboardReducer.reduce(into: &state, action: action, deriver: deriver)
    for effect in effects { perform(effect) }
  }

  /// Everything that arrived since the last call, waiting for at least one event.
  package func next() async -> [RuntimeEvent<Input>] {
    await inbox.next()
  }

  /// Handles a fetch result or a wake-up, and hands an input back to the host unhandled.
  package func process(_ event: RuntimeEvent<Input>) -> Input? {
    switch event {
    case .input(let input):
      return input
    case .fetched(let id, let slot, let result):
      // A fetch of a source replaced by ``restart(source:state:)`` answers into nothing.
      guard fetches.removeValue(forKey: id) != nil else { return nil }
      apply(.fetchCompleted(slot, result, at: clock.now))
    case .fetchedKeyed(let id, let slot, let key, let result):
      guard fetches.removeValue(forKey: id) != nil else { return nil }
      apply(.keyedFetchCompleted(slot, key: key, result, at: clock.now))
    case .keyUpdated(let id, let update, let result):
      guard fetches.removeValue(forKey: id) != nil else { return nil }
      apply(.keyUpdateCompleted(update, result, at: clock.now))
    case .woke(let deadline):
      wakeFired(deadline)
    }
    return nil
  }

  /// Starts the program if it has not started, then runs until every data slot has settled
  /// (loaded, failed, or unreadable for this organization) or `timeout` seconds have passed on
  /// the clock. Returns whether everything settled; the state is readable either way.
  package func settle(timeout: TimeInterval) async -> Bool {
    if state.lastSeen == nil { apply(.started(at: clock.now)) }
    let deadline = clock.now.addingTimeInterval(timeout)
    requestWake(at: deadline)
    while !state.hasSettled, !quitRequested, clock.now < deadline {
      for event in await next() { _ = process(event) }
    }
    return state.hasSettled
  }

  /// The profile switch asked for, once.
  package func takeProfileRequest() -> String? {
    defer { requestedProfile = nil }
    return requestedProfile
  }

  /// Starts over on another data source with a fresh state (a profile switch): every fetch
  /// and timer of the old one is cancelled, and nothing it answers later is applied.
  package func restart(source: Source, state: DashboardState) {
    stop()
    self.source = source
    self.state = state
    revision &+= 1
    quitRequested = false
    apply(.started(at: clock.now))
  }

  /// Cancels the timer and every fetch in flight.
  package func stop() {
    armedWake?.handle.cancel()
    armedWake = nil
    pendingWakes.removeAll()
    for task in fetches.values { task.cancel() }
    fetches.removeAll()
  }

  /// Carries out one effect the reducer returned.
  private func perform(_ effect: Effect) {
    switch effect {
    case .fetch(let slot, let request):
      let id = UUID()
      inbox.beginWork()
      fetches[id] = startFetchTask(
        id: id, slot: slot, request: request, source: source, inbox: inbox)
    case .fetchKeyed(let slot, let key, let request):
      let id = UUID()
      inbox.beginWork()
      fetches[id] = startKeyedFetchTask(
        id: id, slot: slot, key: key, request: request, source: source, inbox: inbox)
    case .updateKey(let update):
      let id = UUID()
      inbox.beginWork()
      // The runtime's own lock, behind the reducer's: in read-only mode the write never
      // reaches the data source, whatever asked for it.
      let readOnly = state.configuration.isReadOnly
      fetches[id] = startKeyUpdateTask(
        id: id, update: update, source: source, readOnly: readOnly, inbox: inbox)
    case .wake(let deadline):
      requestWake(at: deadline)
    case .quit:
      quitRequested = true
    case .switchProfile(let profile):
      requestedProfile = profile
    case .alert(let alert):
      alerts.append(alert)
    }
  }
}

// Free functions, so the closures handed to other threads capture only what they use (a
// closure formed inside the generic class would capture its metatypes too). Each task runs
// where the source prefers (`OrgDataSource.taskExecutor`: the live source's HTTP loop).

private func startFetchTask<Input: Sendable>(
  id: UUID, slot: DataSlot, request: DataRequest, source: some OrgDataSource,
  inbox: ProgramInbox<RuntimeEvent<Input>>
) -> Task<Void, Never> {
  Task.detached(executorPreference: source.taskExecutor) {
    let result = await source.perform(request)
    inbox.post([.fetched(id, slot, result)], completedWork: 1)
  }
}

private func startKeyedFetchTask<Input: Sendable>(
  id: UUID, slot: KeyedSlot, key: String, request: DataRequest, source: some OrgDataSource,
  inbox: ProgramInbox<RuntimeEvent<Input>>
) -> Task<Void, Never> {
  Task.detached(executorPreference: source.taskExecutor) {
    let result = await source.perform(request)
    inbox.post([.fetchedKeyed(id, slot, key, result)], completedWork: 1)
  }
}

private func startKeyUpdateTask<Input: Sendable>(
  id: UUID, update: KeyUpdate, source: some OrgDataSource, readOnly: Bool,
  inbox: ProgramInbox<RuntimeEvent<Input>>
) -> Task<Void, Never> {
  Task.detached(executorPreference: source.taskExecutor) {
    let result = readOnly ? .failure(.readOnly) : await source.perform(update)
    inbox.post([.keyUpdated(id, update, result)], completedWork: 1)
  }
}

func scheduleWake<Input: Sendable>(
  at deadline: Date, on clock: some WallClock, inbox: ProgramInbox<RuntimeEvent<Input>>
) -> ScheduledWake {
  clock.schedule(at: deadline) { inbox.post([.woke(deadline)]) }
}
