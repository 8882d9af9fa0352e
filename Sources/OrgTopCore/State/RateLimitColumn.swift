/// A column of the rate-limits list, in display order; also the sort keys `s` cycles through.
package enum RateLimitColumn: Int, ListSortColumn {
  case group, limit, value, peak, headroom, overrides

  /// The header text.
  package var title: String {
    switch self {
    case .group: "GROUP"
    case .limit: "LIMIT"
    case .value: "VALUE"
    case .peak: "PEAK 1H"
    case .headroom: "HEADROOM"
    case .overrides: "OVERRIDES"
    }
  }

  /// Text A→Z, values, peaks and overrides largest first, headroom least first (the tightest limit is the
  /// one to look at).
  package var sortsDescendingByDefault: Bool {
    switch self {
    case .group, .limit, .headroom: false
    case .value, .peak, .overrides: true
    }
  }
}

/// One limiter of one rate-limit group: a line of the rate-limits list (a group with three
/// limiters is three lines, each naming its group).
package struct RateLimitLine: Hashable, Sendable, ListRow {
  /// The group's name (a model group's display name, else its type).
  package var group: String
  /// The group's type, and its models (what the filter matches besides the name).
  package var groupType: String
  package var models: [String]
  package var limiter: RateLimitRow.Limiter
  package var listID: String

  package init(row: RateLimitRow, limiter: RateLimitRow.Limiter) {
    group = row.name
    groupType = row.groupType
    models = row.models
    self.limiter = limiter
    listID = "\(row.id)/\(limiter.type)"
  }
}
