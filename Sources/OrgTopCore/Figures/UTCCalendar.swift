import Foundation

/// UTC calendar arithmetic on Unix time, with no `Calendar` or locale involved: the API's buckets
/// and the monthly reset are UTC, and Unix time has exactly 86,400 s per day.
package enum UTCCalendar {
  /// A UTC calendar date and time of day.
  package struct Components: Hashable, Sendable {
    package var year: Int
    package var month: Int
    package var day: Int
    package var hour: Int
    package var minute: Int
    package var second: Int

    package init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
      self.year = year
      self.month = month
      self.day = day
      self.hour = hour
      self.minute = minute
      self.second = second
    }
  }

  package static let secondsPerDay = 86_400

  /// The whole seconds since the epoch, floored (so 12:00:00.9 is 12:00:00).
  package static func epochSeconds(_ date: Date) -> Int {
    Int(date.timeIntervalSince1970.rounded(.down))
  }

  package static func components(of date: Date) -> Components {
    let seconds = epochSeconds(date)
    let days = floorDivide(seconds, secondsPerDay)
    let secondOfDay = seconds - days * secondsPerDay
    let (year, month, day) = civil(fromDays: days)
    return Components(
      year: year, month: month, day: day, hour: secondOfDay / 3600,
      minute: secondOfDay % 3600 / 60, second: secondOfDay % 60)
  }

  /// The instant of a UTC date and time.
  package static func date(
    year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0
  ) -> Date {
    let days = self.days(fromYear: year, month: month, day: day)
    let seconds = days * secondsPerDay + hour * 3600 + minute * 60 + second
    return Date(timeIntervalSince1970: TimeInterval(seconds))
  }

  /// 00:00:00Z on the 1st of the month containing `date` (the report windows' M0).
  package static func monthStart(containing date: Date) -> Date {
    let parts = components(of: date)
    return self.date(year: parts.year, month: parts.month, day: 1)
  }

  /// 00:00:00Z on the 1st of the month after the one containing `date` (the monthly reset).
  package static func nextMonthStart(after date: Date) -> Date {
    let parts = components(of: date)
    return parts.month == 12
      ? self.date(year: parts.year + 1, month: 1, day: 1)
      : self.date(year: parts.year, month: parts.month + 1, day: 1)
  }

  /// 00:00:00Z of the day containing `date`.
  package static func dayStart(containing date: Date) -> Date {
    floor(date, to: secondsPerDay)
  }

  /// The start of the minute containing `date`.
  package static func minuteStart(containing date: Date) -> Date {
    floor(date, to: 60)
  }

  /// `date` rounded down to a multiple of `step` seconds since the epoch.
  package static func floor(_ date: Date, to step: Int) -> Date {
    let seconds = epochSeconds(date)
    return Date(timeIntervalSince1970: TimeInterval(floorDivide(seconds, step) * step))
  }

  private static func floorDivide(_ value: Int, _ divisor: Int) -> Int {
    let quotient = value / divisor
    return value % divisor < 0 ? quotient - 1 : quotient
  }

  /// The civil date (proleptic Gregorian) of a day count since 1970-01-01, by Howard Hinnant's
  /// days-from-civil algorithm; shared by every layer that parses or prints UTC dates.
  package static func civil(fromDays dayNumber: Int) -> (year: Int, month: Int, day: Int) {
    let shifted = dayNumber + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return (year, month, day)
  }

  /// Days since 1970-01-01 of a civil date (proleptic Gregorian); the inverse of
  /// ``civil(fromDays:)``.
  package static func days(fromYear year: Int, month: Int, day: Int) -> Int {
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }
}
