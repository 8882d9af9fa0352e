import Foundation

extension DashboardReducer {
  /// Starts every due fetch and asks for the next wake-up: the refresh policy in one place.
  static func refresh(_ state: inout DashboardState, at now: Date) -> [Effect] {
    handleMonthRollover(&state, at: now)
    var effects = fetchDueSlots(&state, at: now)
    if let wake = nextWake(for: state, after: now) { effects.append(.wake(at: wake)) }
    return effects
  }

  /// `r`: every slot not in flight is due now, auth blocks are lifted (the user may have fixed
  /// the key). Slots the organization cannot read stay skipped for the session.
  static func forceRefresh(_ state: inout DashboardState, at now: Date) -> [Effect] {
    for slot in DataSlot.allCases where !state[status: slot].isInFlight {
      state[status: slot].nextAttempt = nil
      state[status: slot].isBlocked = false
    }
    return refresh(&state, at: now)
  }

  /// The instant the program must wake next: the earliest scheduled fetch, and the next whole
  /// second while the clock is shown (else the next 10 s, for the coarse status texts).
  static func nextWake(for state: DashboardState, after now: Date) -> Date? {
    var candidates: [Date] = []
    for slot in DataSlot.allCases {
      let status = state[status: slot]
      guard !status.isInFlight, !status.isBlocked, !status.isUnsupported,
        let next = status.nextAttempt
      else { continue }
      candidates.append(max(next, now))
    }
    let tick = state.configuration.showsClock ? 1 : 10
    candidates.append(UTCCalendar.floor(now, to: tick).addingTimeInterval(TimeInterval(tick)))
    return candidates.min()
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
    for slot in DataSlot.allCases where state[status: slot].isDue(at: now) {
      // In the first minute of a month the window [M0, now) is (nearly) empty, and an empty
      // range is a 400 from the API: wait until it is a minute wide.
      if ReportWindows.isMonthWindow(slot), now < monthStart.addingTimeInterval(60) {
        state[status: slot].nextAttempt = monthStart.addingTimeInterval(60)
        continue
      }
      let request = ReportWindows.request(for: slot, at: now)
      state[status: slot].inFlightSince = now
      state[status: slot].request = request
      effects.append(.fetch(slot, request))
    }
    return effects
  }

  /// When the month turns, month-to-date figures of the old month are wrong for the new one:
  /// drop them and fetch the new window now.
  private static func handleMonthRollover(_ state: inout DashboardState, at now: Date) {
    let monthStart = UTCCalendar.monthStart(containing: now)
    func dropIfOld<Report>(_ slot: inout Loadable<Report>, start: (Report) -> Date) {
      guard let value = slot.value, start(value) < monthStart else { return }
      slot.value = nil
      slot.status.nextAttempt = nil
    }
    dropIfOld(&state.monthUsage) { $0.query.start }
    dropIfOld(&state.monthCost) { $0.query.start }
    dropIfOld(&state.dailyCost) { $0.query.start }
  }

  /// Applies a fetch result to its slot: the value and the schedule on success; the failure,
  /// the backoff or the block on failure (the last good value stays).
  static func apply(
    _ result: Result<DataResponse, FetchFailure>, to slot: DataSlot,
    in state: inout DashboardState, at now: Date
  ) {
    let policy = state.configuration.refreshPolicy
    let requested = state[status: slot].request
    state[status: slot].inFlightSince = nil
    switch result {
    case .success(let response):
      if ReportWindows.isMonthWindow(slot), let requested,
        (windowStart(of: requested) ?? now) < UTCCalendar.monthStart(containing: now)
      {
        // Asked before the month turned: the answer is last month's. Ask again now.
        state[status: slot].nextAttempt = nil
        return
      }
      guard store(response, in: slot, state: &state) else {
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
      status.nextAttempt = now.addingTimeInterval(policy.ttl(for: slot))
      state[status: slot] = status
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
    // Spend limits: any 4xx but 401/429 means this organization cannot read them (§14).
    if slot == .spendLimits,
      [.badRequest, .forbidden, .notFound, .notAvailable].contains(failure.kind)
    {
      status.isUnsupported = true
      status.lastFailure = failure
      status.failedAt = now
      status.nextAttempt = nil
      return
    }
    status.lastFailure = failure
    status.failedAt = now
    status.consecutiveFailures += 1
    if failure.kind == .unauthorized || failure.kind == .forbidden {
      status.isBlocked = true
      status.nextAttempt = nil
      return
    }
    let delay = policy.retryDelay(
      for: slot, afterFailures: status.consecutiveFailures, retryAfter: failure.retryAfter)
    status.nextAttempt = now.addingTimeInterval(delay)
  }

  private static func windowStart(of request: DataRequest) -> Date? {
    switch request {
    case .usage(let query), .cost(let query): query.start
    default: nil
    }
  }

  /// Stores a response in its slot; `false` when the response is not this slot's kind.
  private static func store(
    _ response: DataResponse, in slot: DataSlot, state: inout DashboardState
  ) -> Bool {
    switch (slot, response) {
    case (.organization, .organization(let value)): state.organization.value = value
    case (.apiKeys, .apiKeys(let value)): state.apiKeys.value = value
    case (.workspaces, .workspaces(let value)): state.workspaces.value = value
    case (.members, .members(let value)): state.members.value = value
    case (.invites, .invites(let value)): state.invites.value = value
    case (.rateLimits, .rateLimits(let value)): state.rateLimits.value = value
    case (.spendLimits, .spendLimits(let value)): state.spendLimits.value = value
    case (.monthUsage, .usage(let value)): state.monthUsage.value = value
    case (.monthCost, .cost(let value)): state.monthCost.value = value
    case (.recentUsage, .usage(let value)): state.recentUsage.value = value
    case (.keyActivity, .usage(let value)): state.keyActivity.value = value
    case (.dailyCost, .cost(let value)): state.dailyCost.value = value
    default: return false
    }
    return true
  }
}
