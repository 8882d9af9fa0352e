import Foundation

extension Format {
  /// Dollars with cents and grouping, e.g. `$1,234.56` (half-to-even to the cent). Amounts
  /// under a cent keep up to four decimals (`$0.0037`); below that, `<$0.0001`.
  package static func money(_ money: Money) -> String {
    // Two cents or more (most amounts): the cents are the minor units rounded half-to-even, in
    // integers; `dollars` would give the same text through `Decimal` arithmetic.
    let minor = money.minorUnits
    let negative = minor.isSignMinus
    if let cents = scaledInteger(negative ? -minor : minor, digits: 0), cents >= 2 {
      let fraction = cents % 100
      return (negative ? "-$" : "$") + integer(Int(cents / 100))
        + (fraction < 10 ? ".0" : ".") + String(fraction)
    }
    return dollars(money.majorUnits)
  }

  /// A dollar amount (major units).
  package static func dollars(_ amount: Decimal) -> String {
    // Most keys of a large organization cost nothing: their figure needs no arithmetic.
    if amount.isZero { return "$0.00" }
    let negative = amount < 0
    let magnitude = negative ? -amount : amount
    let sign = negative ? "-" : ""
    if magnitude > 0, magnitude < oneCent {
      let fine = rounded(magnitude, scale: 4)
      guard fine > 0 else { return "\(sign)<$0.0001" }
      var text = fixed(fine, digits: 4)
      while text.hasSuffix("0") { text.removeLast() }
      return "\(sign)$\(text)"
    }
    return "\(sign)$\(fixed(magnitude, digits: 2, grouped: true))"
  }

  /// A dollar amount per day, e.g. `$142.10/day`.
  package static func perDay(_ money: Money) -> String {
    self.money(money) + "/day"
  }

  /// $0.01, built once (parsing it on every call showed in frame profiles).
  private static let oneCent = Decimal(sign: .plus, exponent: -2, significand: 1)
}
