import Foundation

/// Parses and formats RFC 3339 timestamps as the Admin API uses them (admin-api.md §1.7).
///
/// Hand-written because `ISO8601DateFormatter` on Linux is slow and accepts either fractional
/// seconds or none, never both with one configuration. Accepts `T`/`t`/space as the separator,
/// 0–9 fraction digits, and `Z`/`z` or a `±hh:mm` offset. Formats always in UTC with `Z`.
package enum RFC3339 {
  /// Parses a timestamp; `nil` when the text is not a valid RFC 3339 date-time with an offset.
  package static func parse(_ text: String) -> Date? {
    var scanner = Scanner(Array(text.utf8))
    guard let year = scanner.digits(4), scanner.take(UInt8(ascii: "-")),
      let month = scanner.digits(2), scanner.take(UInt8(ascii: "-")),
      let day = scanner.digits(2), scanner.takeSeparator(),
      let hour = scanner.digits(2), scanner.take(UInt8(ascii: ":")),
      let minute = scanner.digits(2), scanner.take(UInt8(ascii: ":")),
      let second = scanner.digits(2)
    else { return nil }
    guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
      hour <= 23, minute <= 59, second <= 60
    else { return nil }

    var fraction = 0.0
    if scanner.take(UInt8(ascii: ".")) {
      var numerator = 0
      var denominator = 1
      while let digit = scanner.digit() {
        guard denominator < 1_000_000_000 else { return nil }
        numerator = numerator * 10 + digit
        denominator *= 10
      }
      guard denominator > 1 else { return nil }
      fraction = Double(numerator) / Double(denominator)
    }

    let offsetSeconds: Int
    if scanner.take(UInt8(ascii: "Z")) || scanner.take(UInt8(ascii: "z")) {
      offsetSeconds = 0
    } else {
      let sign: Int
      if scanner.take(UInt8(ascii: "+")) {
        sign = 1
      } else if scanner.take(UInt8(ascii: "-")) {
        sign = -1
      } else {
        return nil
      }
      guard let offsetHours = scanner.digits(2), scanner.take(UInt8(ascii: ":")),
        let offsetMinutes = scanner.digits(2), offsetHours <= 23, offsetMinutes <= 59
      else { return nil }
      offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60)
    }
    guard scanner.atEnd else { return nil }

    let days = UTCCalendar.days(fromYear: year, month: month, day: day)
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
    return Date(timeIntervalSince1970: Double(seconds) + fraction)
  }

  /// Formats an instant in UTC with `Z` and whole seconds (`2026-11-01T00:00:00Z`); any
  /// fraction of a second is dropped (floored).
  package static func format(_ date: Date) -> String {
    let total = Int(date.timeIntervalSince1970.rounded(.down))
    let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
    let secondsOfDay = total - days * 86_400
    let (year, month, day) = UTCCalendar.civil(fromDays: days)
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(secondsOfDay / 3600, 2)):"
      + "\(pad((secondsOfDay / 60) % 60, 2)):\(pad(secondsOfDay % 60, 2))Z"
  }

  private static func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  private static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  // Howard Hinnant's days_from_civil: days since 1970-01-01 in the proleptic Gregorian calendar.

  /// A cursor over the UTF-8 bytes of the text being parsed.
  private struct Scanner {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    mutating func take(_ byte: UInt8) -> Bool {
      guard index < bytes.count, bytes[index] == byte else { return false }
      index += 1
      return true
    }

    mutating func takeSeparator() -> Bool {
      take(UInt8(ascii: "T")) || take(UInt8(ascii: "t")) || take(UInt8(ascii: " "))
    }

    mutating func digit() -> Int? {
      guard index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index])
      else { return nil }
      defer { index += 1 }
      return Int(bytes[index] - UInt8(ascii: "0"))
    }

    mutating func digits(_ count: Int) -> Int? {
      var value = 0
      for _ in 0..<count {
        guard let next = digit() else { return nil }
        value = value * 10 + next
      }
      return value
    }
  }
}
