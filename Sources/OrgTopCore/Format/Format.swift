import Foundation

/// Text for figures, amounts and instants: locale-independent (POSIX digits, English month
/// abbreviations, `,` grouping, `.` decimals) and deterministic. Rounding is half-to-even
/// ("banker's") everywhere, so repeated sums do not drift upwards.
package enum Format {
  /// `Decimal` rounded to `scale` fractional digits, half-to-even.
  package static func rounded(_ value: Decimal, scale: Int) -> Decimal {
    var input = value
    var output = Decimal()
    NSDecimalRound(&output, &input, scale, .bankers)
    return output
  }

  /// A non-negative decimal with exactly `digits` fractional digits (rounded half-to-even),
  /// its integer part grouped with commas when `grouped`.
  package static func fixed(_ value: Decimal, digits: Int, grouped: Bool = false) -> String {
    let negative = value < 0
    let magnitude = negative ? -value : value
    let scaled = scaledInteger(magnitude, digits: digits)
    // 10^digits built directly: a loop of `Decimal` multiplications showed in frame profiles.
    let slow =
      scaled == nil
      ? rounded(magnitude, scale: digits) * Decimal(sign: .plus, exponent: digits, significand: 1)
      : 0
    var text = scaled.map { String($0) } ?? integerDigits(slow)
    if text.count <= digits { text = String(repeating: "0", count: digits - text.count + 1) + text }
    let split = text.index(text.endIndex, offsetBy: -digits)
    var integerPart = String(text[..<split])
    if grouped { integerPart = group(integerPart) }
    let fraction = digits > 0 ? "." + text[split...] : ""
    let isZero = scaled.map { $0 == 0 } ?? (slow == 0)
    return (negative && !isZero ? "-" : "") + integerPart + fraction
  }

  /// `magnitude` (not negative) times 10^digits, rounded half-to-even to an integer, by integer
  /// arithmetic; `nil` when its significand or the result do not fit 64 bits (then `Decimal`
  /// does it). Every amount on the screen takes this path: `Decimal`'s rounding, multiplication
  /// and `description` were most of an idle tick's instructions (callgrind,
  /// scripts/measure-tick.sh).
  static func scaledInteger(_ magnitude: Decimal, digits: Int) -> UInt64? {
    guard magnitude.isFinite, !magnitude.isSignMinus else { return nil }
    if magnitude.isZero { return 0 }
    // The significand is an integer (exponent 0); read as a `UInt64` when it is one.
    let whole = magnitude.significand
    guard whole <= largestSignificand else { return nil }
    let significand = NSDecimalNumber(decimal: whole).uint64Value
    let shift = magnitude.exponent + digits
    if shift >= 0 {
      guard shift < powersOfTen.count else { return nil }
      let (product, overflow) = significand.multipliedReportingOverflow(by: powersOfTen[shift])
      return overflow ? nil : product
    }
    guard -shift < powersOfTen.count else { return nil }
    let divisor = powersOfTen[-shift]
    let (quotient, remainder) = significand.quotientAndRemainder(dividingBy: divisor)
    // Compared as `remainder` against what is left to the divisor, which cannot overflow.
    let rest = divisor - remainder
    if remainder > rest || (remainder == rest && quotient % 2 == 1) { return quotient + 1 }
    return quotient
  }

  /// The largest significand read as a `UInt64`.
  private static let largestSignificand = Decimal(UInt64.max)

  /// 10^0 through 10^19, every power of ten a `UInt64` holds.
  private static let powersOfTen: [UInt64] = (0...19).map { power in
    (0..<power).reduce(UInt64(1)) { value, _ in value * 10 }
  }

  /// An integer with comma grouping, e.g. `52,311`.
  package static func integer(_ value: Int) -> String {
    let digits = String(value.magnitude)
    return (value < 0 ? "-" : "") + group(digits)
  }

  /// A fraction as a percentage with one decimal, e.g. `64.3%`.
  package static func percent(_ fraction: Double) -> String {
    guard fraction.isFinite, abs(fraction) < 1e12 else { return "—" }
    let tenths = Int((fraction * 1000).rounded(.toNearestOrEven)).magnitude
    // Integers, not `Decimal`: this runs for every gauge on every frame.
    let text = group(String(tenths / 10)) + "." + String(tenths % 10) + "%"
    return fraction < 0 && tenths != 0 ? "-" + text : text
  }

  static func power(of base: Decimal, _ exponent: Int) -> Decimal {
    var result = Decimal(1)
    for _ in 0..<max(exponent, 0) { result *= base }
    return result
  }

  /// The digits of a non-negative integral `Decimal`, with no exponent or separators.
  static func integerDigits(_ value: Decimal) -> String {
    // `Decimal.description` is locale-independent; integral values print as plain digits.
    // Bytes, not Characters: this runs for every amount on every frame.
    let digits = "\(rounded(value, scale: 0))".utf8.filter { $0 >= 0x30 && $0 <= 0x39 }
    return digits.isEmpty ? "0" : String(decoding: digits, as: UTF8.self)
  }

  private static func group(_ digits: String) -> String {
    var result = ""
    for (index, character) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
      result.append(character)
    }
    return result
  }
}
