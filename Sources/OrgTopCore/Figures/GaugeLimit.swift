import Foundation

/// The limit the spend gauge measures against, and where it comes from (always labelled).
///
/// Choice (admin-api.md §14): the organization-scope monthly spend limit with an amount (the
/// smallest, if several); else the usage-tier cap ("tier cap"); else, when spend limits are
/// unreadable, failed, or list neither, the user's configured budget ("budget"); else none.
/// All reset at 00:00Z on the 1st of next month.
package struct GaugeLimit: Hashable, Sendable {
  /// Where the limit comes from.
  package enum Source: String, Hashable, Sendable {
    case organization = "org limit"
    case usageTier = "tier cap"
    case budget = "budget"
  }

  package var amount: Money
  package var source: Source

  package init(amount: Money, source: Source) {
    self.amount = amount
    self.source = source
  }

  /// The label shown with the limit.
  package var label: String { source.rawValue }

  /// Chooses the gauge's limit. `limits` is `nil` until spend limits are read; `settled` says
  /// whether they will not be (unsupported for the organization, or failing), in which case
  /// the budget applies.
  package static func choose(
    limits: [SpendLimit]?, settled: Bool, budgetDollars: Decimal?
  ) -> GaugeLimit? {
    if let limits {
      let organization = limits.filter {
        $0.scope == .organization && $0.period == .monthly && $0.amount != nil
      }
      .compactMap(\.amount).min()
      if let organization { return GaugeLimit(amount: organization, source: .organization) }
      if let tier = limits.filter({ $0.scope == .usageTier }).compactMap(\.amount).min() {
        return GaugeLimit(amount: tier, source: .usageTier)
      }
    } else if !settled {
      return nil
    }
    guard let budgetDollars, budgetDollars > 0 else { return nil }
    return GaugeLimit(amount: Money(minorUnits: budgetDollars * 100), source: .budget)
  }
}
