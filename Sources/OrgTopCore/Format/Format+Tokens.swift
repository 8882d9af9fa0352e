import Foundation

extension Format {
  /// A token count with three significant digits and a unit: `999`, `8.12 k`, `812 k`,
  /// `1.23 M`, `4.50 B`, `1.20 T` (half-to-even).
  package static func tokens(_ count: Int) -> String {
    let magnitude = count.magnitude
    let sign = count < 0 ? "-" : ""
    guard magnitude >= 1000 else { return "\(count)" }
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

  /// A rate of tokens, e.g. `812 k/min`.
  package static func tokensPerMinute(_ count: Int) -> String {
    tokens(count) + "/min"
  }
}
