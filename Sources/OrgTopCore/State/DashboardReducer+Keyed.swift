import Foundation

/// The scheduler of the resources kept per key (``KeyedSlot``): it fetches only the keys the
/// screen wants now, at most ``KeyedSlot/maxInFlight`` of one resource at a time, and refetches
/// a key when its period has passed and it is still wanted. It reads the descriptions
/// (``KeyedResource``) and never names a slot.
extension DashboardReducer {
  /// The fetches to start now. None during an outage: the organization-wide probe says when
  /// the API answers again, and a screen's extras must not add to the load meanwhile.
  static func fetchDueKeyed(
    _ state: inout DashboardState, at now: Date, deriver: Deriver
  ) -> [Effect] {
    guard state.outage == nil else { return [] }
    let timeout = state.configuration.refreshPolicy.inFlightTimeout
    var effects: [Effect] = []
    for slot in KeyedSlot.allCases {
      let resource = slot.resource
      let wanted = resource.wanted(in: state, deriver: deriver)
      guard !wanted.isEmpty else { continue }
      var inFlight = 0
      var paused = false
      for key in resource.keys(in: state) {
        var status = resource.status(of: key, in: state)
        // A 429 or an API-wide failure on one key holds the whole resource until that key's
        // retry: the next workspace would only meet the same limit.
        if let failure = status.lastFailure, !status.isInFlight,
          failure.kind == .rateLimited || Outage.isAPIWide(failure),
          let next = status.nextAttempt, next > now
        {
          paused = true
        }
        guard let since = status.inFlightSince else { continue }
        if now.timeIntervalSince(since) > timeout {
          status.inFlightSince = nil  // lost: it must not hold a place forever
          resource.setStatus(status, of: key, in: &state)
        } else {
          inFlight += 1
        }
      }
      guard !paused else { continue }
      for key in wanted where inFlight < KeyedSlot.maxInFlight {
        var status = resource.status(of: key, in: state)
        guard status.isDue(at: now) else { continue }
        let request = resource.request(for: key)
        status.inFlightSince = now
        status.request = request
        resource.setStatus(status, of: key, in: &state)
        effects.append(.fetchKeyed(slot, key: key, request))
        inFlight += 1
      }
    }
    return effects
  }

  /// When a wanted key falls due again (a key never fetched waits for a place in flight,
  /// which a completion frees: it needs no timer).
  static func keyedWakes(of state: DashboardState, after now: Date, deriver: Deriver)
    -> [Date]
  {
    guard state.outage == nil else { return [] }
    var candidates: [Date] = []
    for slot in KeyedSlot.allCases {
      let resource = slot.resource
      for key in resource.wanted(in: state, deriver: deriver) {
        let status = resource.status(of: key, in: state)
        guard !status.isInFlight, let next = status.nextAttempt else { continue }
        candidates.append(max(next, now))
      }
    }
    return candidates
  }

  /// Applies one key's answer: the value and its next refresh on success; on failure the
  /// last good value stays and the key backs off on its own (one workspace's 404 or 500
  /// says nothing about the API as a whole).
  static func applyKeyed(
    _ result: Result<DataResponse, FetchFailure>, to slot: KeyedSlot, key: String,
    in state: inout DashboardState, at now: Date
  ) {
    let resource = slot.resource
    let policy = state.configuration.refreshPolicy
    var status = resource.status(of: key, in: state)
    status.inFlightSince = nil
    var failure: FetchFailure?
    switch result {
    case .success(let response):
      if resource.store(response, for: key, in: &state) {
        status.fetchedAt = now
        status.lastFailure = nil
        status.failedAt = nil
        status.consecutiveFailures = 0
        status.nextAttempt = now.addingTimeInterval(policy.duration(of: resource.period))
      } else {
        failure = FetchFailure(
          kind: .malformedResponse, message: "Unexpected response for \(slot.rawValue)",
          remedy: "Press r to retry; report a bug if it persists")
      }
    case .failure(let error):
      failure = error
    }
    if let failure {
      status.lastFailure = failure
      status.failedAt = now
      status.consecutiveFailures += 1
      let exponent = min(max(status.consecutiveFailures - 1, 0), 16)
      var delay = min(policy.backoffBase * Double(1 << exponent), policy.backoffCap)
      if let retryAfter = failure.retryAfter, retryAfter > 0 {
        delay = max(delay, min(retryAfter, policy.retryAfterCap))
      }
      status.nextAttempt = now.addingTimeInterval(delay)
    }
    resource.setStatus(status, of: key, in: &state)
  }

  /// `r`: every key not in flight is due now (fetched again if still wanted).
  static func makeKeyedDue(_ state: inout DashboardState) {
    for slot in KeyedSlot.allCases {
      let resource = slot.resource
      for key in resource.keys(in: state) {
        var status = resource.status(of: key, in: state)
        guard !status.isInFlight, status.nextAttempt != nil else { continue }
        status.nextAttempt = nil
        resource.setStatus(status, of: key, in: &state)
      }
    }
  }
}
