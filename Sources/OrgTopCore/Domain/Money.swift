import Foundation

/// An amount of money, held exactly as the Admin API sends it: a decimal count of minor units
/// (US cents), possibly fractional (`"4513.625"` cents is $45.13625).
///
/// Never built from a `Double`: parse the API's strings with ``init(minorUnits:currency:)`` and
/// round only for display.
package struct Money: Hashable, Sendable, Comparable {
  /// The amount in minor units (cents), exact.
  package var minorUnits: Decimal
  /// ISO 4217 code, `"USD"` in practice.
  package var currency: String

  package init(minorUnits: Decimal, currency: String = "USD") {
    self.minorUnits = minorUnits
    self.currency = currency
  }

  /// Parses the API's decimal string (minor units); `nil` when the string is not a plain decimal
  /// number. No `Locale` is passed: without one the separator is always `.`, and building a
  /// `Locale` loads ICU's data (about 5 MB resident) just to learn that.
  package init?(minorUnits text: String, currency: String = "USD") {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard Money.isPlainDecimal(trimmed),
      let value = Decimal(string: trimmed)
    else { return nil }
    self.init(minorUnits: value, currency: currency)
  }

  /// Zero in the given currency.
  package static func zero(_ currency: String = "USD") -> Money {
    Money(minorUnits: 0, currency: currency)
  }

  /// The amount in major units (dollars), exact.
  package var majorUnits: Decimal {
    // ÷ 100 by moving the decimal point two places: exact, and without `Decimal`'s long
    // division, which showed in idle profiles (every money figure is formatted every second).
    Decimal(
      sign: minorUnits.sign, exponent: minorUnits.exponent - 2,
      significand: minorUnits.significand)
  }

  package static func + (lhs: Money, rhs: Money) -> Money {
    Money(minorUnits: lhs.minorUnits + rhs.minorUnits, currency: lhs.currency)
  }

  package static func < (lhs: Money, rhs: Money) -> Bool { lhs.minorUnits < rhs.minorUnits }

  /// `Decimal(string:)` accepts trailing garbage ("12abc" parses as 12); the API's money strings
  /// are plain decimals, so anything else is a malformed response.
  private static func isPlainDecimal(_ text: String) -> Bool {
    var digits = 0
    var dots = 0
    for (index, character) in text.enumerated() {
      switch character {
      case "0"..."9": digits += 1
      case ".": dots += 1
      case "-" where index == 0: continue
      default: return false
      }
    }
    return digits > 0 && dots <= 1
  }
}

extension Sequence where Element == Money {
  /// The exact sum; an empty sequence sums to zero US dollars.
  package func sum(currency: String = "USD") -> Money {
    reduce(Money.zero(currency), +)
  }
}
