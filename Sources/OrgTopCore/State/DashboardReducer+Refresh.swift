import Foundation

extension DashboardReducer {
  /// Starts every due fetch and asks for the next wake-up: the refresh policy in one place.
  static func refresh(_ state: inout DashboardState, at now: Date, deriver: Deriver) -> [Effect] {
    handleMonthRollover(&state, at: now)
    var effects = fetchDueSlots(&state, at: now) + fetchDueKeyed(&state, at: now, deriver: deriver)
    if let wake = nextWake(for: state, after: now, deriver: deriver) {
      effects.append(.wake(at: wake))
    }
    return effects
  }

  /// `r`: every slot not in flight is due now, auth blocks are lifted (the user may have fixed
  /// the key). Slots the organization cannot read stay skipped for the session.
  static func forceRefresh(_ state: inout DashboardState, at now: Date, deriver: Deriver)
    -> [Effect]
  {
    for slot in DataSlot.allCases where !state[status: slot].isInFlight {
      state[status: slot].nextAttempt = nil
      state[status: slot].isBlocked = false
    }
    makeKeyedDue(&state)
    // During an outage, `r` probes now; the others follow when it answers.
    state.outage?.nextProbe = now
    return refresh(&state, at: now, deriver: deriver)
  }

  /// The instant the program must wake next: the earliest scheduled fetch (during an outage,
  /// the next probe), the instant a fetch in flight is given up as lost, and the month's turn
  /// (its figures go). Only the state's own deadlines: what a screen shows of the passing time
  /// (the clock, ages, countdowns) is the host's to redraw, and a tick of its own would run
  /// the reducer every second for nothing.
  static func nextWake(for state: DashboardState, after now: Date, deriver: Deriver) -> Date? {
    var candidates: [Date] = []
    if let outage = state.outage {
      if outage.probe == nil { candidates.append(max(outage.nextProbe, now)) }
    } else {
      candidates += scheduledFetches(of: state, after: now)
      candidates += keyedWakes(of: state, after: now, deriver: deriver)
    }
    candidates += lostFetchDeadlines(of: state, after: now)
    candidates.append(UTCCalendar.nextMonthStart(after: now))
    return candidates.min()
  }

  /// When each fetch in flight is given up as lost (``RefreshPolicy/inFlightTimeout``), a
  /// second after the timeout so that the check, which wants it exceeded, holds.
  private static func lostFetchDeadlines(of state: DashboardState, after now: Date) -> [Date] {
    let timeout = state.configuration.refreshPolicy.inFlightTimeout + 1
    var candidates: [Date] = []
    for slot in DataSlot.allCases {
      guard let since = state[status: slot].inFlightSince else { continue }
      candidates.append(max(since.addingTimeInterval(timeout), now))
    }
    for slot in KeyedSlot.allCases {
      let resource = slot.resource
      for key in resource.keys(in: state) {
        guard let since = resource.status(of: key, in: state).inFlightSince else { continue }
        candidates.append(max(since.addingTimeInterval(timeout), now))
      }
    }
    return candidates
  }

  private static func scheduledFetches(of state: DashboardState, after now: Date) -> [Date] {
    var candidates: [Date] = []
    for slot in DataSlot.allCases {
      let status = state[status: slot]
      guard !status.isInFlight, !status.isUnsupported, let next = status.nextAttempt
      else { continue }
      candidates.append(max(next, now))
    }
    return candidates
  }

  private static func fetchDueSlots(_ state: inout DashboardState, at now: Date) -> [Effect] {
    let monthStart = UTCCalendar.monthStart(containing: now)
    var effects: [Effect] = []
    let policy = state.configuration.refreshPolicy
    for slot in DataSlot.allCases {
      // A fetch that never answered (a lost task) must not wedge its slot forever.
      if let since = state[status: slot].inFlightSince,
        now.timeIntervalSince(since) > policy.inFlightTimeout
      {
        state[status: slot].inFlightSince = nil
      }
    }
    for slot in dueSlots(&state, at: now) {
      // In the first minute of a month the window [M0, now) is (nearly) empty, and an empty
      // range is a 400 from the API: wait until it is a minute wide.
      if slot.resource.isMonthToDate, now < monthStart.addingTimeInterval(60) {
        state[status: slot].nextAttempt = monthStart.addingTimeInterval(60)
        continue
      }
      let request = slot.resource.request(at: now, in: state)
      state[status: slot].inFlightSince = now
      state[status: slot].request = request
      effects.append(.fetch(slot, request))
    }
    return effects
  }

  /// The slots to fetch now: every due slot, or during an ``Outage`` at most one probe (a slot
  /// that needs data first), when the outage's backoff allows it.
  private static func dueSlots(_ state: inout DashboardState, at now: Date) -> [DataSlot] {
    let due = DataSlot.allCases.filter { state[status: $0].isDue(at: now) }
    guard var outage = state.outage else { return due }
    defer { state.outage = outage }
    if let probe = outage.probe, !state[status: probe].isInFlight {
      outage.probe = nil  // lost (see `inFlightTimeout`): send another
    }
    guard outage.probe == nil, now >= outage.nextProbe,
      let probe = due.first(where: { state[status: $0].isFailing }) ?? due.first
    else { return [] }
    outage.probe = probe
    return [probe]
  }

  /// When the month turns, month-to-date figures of the old month are wrong for the new one:
  /// drop them and fetch the new window now.
  private static func handleMonthRollover(_ state: inout DashboardState, at now: Date) {
    let monthStart = UTCCalendar.monthStart(containing: now)
    for slot in DataSlot.allCases where slot.resource.isMonthToDate {
      slot.resource.dropValue(before: monthStart, in: &state)
    }
  }

  /// Applies a fetch result to its slot: the value and the schedule on success; the failure,
  /// the backoff or the block on failure (the last good value stays).
  static func apply(
    _ result: Result<DataResponse, FetchFailure>, to slot: DataSlot,
    in state: inout DashboardState, at now: Date
  ) {
    let policy = state.configuration.refreshPolicy
    let requested = state[status: slot].request
    // The period runs from the request, not the answer: slots asked together stay together
    // however their answers straggle, and a slow answer does not stretch the cadence.
    let asked = state[status: slot].inFlightSince ?? now
    state[status: slot].inFlightSince = nil
    switch result {
    case .success(let response):
      if slot.resource.isMonthToDate, let requested,
        (windowStart(of: requested) ?? now) < UTCCalendar.monthStart(containing: now)
      {
        // Asked before the month turned: the answer is last month's. Ask again now.
        state[status: slot].nextAttempt = nil
        return
      }
      guard slot.resource.store(response, in: &state) else {
        recordFailure(
          FetchFailure(
            kind: .malformedResponse, message: "Unexpected response for \(slot.rawValue)",
            remedy: "Press r to retry; report a bug if it persists"),
          for: slot, in: &state, at: now, policy: policy)
        return
      }
      var status = state[status: slot]
      status.fetchedAt = now
      status.lastFailure = nil
      status.failedAt = nil
      status.consecutiveFailures = 0
      status.isBlocked = false
      status.nextAttempt = asked.addingTimeInterval(policy.refreshDelay(for: slot, at: asked))
      state[status: slot] = status
      // The API answers again: the slots that waited out the outage are due now.
      state.outage = nil
    case .failure(let failure):
      recordFailure(failure, for: slot, in: &state, at: now, policy: policy)
    }
  }

  private static func recordFailure(
    _ failure: FetchFailure, for slot: DataSlot, in state: inout DashboardState, at now: Date,
    policy: RefreshPolicy
  ) {
    var status = state[status: slot]
    defer { state[status: slot] = status }
    if failure.kind == .cancelled {
      status.nextAttempt = now.addingTimeInterval(policy.backoffBase)
      return
    }
    // Some organizations cannot read a resource at all (spend limits): stop asking.
    if slot.resource.unreadableWhen.contains(failure.kind) {
      status.isUnsupported = true
      status.lastFailure = failure
      status.failedAt = now
      status.nextAttempt = nil
      return
    }
    status.lastFailure = failure
    status.failedAt = now
    status.consecutiveFailures += 1
    if Outage.isAPIWide(failure) {
      status.nextAttempt = nil  // due as soon as the outage ends
      noteOutage(failure, from: slot, in: &state, at: now, policy: policy)
      return
    }
    if failure.kind == .unauthorized || failure.kind == .forbidden {
      status.isBlocked = true
      status.nextAttempt = now.addingTimeInterval(
        policy.blockedDelay(for: slot, afterFailures: status.consecutiveFailures))
      return
    }
    let delay = policy.retryDelay(
      for: slot, afterFailures: status.consecutiveFailures, retryAfter: failure.retryAfter)
    status.nextAttempt = now.addingTimeInterval(delay)
  }

  /// Starts an outage, or moves it on: only the probe's failure backs the next probe off; the
  /// failures of fetches sent before the outage began only update what the screen says.
  private static func noteOutage(
    _ failure: FetchFailure, from slot: DataSlot, in state: inout DashboardState, at now: Date,
    policy: RefreshPolicy
  ) {
    guard var outage = state.outage else {
      state.outage = Outage(
        since: now, failure: failure,
        nextProbe: now.addingTimeInterval(policy.probeDelay(afterFailures: 1, failure: failure)))
      return
    }
    outage.failure = failure
    if outage.probe == slot {
      outage.probe = nil
      outage.failedProbes += 1
      outage.nextProbe = now.addingTimeInterval(
        policy.probeDelay(afterFailures: outage.failedProbes, failure: failure))
    }
    state.outage = outage
  }

  private static func windowStart(of request: DataRequest) -> Date? {
    switch request {
    case .usage(let query), .cost(let query): query.start
    default: nil
    }
  }
}
