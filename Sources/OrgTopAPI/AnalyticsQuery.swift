import Foundation
import OrgTopCore

/// Parameters of `GET /v1/organizations/analytics/usage` and `/cost` (admin-api.md §13.3).
package struct AnalyticsQuery: Hashable, Sendable {
  /// An array filter such as `api_key_ids[]` (give the name without brackets).
  package struct Filter: Hashable, Sendable {
    package var name: String
    package var values: [String]

    package init(name: String, values: [String]) {
      self.name = name
      self.values = values
    }
  }

  package var startingAt: Date
  /// Required by the API when a bucket width is set.
  package var endingAt: Date?
  /// `nil`: one row per group for the whole range.
  package var bucketWidth: BucketWidth?
  /// Dimensions such as `api_key_id`, `model` (at most 5, plus `cost_type`/`token_type` on cost).
  package var groupBy: [String]
  package var filters: [Filter]
  package var orderBy: String?
  package var order: String?
  /// Rows per page, 1–1000.
  package var limit: Int?

  package init(
    startingAt: Date, endingAt: Date? = nil, bucketWidth: BucketWidth? = nil,
    groupBy: [String] = [], filters: [Filter] = [], orderBy: String? = nil,
    order: String? = nil, limit: Int? = nil
  ) {
    self.startingAt = startingAt
    self.endingAt = endingAt
    self.bucketWidth = bucketWidth
    self.groupBy = groupBy
    self.filters = filters
    self.orderBy = orderBy
    self.order = order
    self.limit = limit
  }

  var parameters: QueryParameters {
    var query = QueryParameters()
    query.add("starting_at", startingAt)
    query.add("ending_at", endingAt)
    query.add("time_bucket_width", bucketWidth?.rawValue)
    query.add(array: "group_by", groupBy)
    for filter in filters { query.add(array: filter.name, filter.values) }
    query.add("order_by", orderBy)
    query.add("order", order)
    query.add("limit", limit)
    return query
  }
}

/// Parameters of the legacy `GET /v1/organizations/usage_report/messages` (admin-api.md §13.5).
package struct LegacyUsageQuery: Hashable, Sendable {
  package var startingAt: Date
  package var endingAt: Date?
  package var bucketWidth: BucketWidth
  package var groupBy: [String]
  package var apiKeyIDs: [String]
  package var workspaceIDs: [String]
  package var models: [String]
  /// Buckets per page; `nil` asks for the maximum the width allows, to save round trips.
  package var limit: Int?

  package init(
    startingAt: Date, endingAt: Date? = nil, bucketWidth: BucketWidth = .day,
    groupBy: [String] = [], apiKeyIDs: [String] = [], workspaceIDs: [String] = [],
    models: [String] = [], limit: Int? = nil
  ) {
    self.startingAt = startingAt
    self.endingAt = endingAt
    self.bucketWidth = bucketWidth
    self.groupBy = groupBy
    self.apiKeyIDs = apiKeyIDs
    self.workspaceIDs = workspaceIDs
    self.models = models
    self.limit = limit
  }

  /// The most buckets one page may hold for a width: 1d 31, 1h 168, 1m 1440.
  package static func maxLimit(_ width: BucketWidth) -> Int {
    switch width {
    case .day: 31
    case .hour: 168
    case .minute: 1440
    }
  }

  var parameters: QueryParameters {
    var query = QueryParameters()
    query.add("starting_at", startingAt)
    query.add("ending_at", endingAt)
    query.add("bucket_width", bucketWidth.rawValue)
    query.add(array: "group_by", groupBy)
    query.add(array: "api_key_ids", apiKeyIDs)
    query.add(array: "workspace_ids", workspaceIDs)
    query.add(array: "models", models)
    let maximum = Self.maxLimit(bucketWidth)
    query.add("limit", min(max(limit ?? maximum, 1), maximum))
    return query
  }
}

/// Parameters of the legacy `GET /v1/organizations/cost_report` (admin-api.md §13.6): daily
/// buckets only, grouped by `workspace_id` and/or `description`.
package struct LegacyCostQuery: Hashable, Sendable {
  package var startingAt: Date
  package var endingAt: Date?
  package var groupBy: [String]
  /// Buckets per page, 1–31; `nil` asks for 31.
  package var limit: Int?

  package init(
    startingAt: Date, endingAt: Date? = nil, groupBy: [String] = ["description"],
    limit: Int? = nil
  ) {
    self.startingAt = startingAt
    self.endingAt = endingAt
    self.groupBy = groupBy
    self.limit = limit
  }

  var parameters: QueryParameters {
    var query = QueryParameters()
    query.add("starting_at", startingAt)
    query.add("ending_at", endingAt)
    query.add("bucket_width", "1d")
    query.add(array: "group_by", groupBy)
    query.add("limit", min(max(limit ?? 31, 1), 31))
    return query
  }
}

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
