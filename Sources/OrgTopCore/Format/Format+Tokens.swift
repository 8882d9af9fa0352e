import Foundation

extension Format {
  /// A token count with three significant digits and a unit: `999`, `8.12 k`, `812 k`,
  /// `1.23 M`, `4.50 B`, `1.20 T` (half-to-even).
  package static func tokens(_ count: Int) -> String {
    let magnitude = count.magnitude
    let sign = count < 0 ? "-" : ""
    guard magnitude >= 1000 else { return "\(count)" }
    // Integer arithmetic while `magnitude * 100` cannot overflow (this runs for every row of
    // every frame; `Decimal` is slow); the same digits as the exact `Decimal` path below.
    if magnitude < 1_000_000_000_000_000 { return sign + integerTokens(magnitude) }
    let units = ["k", "M", "B", "T"]
    var unitIndex = 0
    var divisor = Decimal(1000)
    while unitIndex < units.count - 1, Decimal(magnitude) >= divisor * 1000 {
      unitIndex += 1
      divisor *= 1000
    }
    while true {
      let value = Decimal(magnitude) / divisor
      let digits = value < 10 ? 2 : (value < 100 ? 1 : 0)
      let shown = rounded(value, scale: digits)
      // 999,999 rounds to "1000 k": say "1.00 M" instead.
      if shown >= 1000, unitIndex < units.count - 1 {
        unitIndex += 1
        divisor *= 1000
        continue
      }
      return "\(sign)\(fixed(shown, digits: digits)) \(units[unitIndex])"
    }
  }

  /// `tokens` for a magnitude of at least 1000 and below 10^15, in integers: the value in the
  /// unit, rounded half-to-even to three significant digits.
  private static func integerTokens(_ magnitude: UInt) -> String {
    let units = ["k", "M", "B", "T"]
    var unitIndex = 0
    var divisor: UInt = 1000
    while unitIndex < units.count - 1, magnitude >= divisor * 1000 {
      unitIndex += 1
      divisor *= 1000
    }
    while true {
      let digits = magnitude < 10 * divisor ? 2 : (magnitude < 100 * divisor ? 1 : 0)
      let scale: UInt = digits == 2 ? 100 : (digits == 1 ? 10 : 1)
      let numerator = magnitude * scale
      var shown = numerator / divisor
      let remainder = numerator % divisor
      if 2 * remainder > divisor || (2 * remainder == divisor && shown % 2 == 1) { shown += 1 }
      // 999,999 rounds to "1000 k": say "1.00 M" instead.
      if shown >= 1000 * scale, unitIndex < units.count - 1 {
        unitIndex += 1
        divisor *= 1000
        continue
      }
      let whole = String(shown / scale)
      guard digits > 0 else { return "\(whole) \(units[unitIndex])" }
      let fraction = String(shown % scale)
      let padded = String(repeating: "0", count: digits - fraction.count) + fraction
      return "\(whole).\(padded) \(units[unitIndex])"
    }
  }

  /// A rate of tokens, e.g. `812 k/min`.
  package static func tokensPerMinute(_ count: Int) -> String {
    tokens(count) + "/min"
  }
}
