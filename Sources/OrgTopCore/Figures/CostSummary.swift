import Foundation

/// Month-to-date cost from a cost report, summed exactly: overall, per key, per model, per key
/// and model, per UTC day, and the part with no key (Console and Workbench usage) so the per-key
/// figures plus the unattributed part reconcile with the total.
package struct CostSummary: Hashable, Sendable {
  /// The label used for rows whose model is not given (non-token costs such as web search).
  package static let noModel = "(no model)"

  package var total: Money
  /// Empty when the report cannot attribute cost to keys (legacy reports).
  package var byKey: [String: Money]
  package var byModel: [String: Money]
  package var byKeyAndModel: [String: [String: Money]]
  /// Cost with no key (analytics only; in legacy reports nothing is attributed to keys).
  package var unattributed: Money
  /// Cost per UTC day, keyed by the day's 00:00Z.
  package var byDay: [Date: Money]
  /// Whether per-key cost exists (analytics); legacy reports have none: show "—".
  package var isPerKeyAvailable: Bool
  /// `byDay` in dollars as `Double`, for drawing only (converted once per report, not per
  /// frame: the sparkline is redrawn every second).
  package var byDayDollars: [Date: Double]

  package init(report: CostReport) {
    isPerKeyAvailable = report.source == .analytics
    var total = Money.zero()
    var byKey: [String: Money] = [:]
    var byModel: [String: Money] = [:]
    var byKeyAndModel: [String: [String: Money]] = [:]
    var unattributed = Money.zero()
    var byDay: [Date: Money] = [:]
    for row in report.rows {
      let amount = row.amount
      total = total + amount
      let model = row.model ?? Self.noModel
      byModel[model, default: .zero()] = byModel[model, default: .zero()] + amount
      let day = UTCCalendar.dayStart(containing: row.start)
      byDay[day, default: .zero()] = byDay[day, default: .zero()] + amount
      if let key = row.apiKeyID, isPerKeyAvailable {
        byKey[key, default: .zero()] = byKey[key, default: .zero()] + amount
        byKeyAndModel[key, default: [:]][model, default: .zero()] =
          byKeyAndModel[key, default: [:]][model, default: .zero()] + amount
      } else if isPerKeyAvailable {
        unattributed = unattributed + amount
      }
    }
    self.total = total
    self.byKey = byKey
    self.byModel = byModel
    self.byKeyAndModel = byKeyAndModel
    self.unattributed = unattributed
    self.byDay = byDay
    byDayDollars = byDay.mapValues { NSDecimalNumber(decimal: $0.majorUnits).doubleValue }
  }

  /// `dailySeries(from:through:)` in dollars as `Double`, for a sparkline.
  package func dailyDollars(from start: Date, through end: Date) -> [Double] {
    var series: [Double] = []
    var day = UTCCalendar.dayStart(containing: start)
    let last = UTCCalendar.dayStart(containing: end)
    while day <= last {
      series.append(byDayDollars[day] ?? 0)
      day = day.addingTimeInterval(TimeInterval(UTCCalendar.secondsPerDay))
    }
    return series
  }

  /// The daily costs from `start`'s day through `end`'s day (inclusive), zero where no row
  /// fell, oldest first.
  package func dailySeries(from start: Date, through end: Date) -> [Money] {
    var series: [Money] = []
    var day = UTCCalendar.dayStart(containing: start)
    let last = UTCCalendar.dayStart(containing: end)
    while day <= last {
      series.append(byDay[day] ?? .zero())
      day = day.addingTimeInterval(TimeInterval(UTCCalendar.secondsPerDay))
    }
    return series
  }
}
