import Foundation
import Logging
import OrgTopCore

/// The dashboard's data source over the real Admin API (or the simulator on loopback): each
/// method is one whole resource, every page followed, errors phrased as ``FetchFailure``.
package struct LiveDataSource: OrgDataSource {
  package let client: AdminClient
  private let decider: ReportSourceDecider

  /// `reportSource` forces a family instead of probing for it.
  package init(client: AdminClient, reportSource: ReportSource? = nil) {
    self.client = client
    self.decider = ReportSourceDecider(forced: reportSource)
  }

  package var label: String { client.baseURL.label }

  /// The client's loop: a fetch's work runs where its responses arrive.
  package var taskExecutor: (any TaskExecutor)? { client.taskExecutor }

  /// The usage and cost family for this process (probed on first use), for the screen.
  package func reportSource() async throws -> ReportSource {
    try await mapped { () async throws(AdminClientError) in try await decider.source(using: client)
    }
  }

  package func organization() async throws -> Organization {
    try await mapped { () async throws(AdminClientError) in try await client.organization() }
  }

  package func apiKeys() async throws -> [APIKey] {
    try await mapped { () async throws(AdminClientError) in try await client.apiKeys(limit: 1000) }
  }

  package func workspaces() async throws -> [Workspace] {
    try await mapped { () async throws(AdminClientError) in
      try await client.workspaces(includeArchived: true, includeDefault: true, limit: 1000)
    }
  }

  package func members() async throws -> [Member] {
    try await mapped { () async throws(AdminClientError) in try await client.users(limit: 1000) }
  }

  package func invites() async throws -> [Invite] {
    try await mapped { () async throws(AdminClientError) in
      try await client.invites(statuses: [.pending], limit: 1000)
    }
  }

  package func rateLimits() async throws -> [RateLimitGroup] {
    try await mapped { () async throws(AdminClientError) in try await client.rateLimits() }
  }

  package func workspaceMembers(workspaceID: String) async throws -> [WorkspaceMember] {
    // 1,000 a page (the most, §10): one request for any workspace of up to 1,000 members.
    try await mapped { () async throws(AdminClientError) in
      try await client.workspaceMembers(workspaceID: workspaceID, limit: 1000)
    }
  }

  package func workspaceRateLimits(workspaceID: String) async throws -> [WorkspaceRateLimit] {
    // No `limit`: every group in one page (§11.2).
    try await mapped { () async throws(AdminClientError) in
      try await client.workspaceRateLimits(workspaceID: workspaceID, includeInherited: true)
    }
  }

  package func spendLimits() async throws -> [SpendLimit] {
    do {
      return try await client.spendLimits(scopeTypes: ["organization", "usage_tier"])
    } catch {
      if case .api(let apiError) = error, Self.meansSpendLimitsUnreadable(apiError) {
        throw FetchFailure(
          kind: .notAvailable, status: apiError.status,
          message: "Spend limits are not readable for this organization (\(apiError.status))",
          remedy: "Pass --budget DOLLARS to get a spend gauge",
          requestID: apiError.requestID)
      }
      throw error.fetchFailure(host: label)
    }
  }

  /// §14: any 4xx other than 401, 429 (and the retryable 408/409) means "not readable".
  static func meansSpendLimitsUnreadable(_ error: APIError) -> Bool {
    (400..<500).contains(error.status) && ![401, 408, 409, 429].contains(error.status)
  }

  package func usage(_ query: ReportQuery) async throws -> UsageReport {
    try await mapped { () async throws(AdminClientError) in
      // A query that names its family gets it: the decider's verdict is for the figures that
      // must agree across usage and cost.
      let source: ReportSource
      if let forced = query.source {
        source = forced
      } else {
        source = try await decider.source(using: client)
      }
      switch source {
      case .analytics:
        let result = try await client.analyticsUsage(Self.analyticsQuery(query))
        return UsageReport(
          query: query, rows: result.rows, source: .analytics,
          dataRefreshedAt: result.dataRefreshedAt)
      case .legacy:
        let rows = try await client.legacyUsage(
          LegacyUsageQuery(
            startingAt: query.start, endingAt: query.end, bucketWidth: query.bucket ?? .day,
            groupBy: query.groupBy.map(\.rawValue)))
        let shaped = query.bucket == nil ? LegacyShaping.wholeRange(rows, query: query) : rows
        return UsageReport(query: query, rows: shaped, source: .legacy, dataRefreshedAt: nil)
      }
    }
  }

  package func cost(_ query: ReportQuery) async throws -> CostReport {
    let source = try await reportSource()
    if source == .legacy, let bucket = query.bucket, bucket != .day {
      throw FetchFailure(
        kind: .notAvailable, message: "The legacy cost report has daily buckets only",
        remedy: "Finer cost needs the Usage & Cost Analytics API")
    }
    return try await mapped { () async throws(AdminClientError) in
      switch source {
      case .analytics:
        let result = try await client.analyticsCost(Self.analyticsQuery(query))
        return CostReport(
          query: query, rows: result.rows, source: .analytics,
          dataRefreshedAt: result.dataRefreshedAt)
      case .legacy:
        // Per-model cost exists only through `description`; per-key cost does not exist.
        var groupBy = ["description"]
        if query.groupBy.contains(.workspace) { groupBy.append("workspace_id") }
        let rows = try await client.legacyCost(
          LegacyCostQuery(startingAt: query.start, endingAt: query.end, groupBy: groupBy))
        return CostReport(
          query: query, rows: LegacyShaping.costRows(rows, query: query), source: .legacy,
          dataRefreshedAt: nil)
      }
    }
  }

  /// Analytics always gets `ending_at` (required with a bucket width) and the largest pages.
  static func analyticsQuery(_ query: ReportQuery) -> AnalyticsQuery {
    AnalyticsQuery(
      startingAt: query.start, endingAt: query.end, bucketWidth: query.bucket,
      groupBy: query.groupBy.map(\.rawValue), limit: 1000)
  }

  private func mapped<T: Sendable>(_ body: () async throws(AdminClientError) -> T)
    async throws(FetchFailure) -> T
  {
    do {
      return try await body()
    } catch {
      let failure = error.fetchFailure(host: label)
      if failure.kind != .cancelled {
        client.configuration.logger.error(
          "\(failure.message). \(failure.remedy)",
          metadata: failure.requestID.map { ["request-id": "\($0)"] } ?? [:])
      }
      throw failure
    }
  }
}

extension LiveDataSource: CustomStringConvertible, CustomReflectable {
  package var description: String { "LiveDataSource(\(client))" }
  package var customMirror: Mirror { Mirror(self, children: ["client": client.description]) }
}
