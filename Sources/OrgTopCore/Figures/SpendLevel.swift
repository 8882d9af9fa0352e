import Foundation

/// How month-to-date spend stands against the limit and the `warn` and `critical` settings,
/// compared exactly (cents against the limit's cents times the fraction). The gauge shows it;
/// a rise fires a ``ThresholdAlert``.
package enum SpendLevel: Int, Hashable, Sendable, Comparable, CaseIterable {
  case normal, warning, critical, overLimit

  package init(spend: Money, limit: Money, warnAt: Decimal, criticalAt: Decimal) {
    let cents = spend.minorUnits
    let limitCents = limit.minorUnits
    if limitCents <= 0 {
      self = .normal
    } else if cents >= limitCents {
      self = .overLimit
    } else if cents >= limitCents * criticalAt {
      self = .critical
    } else if cents >= limitCents * warnAt {
      self = .warning
    } else {
      self = .normal
    }
  }

  /// The word for the level (`warning`, `critical`, `over_limit`; empty when normal), as an
  /// alert command receives it.
  package var name: String {
    switch self {
    case .normal: ""
    case .warning: "warning"
    case .critical: "critical"
    case .overLimit: "over_limit"
    }
  }

  package static func < (lhs: SpendLevel, rhs: SpendLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}
