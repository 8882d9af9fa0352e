import Foundation

/// The last hour of usage per minute: the tokens/min series, its mean and peak, and the
/// rate-limit headroom per model group.
///
/// Only complete minutes count: those that ended by the data's as-of instant (later minutes are
/// not in the reports yet and would read as a false drop to zero).
package struct RecentUsage: Hashable, Sendable {
  /// Headroom of one rate-limited model group: 1 − peak minute ÷ limit, per limiter.
  package struct Headroom: Hashable, Sendable {
    package var groupName: String
    package var peakInput: Int
    package var peakOutput: Int
    /// `nil` when the report has no request counts (legacy).
    package var peakRequests: Int?
    /// Fractions of the limit left at the peak minute; `nil` when the group has no such limit.
    package var input: Double?
    package var output: Double?
    package var requests: Double?
  }

  /// Total tokens per complete minute, oldest first.
  package var perMinute: [Int]
  /// The first minute of the series.
  package var seriesStart: Date

  package init(report: UsageReport, asOf: Date) {
    let minutes = Self.completeMinutes(of: report, asOf: asOf)
    var totals = [Date: Int]()
    for row in report.rows {
      totals[UTCCalendar.minuteStart(containing: row.start), default: 0] += row.tokens.total
    }
    perMinute = minutes.map { totals[$0] ?? 0 }
    seriesStart = UTCCalendar.minuteStart(containing: report.query.start)
  }

  /// The mean tokens per minute over the complete minutes; `nil` when there are none.
  package var average: Int? {
    perMinute.isEmpty ? nil : perMinute.reduce(0, +) / perMinute.count
  }

  package var peak: Int? { perMinute.max() }

  /// Headroom for every model group with usage in the window, in the groups' order.
  package static func headroom(
    report: UsageReport, groups: [RateLimitGroup], asOf: Date
  ) -> [Headroom] {
    let minutes = Set(completeMinutes(of: report, asOf: asOf))
    let hasRequests = report.source == .analytics
    var result: [Headroom] = []
    for group in groups where group.groupType == "model_group" {
      let models = Set(group.models)
      var input = [Date: Int]()
      var output = [Date: Int]()
      var requests = [Date: Int]()
      for row in report.rows {
        guard let model = row.model, models.contains(model) else { continue }
        let minute = UTCCalendar.minuteStart(containing: row.start)
        guard minutes.contains(minute) else { continue }
        input[minute, default: 0] += row.tokens.rateLimitedInput
        output[minute, default: 0] += row.tokens.output
        requests[minute, default: 0] += row.requests ?? 0
      }
      let peakInput = input.values.max() ?? 0
      let peakOutput = output.values.max() ?? 0
      let peakRequests = requests.values.max() ?? 0
      guard peakInput + peakOutput + peakRequests > 0 else { continue }
      result.append(
        Headroom(
          groupName: group.displayName ?? group.groupID, peakInput: peakInput,
          peakOutput: peakOutput, peakRequests: hasRequests ? peakRequests : nil,
          input: fraction(peakInput, group.value(of: "input_tokens_per_minute")),
          output: fraction(peakOutput, group.value(of: "output_tokens_per_minute")),
          requests: hasRequests
            ? fraction(peakRequests, group.value(of: "requests_per_minute")) : nil))
    }
    return result
  }

  private static func fraction(_ peak: Int, _ limit: Int?) -> Double? {
    guard let limit, limit > 0 else { return nil }
    return 1 - Double(peak) / Double(limit)
  }

  /// The minute starts in the report's window that ended by `asOf` (and by the window's end).
  private static func completeMinutes(of report: UsageReport, asOf: Date) -> [Date] {
    var minutes: [Date] = []
    var minute = UTCCalendar.minuteStart(containing: report.query.start)
    let end = min(asOf, report.query.end)
    while minute.addingTimeInterval(60) <= end {
      minutes.append(minute)
      minute = minute.addingTimeInterval(60)
    }
    return minutes
  }
}
