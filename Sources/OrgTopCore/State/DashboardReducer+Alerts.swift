import Foundation

extension DashboardReducer {
  /// An alert when month-to-date spend has reached a higher ``SpendLevel`` than any alerted
  /// this month; nothing while the spend or the limit is unknown. A new month starts from
  /// normal again. The first figures of a session count as a crossing: a screen started over
  /// the limit says so once.
  static func thresholdAlerts(
    _ state: inout DashboardState, at now: Date, deriver: Deriver
  ) -> [Effect] {
    let month = UTCCalendar.monthStart(containing: now)
    guard let cost = state.monthCost.value, cost.query.start >= month,
      let spend = deriver.costSummary(of: state)?.total,
      let limit = DashboardFigures.limit(of: state)?.amount
    else { return [] }
    let level = SpendLevel(
      spend: spend, limit: limit, warnAt: state.configuration.warnAt,
      criticalAt: state.configuration.criticalAt)
    let alerted = state.alertedLevel.flatMap { $0.month == month ? $0.level : nil } ?? .normal
    guard level > alerted else { return [] }
    state.alertedLevel = AlertedLevel(month: month, level: level)
    return [
      .alert(
        ThresholdAlert(
          level: level, spend: spend, limit: limit, month: month,
          organization: state.organization.value?.name))
    ]
  }
}
