import Foundation
import OrgTopCore
import Synchronization

/// An in-memory ``OrgDataSource`` for tests: answers from values the test sets, can be told to
/// fail, and records every call so a test can assert what was fetched and when.
package final class FakeDataSource: OrgDataSource {
  private struct State {
    var organization: Result<Organization, FetchFailure> = .success(
      Organization(id: "org_fake", name: "Fake Org"))
    var apiKeys: Result<[APIKey], FetchFailure> = .success([])
    var workspaces: Result<[Workspace], FetchFailure> = .success([])
    var members: Result<[Member], FetchFailure> = .success([])
    var invites: Result<[Invite], FetchFailure> = .success([])
    var rateLimits: Result<[RateLimitGroup], FetchFailure> = .success([])
    var spendLimits: Result<[SpendLimit], FetchFailure> = .success([])
    var usageRows: Result<[UsageRow], FetchFailure> = .success([])
    var costRows: Result<[CostRow], FetchFailure> = .success([])
    /// Per workspace id; a workspace not set has none.
    var workspaceMembers: [String: [WorkspaceMember]] = [:]
    var workspaceRateLimits: [String: [WorkspaceRateLimit]] = [:]
    /// When set, every call fails with it (the network is down).
    var outage: FetchFailure?
    var calls: [DataRequest] = []
    /// Every key write asked, in order.
    var updates: [KeyUpdate] = []
    /// When set, every key write fails with it; otherwise it applies to `apiKeys`.
    var updateFailure: FetchFailure?
    /// While set, cost reports wait (a server that has not answered yet) until released.
    var holdsCostReports = false
    var heldCostReports: [CheckedContinuation<Void, Never>] = []
  }

  private let state = Mutex(State())

  package let label: String

  package let taskExecutor: (any TaskExecutor)?

  /// A source labelled `label` whose fetches prefer `taskExecutor` when given.
  package init(label: String = "fake", taskExecutor: (any TaskExecutor)? = nil) {
    self.label = label
    self.taskExecutor = taskExecutor
  }

  /// Every request made so far, in order.
  package var calls: [DataRequest] { state.withLock { $0.calls } }

  /// Every key write asked so far, in order.
  package var updates: [KeyUpdate] { state.withLock { $0.updates } }

  /// Makes every key write fail with `failure` (`nil`: writes succeed again).
  package func failUpdates(with failure: FetchFailure?) {
    state.withLock { $0.updateFailure = failure }
  }

  /// Forgets the recorded calls.
  package func resetCalls() { state.withLock { $0.calls.removeAll() } }

  package func setOrganization(_ organization: Organization) {
    state.withLock { $0.organization = .success(organization) }
  }

  package func setAPIKeys(_ keys: [APIKey]) {
    state.withLock { $0.apiKeys = .success(keys) }
  }

  package func setWorkspaces(_ workspaces: [Workspace]) {
    state.withLock { $0.workspaces = .success(workspaces) }
  }

  package func setWorkspaceMembers(_ members: [WorkspaceMember], of workspaceID: String) {
    state.withLock { $0.workspaceMembers[workspaceID] = members }
  }

  package func setWorkspaceRateLimits(_ limits: [WorkspaceRateLimit], of workspaceID: String) {
    state.withLock { $0.workspaceRateLimits[workspaceID] = limits }
  }

  package func setUsageRows(_ rows: [UsageRow]) {
    state.withLock { $0.usageRows = .success(rows) }
  }

  package func setCostRows(_ rows: [CostRow]) {
    state.withLock { $0.costRows = .success(rows) }
  }

  /// Makes every call fail with `failure` until ``endOutage()``.
  package func startOutage(_ failure: FetchFailure) {
    state.withLock { $0.outage = failure }
  }

  package func endOutage() {
    state.withLock { $0.outage = nil }
  }

  /// Cost reports asked from now on wait for ``releaseCostReports()``.
  package func holdCostReports() {
    state.withLock { $0.holdsCostReports = true }
  }

  /// Answers the cost reports held, and those asked later at once.
  package func releaseCostReports() {
    let held = state.withLock { state in
      state.holdsCostReports = false
      defer { state.heldCostReports.removeAll() }
      return state.heldCostReports
    }
    for continuation in held { continuation.resume() }
  }

  private func answer<Value: Sendable>(
    _ request: DataRequest, _ pick: (State) -> Result<Value, FetchFailure>
  ) throws(FetchFailure) -> Value {
    let result: Result<Value, FetchFailure> = state.withLock { state in
      state.calls.append(request)
      if let outage = state.outage { return .failure(outage) }
      return pick(state)
    }
    return try result.get()
  }

  package func organization() async throws -> Organization {
    try answer(.organization) { $0.organization }
  }

  package func apiKeys() async throws -> [APIKey] { try answer(.apiKeys) { $0.apiKeys } }

  package func workspaces() async throws -> [Workspace] {
    try answer(.workspaces) { $0.workspaces }
  }

  package func members() async throws -> [Member] { try answer(.members) { $0.members } }

  package func invites() async throws -> [Invite] { try answer(.invites) { $0.invites } }

  package func rateLimits() async throws -> [RateLimitGroup] {
    try answer(.rateLimits) { $0.rateLimits }
  }

  package func spendLimits() async throws -> [SpendLimit] {
    try answer(.spendLimits) { $0.spendLimits }
  }

  package func workspaceMembers(workspaceID: String) async throws -> [WorkspaceMember] {
    try answer(.workspaceMembers(workspaceID: workspaceID)) {
      .success($0.workspaceMembers[workspaceID] ?? [])
    }
  }

  package func workspaceRateLimits(workspaceID: String) async throws -> [WorkspaceRateLimit] {
    try answer(.workspaceRateLimits(workspaceID: workspaceID)) {
      .success($0.workspaceRateLimits[workspaceID] ?? [])
    }
  }

  package func usage(_ query: ReportQuery) async throws -> UsageReport {
    let rows = try answer(.usage(query)) { $0.usageRows }
    return UsageReport(query: query, rows: rows, source: .analytics, dataRefreshedAt: nil)
  }

  /// Applies the write to the keys it holds, as the API would, and returns the key changed.
  package func updateAPIKey(_ update: KeyUpdate) async throws -> APIKey {
    let result: Result<APIKey, FetchFailure> = state.withLock { state in
      state.updates.append(update)
      if let failure = state.outage ?? state.updateFailure { return .failure(failure) }
      guard var keys = try? state.apiKeys.get(),
        let index = keys.firstIndex(where: { $0.id == update.keyID })
      else {
        return .failure(
          FetchFailure(kind: .notFound, status: 404, message: "Not found", remedy: ""))
      }
      switch update.change {
      case .rename(let name): keys[index].name = name
      case .status(let status): keys[index].status = status
      }
      state.apiKeys = .success(keys)
      return .success(keys[index])
    }
    return try result.get()
  }

  package func cost(_ query: ReportQuery) async throws -> CostReport {
    let rows = try answer(.cost(query)) { $0.costRows }
    await withCheckedContinuation { continuation in
      let waits = state.withLock { state in
        if state.holdsCostReports { state.heldCostReports.append(continuation) }
        return state.holdsCostReports
      }
      if !waits { continuation.resume() }
    }
    return CostReport(query: query, rows: rows, source: .analytics, dataRefreshedAt: nil)
  }
}
