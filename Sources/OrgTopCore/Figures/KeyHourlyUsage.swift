import Foundation

/// Per key, the tokens of the judged hour and the median of its hourly tokens over the 7 days
/// before it, from the hourly report (``ReportWindows/keyHourly(at:)``). Only these two figures
/// per key are kept: the report itself is 169 buckets of every key with usage.
package struct KeyHourlyUsage: Hashable, Sendable {
  /// One key's figures.
  package struct Figures: Hashable, Sendable {
    /// Tokens (every type) in the judged hour.
    package var lastHour: Int
    /// The median of the key's tokens per hour over the baseline hours, idle hours (0) included.
    package var median: Double

    package init(lastHour: Int, median: Double) {
      self.lastHour = lastHour
      self.median = median
    }
  }

  /// The start of the judged hour (its bucket is `[hourStart, hourStart + 1 h)`).
  package var hourStart: Date
  /// How many hours the baseline holds (168 for a full 7 days).
  package var baselineHours: Int
  /// Per key id, for the keys with usage anywhere in the window; a key absent here used nothing.
  package var byKey: [String: Figures]

  package init(hourStart: Date, baselineHours: Int, byKey: [String: Figures]) {
    self.hourStart = hourStart
    self.baselineHours = baselineHours
    self.byKey = byKey
  }

  /// Sums the report per key and hour: the last hour of the window is the judged hour, every
  /// earlier hour of the window is the baseline. Rows with no key (Console usage) are skipped.
  package init(report: UsageReport) {
    let query = report.query
    let hourStart = query.end.addingTimeInterval(-3600)
    let baselineHours = max(0, Int(hourStart.timeIntervalSince(query.start) / 3600))
    var last: [String: Int] = [:]
    var hours: [String: [Int: Int]] = [:]
    for row in report.rows {
      guard let key = row.apiKeyID, row.start >= query.start, row.start < query.end else {
        continue
      }
      let tokens = row.tokens.total
      if row.start >= hourStart {
        last[key, default: 0] += tokens
      } else {
        let index = Int(row.start.timeIntervalSince(query.start) / 3600)
        hours[key, default: [:]][index, default: 0] += tokens
      }
    }
    var byKey: [String: Figures] = [:]
    for key in Set(last.keys).union(hours.keys) {
      // Hours missing from the report are hours with no usage: zeros in the median.
      let used = Array((hours[key] ?? [:]).values)
      let series = used + [Int](repeating: 0, count: max(0, baselineHours - used.count))
      byKey[key] = Figures(lastHour: last[key] ?? 0, median: Self.median(series))
    }
    self.init(hourStart: hourStart, baselineHours: baselineHours, byKey: byKey)
  }

  /// A key's figures; a key with no usage in the window has zero for both.
  package func figures(for keyID: String) -> Figures {
    byKey[keyID] ?? Figures(lastHour: 0, median: 0)
  }

  /// The median of `values`: the middle value, or the mean of the two middle values for an
  /// even count; 0 for no values.
  package static func median(_ values: [Int]) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    if sorted.count % 2 == 1 { return Double(sorted[middle]) }
    return (Double(sorted[middle - 1]) + Double(sorted[middle])) / 2
  }
}
