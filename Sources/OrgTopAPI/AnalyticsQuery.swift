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
