/// Where the dashboard's data comes from: one async method per resource, each returning the
/// whole resource (every page already followed).
///
/// Contract: methods throw only ``FetchFailure`` (adapters map transport and API errors at their
/// edge); they are safe to call concurrently; each call is one fetch with the adapter's own
/// bounded retries, never a polling loop. The live implementation is the Admin API client; the
/// demo is the same client pointed at the embedded simulator on loopback.
package protocol OrgDataSource: Sendable {
  /// A human label for where the data comes from, e.g. `api.anthropic.com` or `simulator`.
  var label: String { get }
  func organization() async throws -> Organization
  func apiKeys() async throws -> [APIKey]
  /// Every workspace, the Default and archived ones included.
  func workspaces() async throws -> [Workspace]
  func members() async throws -> [Member]
  /// Pending invitations.
  func invites() async throws -> [Invite]
  func rateLimits() async throws -> [RateLimitGroup]
  /// Organization and usage-tier limits; throws `.notAvailable` where the org cannot read them.
  func spendLimits() async throws -> [SpendLimit]
  func usage(_ query: ReportQuery) async throws -> UsageReport
  func cost(_ query: ReportQuery) async throws -> CostReport
  /// One workspace's members, every page (docs/admin-api.md §10).
  func workspaceMembers(workspaceID: String) async throws -> [WorkspaceMember]
  /// One workspace's rate limits with `include_inherited=true` (§11.2): every group it sees,
  /// each limiter saying whether its value is the workspace's own.
  func workspaceRateLimits(workspaceID: String) async throws -> [WorkspaceRateLimit]
  /// The one write: `POST /v1/organizations/api_keys/{id}` with the change; returns the key as
  /// the API answers it. Sent once, never retried. A source that cannot write refuses (the
  /// default, see `OrgDataSource+Writes.swift`).
  func updateAPIKey(_ update: KeyUpdate) async throws -> APIKey
  /// Where the runtime runs this source's fetches: the executor its I/O completes on, so a
  /// refresh wakes no other thread; `nil` (the default) for Swift's global pool.
  var taskExecutor: (any TaskExecutor)? { get }
}

extension OrgDataSource {
  /// Swift's global pool.
  package var taskExecutor: (any TaskExecutor)? { nil }
}
