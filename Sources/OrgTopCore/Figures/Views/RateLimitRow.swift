import Foundation

/// One rate-limit group as the rate-limits view shows it (`GET /v1/organizations/rate_limits`):
/// every configured limiter with its value, the last hour's peak minute against it where the
/// usage report can measure it, the headroom left, and any workspace overrides.
package struct RateLimitRow: Hashable, Sendable, Identifiable {
  /// One limiter of the group.
  package struct Limiter: Hashable, Sendable {
    /// The limiter type as the API sends it (an open string).
    package var type: String
    /// The configured value (`limits[].value`).
    package var value: Int
    /// The busiest complete minute of the last hour for what this limiter counts; `nil` when
    /// it is not measurable: the recent usage is not loaded, the group is not a model group,
    /// the limiter is not one of requests, input or output tokens per minute, or it is
    /// requests and the report has no request counts (legacy).
    package var peakPerMinute: Int?
    /// 1 − peak ÷ value (negative when the peak exceeded it); `nil` when the peak is unknown
    /// or the value is not positive.
    package var headroom: Double?
    /// Workspace overrides of this limiter, by workspace id (empty when none are loaded).
    package var overrides: [String: Int]

    package init(
      type: String, value: Int, peakPerMinute: Int?, headroom: Double?,
      overrides: [String: Int] = [:]
    ) {
      self.type = type
      self.value = value
      self.peakPerMinute = peakPerMinute
      self.headroom = headroom
      self.overrides = overrides
    }
  }

  /// The group id (`rlg_…`).
  package var id: String
  /// `model_group`, `batch`, `token_count`, `files`, `skills`, `web_search`, or newer.
  package var groupType: String
  /// What the row is called: a model group's display name, any other group's type.
  package var name: String
  /// The model ids and aliases of a model group; empty for other groups.
  package var models: [String]
  /// Every limiter the group lists, in the API's order.
  package var limiters: [Limiter]

  package init(
    id: String, groupType: String, name: String, models: [String], limiters: [Limiter]
  ) {
    self.id = id
    self.groupType = groupType
    self.name = name
    self.models = models
    self.limiters = limiters
  }
}

extension RateLimitRow {
  /// The measured limiter types and what each counts per minute (docs/admin-api.md §14: input
  /// is uncached input plus cache creation, cache reads excluded).
  package static let measuredTypes = [
    "requests_per_minute", "input_tokens_per_minute", "output_tokens_per_minute",
  ]

  /// The rows of every group in the API's order; empty while the limits are not loaded.
  package static func rows(state: DashboardState, overrides: [RateLimitOverride] = [])
    -> [RateLimitRow]
  {
    guard let groups = state.rateLimits.value else { return [] }
    let report = state.recentUsage.value
    let asOf = report.map {
      DashboardFigures.asOf(
        reported: $0.dataRefreshedAt, fetchedAt: state.recentUsage.status.fetchedAt,
        windowEnd: $0.query.end)
    }
    return rows(groups: groups, recent: report, asOf: asOf ?? .distantPast, overrides: overrides)
  }

  /// The rows from the facts. One pass over the report: each row's model finds its group in a
  /// dictionary, and its minute's input, output and requests are added to that group's
  /// per-minute tallies; only complete minutes (ended by `asOf` and the window's end) count,
  /// as in ``RecentUsage/headroom(report:groups:asOf:)``.
  package static func rows(
    groups: [RateLimitGroup], recent: UsageReport?, asOf: Date,
    overrides: [RateLimitOverride] = []
  ) -> [RateLimitRow] {
    var groupOfModel: [String: Int] = [:]
    for (index, group) in groups.enumerated() where group.groupType == "model_group" {
      for model in group.models where groupOfModel[model] == nil { groupOfModel[model] = index }
    }
    // Per group: per minute (epoch minute) the input, output and requests.
    var tallies: [[Int: (input: Int, output: Int, requests: Int)]] = Array(
      repeating: [:], count: groups.count)
    if let recent {
      let first = UTCCalendar.minuteStart(containing: recent.query.start)
      let end = min(asOf, recent.query.end)
      for row in recent.rows {
        guard let model = row.model, let index = groupOfModel[model] else { continue }
        let minute = UTCCalendar.minuteStart(containing: row.start)
        guard minute >= first, minute.addingTimeInterval(60) <= end else { continue }
        let key = UTCCalendar.epochSeconds(minute) / 60
        var tally = tallies[index][key] ?? (0, 0, 0)
        tally.input += row.tokens.rateLimitedInput
        tally.output += row.tokens.output
        tally.requests += row.requests ?? 0
        tallies[index][key] = tally
      }
    }
    let hasRequests = recent?.source == .analytics
    var overridesByGroup: [String: [String: [String: Int]]] = [:]
    for item in overrides {
      overridesByGroup[item.groupID, default: [:]][item.limiterType, default: [:]][
        item.workspaceID] = item.value
    }
    return groups.enumerated().map { index, group in
      let isModelGroup = group.groupType == "model_group"
      let minutes = tallies[index].values
      let limiters = group.limits.map { limit -> Limiter in
        var peak: Int?
        if recent != nil, isModelGroup {
          switch limit.type {
          case "input_tokens_per_minute": peak = minutes.map { $0.input }.max() ?? 0
          case "output_tokens_per_minute": peak = minutes.map { $0.output }.max() ?? 0
          case "requests_per_minute" where hasRequests:
            peak = minutes.map { $0.requests }.max() ?? 0
          default: peak = nil
          }
        }
        return Limiter(
          type: limit.type, value: limit.value, peakPerMinute: peak,
          headroom: peak.flatMap { limit.value > 0 ? 1 - Double($0) / Double(limit.value) : nil },
          overrides: overridesByGroup[group.groupID]?[limit.type] ?? [:])
      }
      return RateLimitRow(
        id: group.groupID, groupType: group.groupType,
        name: isModelGroup ? (group.displayName ?? group.groupID) : group.groupType,
        models: group.models, limiters: limiters)
    }
  }
}
