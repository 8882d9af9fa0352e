/// A named piece of the dashboard's data, fetched and refreshed on its own schedule (its own
/// TTL, single flight, backoff). The reducer decides which ``DataRequest`` fills each slot.
package enum DataSlot: String, Hashable, Sendable, CaseIterable {
  case organization
  case apiKeys
  case workspaces
  case members
  case invites
  case rateLimits
  case spendLimits
  /// Month-to-date usage, per key and model.
  case monthUsage
  /// Month-to-date cost, per key and model, for the whole month so far (no buckets).
  case monthCost
  /// The last hour of usage in one-minute buckets, per model (live burn, rate-limit headroom).
  case recentUsage
  /// Thirty days of usage per key in daily buckets ("last active").
  case keyActivity
  /// Month-to-date cost of the whole organization per UTC day (burn rate, sparkline).
  case dailyCost
  /// Seven days and an hour of usage per key in hourly buckets (the anomaly flag).
  case keyHourly
}
