import Foundation
import OrgTopCore

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
