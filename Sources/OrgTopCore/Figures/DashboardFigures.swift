import Foundation

/// Every derived figure of the dashboard at an instant, computed once from the state for the
/// view model. Each part is `nil` while the data it needs is not loaded.
package struct DashboardFigures: Hashable, Sendable {
  /// How far behind real time the legacy reports are assumed to be (admin-api.md §13.8).
  package static let legacyLag: TimeInterval = 300

  package var monthStart: Date
  /// 00:00Z on the 1st of next month: when monthly limits reset.
  package var reset: Date
  package var cost: CostSummary?
  /// The organization's cost per day this month.
  package var daily: DailyCost?
  /// The instant the daily series is complete up to.
  package var dailyAsOf: Date?
  /// The instant month-to-date cost is complete up to.
  package var costAsOf: Date?
  /// Whether `costAsOf` was reported by the API (`data_refreshed_at`) or estimated (legacy).
  package var costAsOfIsReported: Bool
  package var tokens: TokenSummary?
  package var limit: GaugeLimit?
  package var burnRate: BurnRate?
  package var projection: SpendProjection?
  package var recent: RecentUsage?
  package var headroom: [RecentUsage.Headroom]
  package var activity: KeyActivity?
  /// How many keys have each status (by wire name).
  package var keyCountsByStatus: [String: Int]

  /// The gauge's limit for a state (see ``GaugeLimit/choose(limits:settled:budgetDollars:)``).
  package static func limit(of state: DashboardState) -> GaugeLimit? {
    let spendStatus = state.spendLimits.status
    return GaugeLimit.choose(
      limits: state.spendLimits.value,
      settled: spendStatus.isUnsupported || spendStatus.isFailing,
      budgetDollars: state.configuration.budget)
  }

  /// The figures of `state` at `now`, its reports summed from scratch.
  package init(state: DashboardState, now: Date) {
    self.init(state: state, deriver: Deriver(), now: now)
  }

  /// The figures of `state` at `now`, with the reports' summaries `deriver` remembers.
  package init(state: DashboardState, deriver: Deriver, now: Date) {
    monthStart = UTCCalendar.monthStart(containing: now)
    reset = UTCCalendar.nextMonthStart(after: now)
    limit = Self.limit(of: state)
    tokens = deriver.tokenSummary(of: state)
    activity = deriver.activitySummary(of: state)
    keyCountsByStatus = deriver.keyCountsByStatus(of: state)
    costAsOfIsReported = state.monthCost.value?.dataRefreshedAt != nil
    headroom = []
    let gaugeAmount = limit?.amount
    if let report = state.dailyCost.value, let series = deriver.dailyCostSeries(of: state) {
      let asOf = Self.asOf(
        reported: report.dataRefreshedAt, fetchedAt: state.dailyCost.status.fetchedAt,
        windowEnd: report.query.end)
      daily = series
      dailyAsOf = asOf
      burnRate = BurnRate.measure(series, monthStart: report.query.start, asOf: asOf)
    }
    if let report = state.monthCost.value, let summary = deriver.costSummary(of: state) {
      let asOf = Self.asOf(
        reported: report.dataRefreshedAt, fetchedAt: state.monthCost.status.fetchedAt,
        windowEnd: Self.dataEnd(of: report.query, source: report.source))
      cost = summary
      costAsOf = asOf
      projection = burnRate.map {
        SpendProjection.project(
          monthToDate: summary.total, rate: $0, asOf: asOf, limit: gaugeAmount)
      }
    }
    if let report = state.recentUsage.value {
      let asOf = Self.asOf(
        reported: report.dataRefreshedAt, fetchedAt: state.recentUsage.status.fetchedAt,
        windowEnd: report.query.end)
      recent = RecentUsage(report: report, asOf: asOf)
      headroom = RecentUsage.headroom(
        report: report, groups: state.rateLimits.value ?? [], asOf: asOf)
    }
  }

  /// Where a report's data ends: analytics without a bucket width answers for the window
  /// rounded down to the hour (admin-api.md §13.2); otherwise the window's end.
  package static func dataEnd(of query: ReportQuery, source: ReportSource) -> Date {
    guard source == .analytics, query.bucket == nil else { return query.end }
    return UTCCalendar.floor(query.end, to: 3600)
  }

  /// The instant a report is complete up to: `data_refreshed_at` when given, else the fetch
  /// time less the legacy lag, never after the window's end.
  package static func asOf(reported: Date?, fetchedAt: Date?, windowEnd: Date) -> Date {
    if let reported { return min(reported, windowEnd) }
    return min((fetchedAt ?? windowEnd).addingTimeInterval(-legacyLag), windowEnd)
  }
}
