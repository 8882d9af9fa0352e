import Foundation

/// Month-to-date tokens and requests from a usage report: overall, per key, per model, per key
/// and model, and the part with no key, so the parts reconcile with the total.
package struct TokenSummary: Hashable, Sendable {
  package var total: Int
  package var byKey: [String: Int]
  package var byModel: [String: Int]
  package var byKeyAndModel: [String: [String: Int]]
  /// Tokens of usage with no key (Console, Workbench).
  package var unattributed: Int
  /// The request count, `nil` when the report has none (legacy).
  package var requests: Int?

  package init(report: UsageReport) {
    var total = 0
    var byKey: [String: Int] = [:]
    var byModel: [String: Int] = [:]
    var byKeyAndModel: [String: [String: Int]] = [:]
    var unattributed = 0
    var requests: Int? = report.source == .analytics ? 0 : nil
    for row in report.rows {
      let tokens = row.tokens.total
      total += tokens
      let model = row.model ?? CostSummary.noModel
      byModel[model, default: 0] += tokens
      if let key = row.apiKeyID {
        byKey[key, default: 0] += tokens
        byKeyAndModel[key, default: [:]][model, default: 0] += tokens
      } else {
        unattributed += tokens
      }
      if let count = row.requests, let sum = requests { requests = sum + count }
    }
    self.total = total
    self.byKey = byKey
    self.byModel = byModel
    self.byKeyAndModel = byKeyAndModel
    self.unattributed = unattributed
    self.requests = requests
  }
}
