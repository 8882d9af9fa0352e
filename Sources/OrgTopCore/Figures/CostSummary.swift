import Foundation

/// Month-to-date cost from a cost report with one row per key × model (no buckets), summed
/// exactly: overall, per key, per model, per key and model, and the part with no key (Console
/// and Workbench usage) so the per-key figures plus the unattributed part reconcile with the
/// total. The per-day series is ``DailyCost``, from its own small report.
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
  /// The sum of `byKey` (summed once here: the table's footer shows it every second).
  package var attributed: Money
  /// Whether per-key cost exists (analytics); legacy reports have none: show "—".
  package var isPerKeyAvailable: Bool

  package init(report: CostReport) {
    isPerKeyAvailable = report.source == .analytics
    var total = Money.zero()
    var byKey: [String: Money] = [:]
    var byModel: [String: Money] = [:]
    var byKeyAndModel: [String: [String: Money]] = [:]
    var unattributed = Money.zero()
    for row in report.rows {
      let amount = row.amount
      total = total + amount
      let model = row.model ?? Self.noModel
      byModel[model, default: .zero()] = byModel[model, default: .zero()] + amount
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
    attributed = byKey.values.sum()
  }
}
