import Foundation
import OrgTopCore
import Testing

@Suite("Formatters")
struct FormatTests {
  @Test(
    "money: cents to dollars, grouping, half-to-even, tiny amounts",
    arguments: [
      ("123456", "$1,234.56"),
      ("4513.625", "$45.14"),  // $45.13625
      ("12.5", "$0.12"),  // $0.125: tie rounds to even
      ("13.5", "$0.14"),  // $0.135: tie rounds to even
      ("0.37", "$0.0037"),
      ("0.5", "$0.005"),
      ("0.001", "<$0.0001"),
      ("0", "$0.00"),
      ("-123450", "-$1,234.50"),
      ("100000000.5", "$1,000,000.00"),  // $1,000,000.005: tie to even
      ("99999", "$999.99"),
      ("100000", "$1,000.00"),
    ])
  func money(cents: String, expected: String) throws {
    let money = try #require(Money(minorUnits: cents))
    #expect(Format.money(money) == expected)
  }

  @Test("money: amounts of every size and precision, against rounding written out here")
  func moneyAgainstDecimalRounding() throws {
    // Whole cents, fractions of a cent with ties either way, and amounts past 64 bits (which
    // format through `Decimal` rather than integers).
    let cents = [
      "2", "3.5", "4.5", "99.4999", "100.5", "101.5", "1234567.125", "98765432109.995",
      "18446744073709551615", "18446744073709551616.5", "123456789012345678901234567.5",
      "-250.5", "-7", "3e10", "1.5",
    ]
    for text in cents {
      let minor = try #require(Decimal(string: text))
      #expect(Format.money(Money(minorUnits: minor)) == Self.dollarsWrittenOut(minor), "\(text)")
    }
  }

  /// Dollars for minor units at or above a cent, the long way: round half-to-even to whole
  /// cents with `NSDecimalRound`, read the digits, insert the point and the commas.
  static func dollarsWrittenOut(_ minor: Decimal) -> String {
    var input = minor < 0 ? -minor : minor
    precondition(input >= 1, "under a cent, amounts keep four decimals: not this helper's case")
    var rounded = Decimal()
    NSDecimalRound(&rounded, &input, 0, .bankers)
    var digits = Array("\(rounded)")
    while digits.count < 3 { digits.insert("0", at: 0) }
    let fraction = String(digits.suffix(2))
    let whole = Array(digits.dropLast(2))
    var grouped = ""
    for (index, digit) in whole.enumerated() {
      if index > 0, (whole.count - index) % 3 == 0 { grouped.append(",") }
      grouped.append(digit)
    }
    return (minor < 0 ? "-$" : "$") + grouped + "." + fraction
  }

  @Test(
    "fixed: half-to-even at any number of digits, integers or not",
    arguments: [
      ("0.00005", 4, "0.0000"),  // tie, to even
      ("0.00015", 4, "0.0002"),  // tie, to even
      ("2.5", 0, "2"),
      ("3.5", 0, "4"),
      ("1234.5678", 2, "1234.57"),
      ("12000", 2, "12000.00"),
      ("123456789012345678901234.125", 2, "123456789012345678901234.12"),
      ("-1.005", 2, "-1.00"),
      ("-0.001", 2, "0.00"),
    ])
  func fixed(value: String, digits: Int, expected: String) throws {
    #expect(Format.fixed(try #require(Decimal(string: value)), digits: digits) == expected)
  }

  @Test(
    "tokens: three significant digits with a unit",
    arguments: [
      (0, "0"), (999, "999"), (1000, "1.00 k"), (8123, "8.12 k"), (81_250, "81.2 k"),
      (812_345, "812 k"), (999_499, "999 k"), (999_500, "1.00 M"), (999_999, "1.00 M"),
      (1_234_567, "1.23 M"), (4_500_000_000, "4.50 B"), (12_345_678_901_234, "12.3 T"),
      (-2500, "-2.50 k"), (2125, "2.12 k"), (2135, "2.14 k"), (12_345, "12.3 k"),
      (1_005_000, "1.00 M"), (1_015_000, "1.02 M"), (999_500_000_000_000, "1000 T"),
      (2_500_000_000_000_000, "2500 T"), (Int.min, "-9223372 T"),
    ])
  func tokens(count: Int, expected: String) {
    #expect(Format.tokens(count) == expected)
  }

  @Test(
    "durations floor to two units",
    arguments: [
      (12.0, "12 s"), (59.9, "59 s"), (180, "3 min"), (7500, "2 h 5 min"), (7200, "2 h"),
      (118_800, "1 d 9 h"), (86_400, "1 d"), (-5, "0 s"),
    ])
  func duration(seconds: Double, expected: String) {
    #expect(Format.duration(seconds) == expected)
  }

  @Test(
    "ages change in coarse steps",
    arguments: [
      (0.0, "just now"), (9.9, "just now"), (10, "10 s ago"), (59, "50 s ago"),
      (60, "1 min ago"), (119, "1 min ago"), (3725, "1 h 2 min ago"),
    ])
  func age(seconds: Double, expected: String) {
    #expect(Format.age(seconds) == expected)
  }

  @Test(
    "countdowns round up in coarse steps",
    arguments: [
      (0.0, "now"), (-3, "now"), (1, "in 10 s"), (40, "in 40 s"), (40.5, "in 50 s"),
      (50, "in 50 s"), (60, "in 60 s"), (61, "in 2 min"), (3600, "in 1 h"),
    ])
  func countdown(seconds: Double, expected: String) {
    #expect(Format.countdown(seconds) == expected)
  }

  @Test func datesAndTimesAreUTC() {
    // 2026-11-30T14:52:07Z, from `date -u -d ... +%s`.
    let instant = Date(timeIntervalSince1970: 1_795_186_327 + 10 * 86_400)
    #expect(Format.monthDay(instant) == "Nov 30")
    #expect(Format.clock(instant) == "14:52:07 UTC")
    #expect(Format.shortTime(instant) == "14:52Z")
    #expect(Format.isoDate(instant) == "2026-11-30")
    #expect(Format.dateTime(instant) == "2026-11-30 14:52 UTC")
    let lastYear = Date(timeIntervalSince1970: 1_795_186_327 - 365 * 86_400)
    #expect(Format.shortDate(lastYear, relativeTo: instant) == "2025-11-20")
    #expect(Format.shortDate(instant, relativeTo: instant) == "Nov 30")
  }

  @Test func integersAndPercentages() {
    #expect(Format.integer(52_311) == "52,311")
    #expect(Format.integer(-1_234_567) == "-1,234,567")
    #expect(Format.integer(0) == "0")
    #expect(Format.percent(0.643) == "64.3%")
    #expect(Format.percent(1.5) == "150.0%")
    #expect(Format.percent(-0.1234) == "-12.3%")
    #expect(Format.percent(12_345.6789) == "1,234,567.9%")
    #expect(Format.percent(-0.00001) == "0.0%")
    #expect(Format.percent(.nan) == "—")
    #expect(Format.percent(1e300) == "—")
  }

  @Test func absurdDurationsDoNotCrash() {
    #expect(Format.duration(.infinity) == "0 s")
    #expect(Format.duration(1e300) == "11574074 d 1 h")  // clamped to 10^12 s
    #expect(Format.countdown(1e300).hasPrefix("in 11574074 d"))
    #expect(Format.age(-.infinity) == "just now")
  }
}

extension FormatTests {
  @Test func majorUnitsAreTheMinorUnitsOverAHundred() throws {
    let samples = [
      "0", "1", "-1", "100", "12.5", "4513.625", "-123450", "0.001", "99999.999999",
      "123456789012345678901234567890.12345", "100000000.5", "-0.37",
    ]
    for text in samples {
      let money = try #require(Money(minorUnits: text))
      #expect(money.majorUnits == money.minorUnits / 100, "\(text)")
    }
  }
}
