import Foundation

/// The organization's cost per UTC day this month, from a cost report in daily buckets with no
/// grouping (about 30 rows, whatever the number of keys): the series behind the burn rate and
/// the cost sparkline. Per-key and per-model totals come from ``CostSummary`` instead.
package struct DailyCost: Hashable, Sendable {
  /// Cost per UTC day, keyed by the day's 00:00Z. Days with no rows are absent (zero).
  package var byDay: [Date: Money]
  /// `byDay` in dollars as `Double`, for drawing only (converted once per report, not per
  /// frame: the sparkline is redrawn every second).
  package var byDayDollars: [Date: Double]

  package init(report: CostReport) {
    var byDay: [Date: Money] = [:]
    for row in report.rows {
      let day = UTCCalendar.dayStart(containing: row.start)
      byDay[day, default: .zero()] = byDay[day, default: .zero()] + row.amount
    }
    self.byDay = byDay
    byDayDollars = byDay.mapValues { NSDecimalNumber(decimal: $0.majorUnits).doubleValue }
  }

  /// The cost of the UTC day containing `instant` (zero when no row fell on it).
  package func cost(onDayOf instant: Date) -> Money {
    byDay[UTCCalendar.dayStart(containing: instant)] ?? .zero()
  }

  /// `dailySeries(from:through:)` in dollars as `Double`, for a sparkline.
  package func dailyDollars(from start: Date, through end: Date) -> [Double] {
    Self.days(from: start, through: end).map { byDayDollars[$0] ?? 0 }
  }

  /// The daily costs from `start`'s day through `end`'s day (inclusive), zero where no row
  /// fell, oldest first.
  package func dailySeries(from start: Date, through end: Date) -> [Money] {
    Self.days(from: start, through: end).map { byDay[$0] ?? .zero() }
  }

  /// The 00:00Z instants from `start`'s day through `end`'s day.
  private static func days(from start: Date, through end: Date) -> [Date] {
    var days: [Date] = []
    var day = UTCCalendar.dayStart(containing: start)
    let last = UTCCalendar.dayStart(containing: end)
    while day <= last {
      days.append(day)
      day = day.addingTimeInterval(TimeInterval(UTCCalendar.secondsPerDay))
    }
    return days
  }
}
