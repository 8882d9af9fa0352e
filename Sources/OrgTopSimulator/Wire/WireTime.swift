import OrgTopCore

/// RFC 3339 timestamps without Foundation formatters: the simulator's times are whole
/// microseconds since the Unix epoch, always written in UTC with `Z`.
package enum WireTime {
  package static let microsPerSecond: Int64 = 1_000_000

  /// `2026-11-20T09:55:00Z`, or with six fractional digits when the time has a fraction.
  package static func format(micros: Int64) -> String {
    let seconds = floorDiv(micros, microsPerSecond)
    let fraction = micros - seconds * microsPerSecond
    var text = formatSeconds(seconds)
    if fraction != 0 {
      text.removeLast()
      let digits = String(fraction)
      text += "." + String(repeating: "0", count: 6 - digits.count) + digits + "Z"
    }
    return text
  }

  /// `2026-11-20T09:55:00Z` for whole seconds since the epoch.
  package static func formatSeconds(_ seconds: Int64) -> String {
    let days = floorDiv(seconds, 86_400)
    let secondOfDay = seconds - days * 86_400
    let (year, month, day) = civil(fromDays: days)
    return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T"
      + pad(Int(secondOfDay / 3600), 2) + ":" + pad(Int(secondOfDay % 3600 / 60), 2) + ":"
      + pad(Int(secondOfDay % 60), 2) + "Z"
  }

  /// `2026-11-20T09:55:00Z` for whole minutes since the epoch.
  package static func formatMinutes(_ minutes: Int) -> String {
    formatSeconds(Int64(minutes) * 60)
  }

  /// Parses RFC 3339 with `Z` or `±hh:mm` and optional fractional seconds; returns microseconds
  /// since the epoch, or `nil` when the text is not a valid timestamp.
  package static func parse(_ text: String) -> Int64? {
    let bytes = Array(text.utf8)
    var index = 0
    func number(_ count: Int) -> Int? {
      guard index + count <= bytes.count else { return nil }
      var value = 0
      for byte in bytes[index..<index + count] {
        guard byte >= 48, byte <= 57 else { return nil }
        value = value * 10 + Int(byte - 48)
      }
      index += count
      return value
    }
    func expect(_ characters: String) -> Bool {
      guard index < bytes.count, characters.utf8.contains(bytes[index]) else { return false }
      index += 1
      return true
    }
    guard let year = number(4), expect("-"), let month = number(2), expect("-"),
      let day = number(2), expect("Tt "), let hour = number(2), expect(":"),
      let minute = number(2), expect(":"), let second = number(2)
    else { return nil }
    guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
      hour < 24, minute < 60, second < 60
    else { return nil }
    var micros: Int64 = 0
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      var digits = 0
      while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
        if digits < 6 { micros = micros * 10 + Int64(bytes[index] - 48) }
        digits += 1
        index += 1
      }
      guard digits > 0 else { return nil }
      for _ in digits..<max(digits, 6) { micros *= 10 }
    }
    var offsetSeconds: Int64 = 0
    guard index < bytes.count else { return nil }
    if bytes[index] == UInt8(ascii: "Z") || bytes[index] == UInt8(ascii: "z") {
      index += 1
    } else {
      let sign: Int64 = bytes[index] == UInt8(ascii: "-") ? -1 : 1
      guard expect("+-"), let offsetHours = number(2), expect(":"),
        let offsetMinutes = number(2), offsetHours < 24, offsetMinutes < 60
      else { return nil }
      offsetSeconds = sign * Int64(offsetHours * 3600 + offsetMinutes * 60)
    }
    guard index == bytes.count else { return nil }
    let days = self.days(year: year, month: month, day: day)
    let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second) - offsetSeconds
    return seconds * microsPerSecond + micros
  }

  /// Days since 1970-01-01 of a civil date (proleptic Gregorian).
  package static func days(year: Int, month: Int, day: Int) -> Int64 {
    Int64(UTCCalendar.days(fromYear: year, month: month, day: day))
  }

  /// The civil date of a day count since 1970-01-01.
  package static func civil(fromDays days: Int64) -> (year: Int, month: Int, day: Int) {
    UTCCalendar.civil(fromDays: Int(days))
  }

  /// Minutes since the epoch of 00:00Z on the 1st of the month containing `minute`, shifted by
  /// `monthOffset` months.
  package static func monthStartMinute(containing minute: Int, monthOffset: Int = 0) -> Int {
    let (year, month, _) = civil(fromDays: floorDiv(Int64(minute), 1440))
    let total = year * 12 + (month - 1) + monthOffset
    let startDays = days(
      year: floorDiv(total, 12), month: total - floorDiv(total, 12) * 12 + 1,
      day: 1)
    return Int(startDays) * 1440
  }

  private static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  private static func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
  }

  /// Floor division (rounds toward negative infinity).
  package static func floorDiv<T: BinaryInteger>(_ a: T, _ b: T) -> T {
    let quotient = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
  }
}
