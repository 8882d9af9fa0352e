import Foundation

/// The window a spend limit resets over.
package enum SpendPeriod: OpenEnum {
  case daily, weekly, monthly
  case unknown(String)

  package static let known: [(SpendPeriod, String)] = [
    (.daily, "daily"), (.weekly, "weekly"), (.monthly, "monthly"),
  ]

  package var unknownValue: String? {
    if case .unknown(let raw) = self { return raw }
    return nil
  }
}

/// What a spend limit applies to.
package enum SpendScope: Hashable, Sendable {
  case organization
  case workspace(id: String)
  /// The read-only monthly cap Anthropic sets from the usage tier.
  case usageTier
  case user(id: String)
  /// Enterprise scopes and newer ones, kept by their wire type.
  case other(type: String)
}

/// A cap on metered spend for one scope and period (`GET /v1/organizations/spend_limits`).
/// The API has no reset timestamp and no spent-so-far: spend comes from the cost reports.
package struct SpendLimit: Hashable, Sendable, Identifiable {
  package var id: String
  /// `nil` means no numeric cap at this scope.
  package var amount: Money?
  /// `false` when extra usage is switched off (the amount is kept).
  package var isEnabled: Bool
  package var period: SpendPeriod
  package var scope: SpendScope

  package init(id: String, amount: Money?, isEnabled: Bool, period: SpendPeriod, scope: SpendScope)
  {
    self.id = id
    self.amount = amount
    self.isEnabled = isEnabled
    self.period = period
    self.scope = scope
  }
}
