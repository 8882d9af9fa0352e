import Foundation

/// The thresholds of the key flags: idle after ``idleDays``, a burst above ``anomalyFactor``
/// times the hourly median and at least ``anomalyFloor`` tokens, expiring within ``expiryWindow``.
package struct KeyFlagRules: Hashable, Sendable {
  /// A key unused for more than this many days is idle. At most 30: the activity report covers
  /// 30 days, so a longer idle time could not be told apart from unknown.
  package var idleDays: Int
  /// A key's judged hour must be more than this many times its 7-day hourly median.
  package var anomalyFactor: Double
  /// …and at least this many tokens, so that small keys (a median of a few hundred tokens) do
  /// not flap between flagged and not.
  package var anomalyFloor: Int
  /// A key expiring within this long (inclusive) is flagged.
  package var expiryWindow: TimeInterval

  /// The most idle days the activity report can tell.
  package static let maximumIdleDays = 30

  package init(
    idleDays: Int = 30, anomalyFactor: Double = 5, anomalyFloor: Int = 100_000,
    expiryWindow: TimeInterval = 7 * 86_400
  ) {
    self.idleDays = min(max(1, idleDays), Self.maximumIdleDays)
    self.anomalyFactor = anomalyFactor
    self.anomalyFloor = anomalyFloor
    self.expiryWindow = expiryWindow
  }
}
