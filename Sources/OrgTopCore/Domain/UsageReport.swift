import Foundation

/// Which family of report endpoints answered: the Usage & Cost Analytics API, or the legacy
/// usage and cost reports it falls back to (admin-api.md §13.1). Decided once per run.
package enum ReportSource: String, Hashable, Sendable {
  case analytics
  case legacy
}

/// The width of a report's time buckets, all on UTC boundaries.
package enum BucketWidth: String, Hashable, Sendable, CaseIterable {
  case minute = "1m"
  case hour = "1h"
  case day = "1d"
}

/// A dimension to group a usage or cost report by. Only those the dashboard uses.
package enum ReportDimension: String, Hashable, Sendable, CaseIterable {
  case apiKey = "api_key_id"
  case model
  case workspace = "workspace_id"
}

/// What to ask of a usage or cost report: a UTC window `[start, end)`, an optional bucket width
/// (`nil` = one row per group for the whole window), and the grouping.
package struct ReportQuery: Hashable, Sendable {
  package var start: Date
  package var end: Date
  package var bucket: BucketWidth?
  package var groupBy: [ReportDimension]
  /// The report family this query must use, whatever the session decided (`nil`: the decided
  /// one). The per-key hourly report asks for legacy, whose pages count buckets, not rows.
  package var source: ReportSource?

  package init(
    start: Date, end: Date, bucket: BucketWidth?, groupBy: [ReportDimension],
    source: ReportSource? = nil
  ) {
    self.start = start
    self.end = end
    self.bucket = bucket
    self.groupBy = groupBy
    self.source = source
  }
}

/// Token counts of one usage row.
package struct TokenCounts: Hashable, Sendable {
  package var uncachedInput: Int
  package var output: Int
  package var cacheRead: Int
  package var cacheCreation5m: Int
  package var cacheCreation1h: Int
  package var webSearchRequests: Int

  package init(
    uncachedInput: Int = 0, output: Int = 0, cacheRead: Int = 0, cacheCreation5m: Int = 0,
    cacheCreation1h: Int = 0, webSearchRequests: Int = 0
  ) {
    self.uncachedInput = uncachedInput
    self.output = output
    self.cacheRead = cacheRead
    self.cacheCreation5m = cacheCreation5m
    self.cacheCreation1h = cacheCreation1h
    self.webSearchRequests = webSearchRequests
  }

  /// Every token type summed: what analytics calls `total_tokens`.
  package var total: Int { uncachedInput + output + cacheRead + cacheCreation5m + cacheCreation1h }

  /// Input that counts toward input-tokens-per-minute limits (cache reads excluded).
  package var rateLimitedInput: Int { uncachedInput + cacheCreation5m + cacheCreation1h }

  package static func + (lhs: TokenCounts, rhs: TokenCounts) -> TokenCounts {
    TokenCounts(
      uncachedInput: lhs.uncachedInput + rhs.uncachedInput, output: lhs.output + rhs.output,
      cacheRead: lhs.cacheRead + rhs.cacheRead,
      cacheCreation5m: lhs.cacheCreation5m + rhs.cacheCreation5m,
      cacheCreation1h: lhs.cacheCreation1h + rhs.cacheCreation1h,
      webSearchRequests: lhs.webSearchRequests + rhs.webSearchRequests)
  }
}

/// One row of a usage report: a time bucket and group (a `nil` group value means "not grouped by
/// that", or usage that cannot be attributed, such as Console usage with no key).
package struct UsageRow: Hashable, Sendable {
  package var start: Date
  package var end: Date
  package var apiKeyID: String?
  package var model: String?
  package var workspaceID: String?
  package var tokens: TokenCounts
  /// Request count; the legacy report has none.
  package var requests: Int?

  package init(
    start: Date, end: Date, apiKeyID: String? = nil, model: String? = nil,
    workspaceID: String? = nil,
    tokens: TokenCounts, requests: Int? = nil
  ) {
    self.start = start
    self.end = end
    self.apiKeyID = apiKeyID
    self.model = model
    self.workspaceID = workspaceID
    self.tokens = tokens
    self.requests = requests
  }
}

/// One row of a cost report. The legacy report cannot group by key: its `apiKeyID` is always `nil`.
package struct CostRow: Hashable, Sendable {
  package var start: Date
  package var end: Date
  package var apiKeyID: String?
  package var model: String?
  package var workspaceID: String?
  /// After discounts, before credits; fractional cents.
  package var amount: Money

  package init(
    start: Date, end: Date, apiKeyID: String? = nil, model: String? = nil,
    workspaceID: String? = nil,
    amount: Money
  ) {
    self.start = start
    self.end = end
    self.apiKeyID = apiKeyID
    self.model = model
    self.workspaceID = workspaceID
    self.amount = amount
  }
}

/// A whole usage report (every page), with where it came from and how fresh it is.
package struct UsageReport: Hashable, Sendable {
  package var query: ReportQuery
  package var rows: [UsageRow]
  package var source: ReportSource
  /// The instant the data is complete up to (analytics `data_refreshed_at`); `nil` when the
  /// source does not say (legacy: about five minutes behind).
  package var dataRefreshedAt: Date?

  package init(query: ReportQuery, rows: [UsageRow], source: ReportSource, dataRefreshedAt: Date?) {
    self.query = query
    self.rows = rows
    self.source = source
    self.dataRefreshedAt = dataRefreshedAt
  }
}

extension UsageReport {
  /// This report brought up to date by `answer`, a report of the same shape for a window that
  /// starts inside this one and ends later: the buckets from `answer`'s start come from
  /// `answer`, the earlier ones from this report back to `windowStart`, and the result covers
  /// `[windowStart, answer's end)` as one fetch of that window would. An `answer` that does not
  /// continue this report (another source or shape, or starting after this one ends) is
  /// returned as it is.
  package func updated(by answer: UsageReport, windowStart: Date) -> UsageReport {
    guard answer.source == source, answer.query.bucket == query.bucket,
      answer.query.groupBy == query.groupBy, query.start <= windowStart,
      answer.query.start <= query.end
    else { return answer }
    let kept = rows.filter { $0.start >= windowStart && $0.start < answer.query.start }
    var merged = answer
    merged.query.start = min(windowStart, answer.query.start)
    merged.rows = kept + answer.rows
    return merged
  }
}

/// A whole cost report (every page).
package struct CostReport: Hashable, Sendable {
  package var query: ReportQuery
  package var rows: [CostRow]
  package var source: ReportSource
  package var dataRefreshedAt: Date?

  package init(query: ReportQuery, rows: [CostRow], source: ReportSource, dataRefreshedAt: Date?) {
    self.query = query
    self.rows = rows
    self.source = source
    self.dataRefreshedAt = dataRefreshedAt
  }
}
