import Foundation

/// Month-to-date spend rose to a higher ``SpendLevel`` than any reached before this month: the
/// program rings the bell (`--bell`). Fired once per level per calendar month (UTC); the
/// month's highest level is remembered in ``DashboardState/alertedLevel``.
package struct ThresholdAlert: Hashable, Sendable {
  package var level: SpendLevel
  package var spend: Money
  package var limit: Money
  /// 00:00Z on the 1st of the month the alert belongs to.
  package var month: Date
  /// The organization's name, when known.
  package var organization: String?

  package init(
    level: SpendLevel, spend: Money, limit: Money, month: Date, organization: String?
  ) {
    self.level = level
    self.spend = spend
    self.limit = limit
    self.month = month
    self.organization = organization
  }
}
