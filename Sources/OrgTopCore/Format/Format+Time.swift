import Foundation

extension Format {
  private static let monthNames = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]

  /// A duration, floored to its coarsest two units: `12 s`, `3 min`, `2 h 5 min`, `2 h`,
  /// `1 d 9 h`. Negative durations read as `0 s`.
  package static func duration(_ seconds: TimeInterval) -> String {
    let total = seconds.isFinite ? max(Int(seconds.rounded(.down)), 0) : 0
    let days = total / 86_400
    let hours = total % 86_400 / 3600
    let minutes = total % 3600 / 60
    if days > 0 { return hours > 0 ? "\(days) d \(hours) h" : "\(days) d" }
    if hours > 0 { return minutes > 0 ? "\(hours) h \(minutes) min" : "\(hours) h" }
    if minutes > 0 { return "\(minutes) min" }
    return "\(total) s"
  }

  /// A month and day, e.g. `Nov 30`.
  package static func monthDay(_ date: Date) -> String {
    let parts = UTCCalendar.components(of: date)
    return "\(monthNames[parts.month - 1]) \(parts.day)"
  }

  /// A month name, e.g. `Nov`.
  package static func monthName(_ date: Date) -> String {
    monthNames[UTCCalendar.components(of: date).month - 1]
  }

  /// A date, year first: `2026-11-30`.
  package static func isoDate(_ date: Date) -> String {
    let parts = UTCCalendar.components(of: date)
    return "\(pad(parts.year, 4))-\(pad(parts.month))-\(pad(parts.day))"
  }

  /// A date for a table cell: `Nov 30` in `now`'s year, else `2025-11-30`.
  package static func shortDate(_ date: Date, relativeTo now: Date) -> String {
    UTCCalendar.components(of: date).year == UTCCalendar.components(of: now).year
      ? monthDay(date) : isoDate(date)
  }

  /// The wall clock: `14:52:07 UTC`.
  package static func clock(_ date: Date) -> String {
    let parts = UTCCalendar.components(of: date)
    return "\(pad(parts.hour)):\(pad(parts.minute)):\(pad(parts.second)) UTC"
  }

  /// A short UTC time: `14:47Z`.
  package static func shortTime(_ date: Date) -> String {
    let parts = UTCCalendar.components(of: date)
    return "\(pad(parts.hour)):\(pad(parts.minute))Z"
  }

  /// A full UTC instant: `2026-11-30 14:52 UTC`.
  package static func dateTime(_ date: Date) -> String {
    let parts = UTCCalendar.components(of: date)
    return "\(isoDate(date)) \(pad(parts.hour)):\(pad(parts.minute)) UTC"
  }

  /// How long ago, in coarse steps so an idle screen changes rarely: `just now` under 10 s,
  /// then `10 s ago` … `50 s ago`, `3 min ago`, `2 h 5 min ago`.
  package static func age(_ seconds: TimeInterval) -> String {
    let total = seconds.isFinite ? max(Int(seconds.rounded(.down)), 0) : 0
    if total < 10 { return "just now" }
    if total < 60 { return "\(total / 10 * 10) s ago" }
    return duration(TimeInterval(total / 60 * 60)) + " ago"
  }

  /// How long until, rounded up in coarse steps: `in 10 s` … `in 60 s` under a minute,
  /// then whole minutes (`in 3 min`) and hours and minutes; `now` when due.
  package static func countdown(_ seconds: TimeInterval) -> String {
    guard seconds.isFinite, seconds > 0 else { return "now" }
    let total = Int(seconds.rounded(.up))
    if total <= 60 { return "in \((total + 9) / 10 * 10) s" }
    return "in " + duration(TimeInterval((total + 59) / 60 * 60))
  }

  private static func pad(_ value: Int, _ width: Int = 2) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(width - text.count, 0)) + text
  }
}
