import Foundation
import OrgTopCore

/// The usage and cost report endpoints of admin-api.md §13.
extension AdminClient {
  /// The beta value the analytics endpoints require.
  package static let analyticsBeta = "analytics-usage-cost-2026-08-24"

  /// `GET /v1/organizations/analytics/usage` (beta), every page; a 410 cursor restarts once.
  package func analyticsUsage(_ query: AnalyticsQuery) async throws(AdminClientError)
    -> ReportRows<UsageRow>
  {
    try await walkReportPages(
      path: Self.organizationsPath + "/analytics/usage", query: query.parameters,
      beta: Self.analyticsBeta
    ) { (row: WireAnalyticsUsageRow) in [row.toDomain()] }
  }

  /// `GET /v1/organizations/analytics/cost` (beta), every page; a 410 cursor restarts once.
  package func analyticsCost(_ query: AnalyticsQuery) async throws(AdminClientError)
    -> ReportRows<CostRow>
  {
    try await walkReportPages(
      path: Self.organizationsPath + "/analytics/cost", query: query.parameters,
      beta: Self.analyticsBeta
    ) { (row: WireAnalyticsCostRow) throws(MalformedWire) in [try row.toDomain()] }
  }

  /// Legacy `GET /v1/organizations/usage_report/messages`, every page: one row per bucket and
  /// group, without request counts.
  package func legacyUsage(_ query: LegacyUsageQuery) async throws(AdminClientError)
    -> [UsageRow]
  {
    try await walkReportPages(
      path: Self.organizationsPath + "/usage_report/messages", query: query.parameters
    ) { (bucket: WireLegacyBucket<WireLegacyUsageRow>) in bucket.usageRows() }.rows
  }

  /// Legacy `GET /v1/organizations/cost_report`, every page: one row per bucket and result,
  /// never with a key id.
  package func legacyCost(_ query: LegacyCostQuery) async throws(AdminClientError) -> [CostRow] {
    try await walkReportPages(
      path: Self.organizationsPath + "/cost_report", query: query.parameters
    ) { (bucket: WireLegacyBucket<WireLegacyCostRow>) throws(MalformedWire) in
      try bucket.costRows()
    }.rows
  }
}
