import Foundation

/// Per-key activity over the last 30 days from daily usage buckets: the last active day and a
/// daily token series. The API has no `last_used_at`; this is the documented derivation.
package struct KeyActivity: Hashable, Sendable {
  /// What "last active" says for a key.
  package enum LastActive: Hashable, Sendable {
    /// The UTC day (00:00Z) of the latest bucket with tokens.
    case day(Date)
    /// No usage in the window, and the key is older than the window.
    case beforeWindow
    /// No usage, and the key was created inside the window.
    case never
    /// The activity report is not loaded.
    case unknown
  }

  /// The latest day with tokens, per key id.
  package var lastActiveDay: [String: Date]
  /// Tokens per key per day start.
  package var tokensByKeyAndDay: [String: [Date: Int]]
  package var windowStart: Date

  package init(report: UsageReport) {
    var last: [String: Date] = [:]
    var daily: [String: [Date: Int]] = [:]
    for row in report.rows {
      guard let key = row.apiKeyID else { continue }
      let day = UTCCalendar.dayStart(containing: row.start)
      let tokens = row.tokens.total
      daily[key, default: [:]][day, default: 0] += tokens
      if tokens > 0, last[key].map({ $0 < day }) ?? true { last[key] = day }
    }
    lastActiveDay = last
    tokensByKeyAndDay = daily
    windowStart = UTCCalendar.dayStart(containing: report.query.start)
  }

  /// "Last active" for a key.
  package func lastActive(for key: APIKey) -> LastActive {
    if let day = lastActiveDay[key.id] { return .day(day) }
    return key.createdAt >= windowStart ? .never : .beforeWindow
  }

  /// Daily tokens of a key from the window's first day through `now`'s day, oldest first.
  package func dailyTokens(for keyID: String, through now: Date) -> [Int] {
    let days = tokensByKeyAndDay[keyID] ?? [:]
    var series: [Int] = []
    var day = windowStart
    let last = UTCCalendar.dayStart(containing: now)
    while day <= last {
      series.append(days[day] ?? 0)
      day = day.addingTimeInterval(TimeInterval(UTCCalendar.secondsPerDay))
    }
    return series
  }
}
