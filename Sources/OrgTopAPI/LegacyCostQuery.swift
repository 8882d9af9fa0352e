import Foundation

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
