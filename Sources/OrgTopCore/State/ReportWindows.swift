import Foundation

/// The report windows of the report slots at an instant (admin-api.md §14; all UTC,
/// `[start, end)`). Which window fills which slot is in `DataSlot.resource`.
package enum ReportWindows {
  /// Month-to-date usage: M0 to now, one row per key × model × workspace (no buckets). A key
  /// lives in one workspace, so the workspace adds no rows for keys; it places the usage with
  /// no key (Console, Workbench) in its workspace, so workspace figures reconcile with the total.
  package static func monthUsage(at now: Date) -> ReportQuery {
    ReportQuery(
      start: UTCCalendar.monthStart(containing: now), end: now, bucket: nil,
      groupBy: [.apiKey, .model, .workspace])
  }

  /// Month-to-date cost: M0 to now, one row per key × model × workspace (no buckets), as
  /// docs/admin-api.md asks, with the workspace as for ``monthUsage(at:)``. Daily buckets per
  /// key × model would multiply the rows by the day of the month (6,000 rows, 3.8 MB a minute
  /// at 10,000 keys) for a series the organization total gives.
  package static func monthCost(at now: Date) -> ReportQuery {
    ReportQuery(
      start: UTCCalendar.monthStart(containing: now), end: now, bucket: nil,
      groupBy: [.apiKey, .model, .workspace])
  }

  /// The organization's month-to-date cost per UTC day: M0 to now in daily buckets, ungrouped
  /// (at most 31 rows), for the burn rate and the sparkline.
  package static func dailyCost(at now: Date) -> ReportQuery {
    ReportQuery(
      start: UTCCalendar.monthStart(containing: now), end: now, bucket: .day, groupBy: [])
  }

  /// The last hour per minute and model, from the minute-floored instant 60 min ago.
  package static func recentUsage(at now: Date) -> ReportQuery {
    ReportQuery(
      start: UTCCalendar.minuteStart(containing: now.addingTimeInterval(-3600)), end: now,
      bucket: .minute, groupBy: [.model])
  }

  /// How far a refresh of the last hour reaches back into the minutes it already holds: twice
  /// the ``reportLag`` (buckets that recent may still be filling). Older minutes are kept from
  /// the earlier answers, so a refresh asks for about 11 minutes instead of 61 (at the demo's
  /// 4 models, about 30 rows and 22 KB instead of 275 rows and 204 KB; docs/admin-api.md §13).
  package static let recentOverlap: TimeInterval = 2 * reportLag

  /// The request that brings `held`, an earlier answer for ``recentUsage(at:)``, up to `now`:
  /// from ``recentOverlap`` before the end of `held` when `held` covers the new window up to
  /// there in the same shape; otherwise the whole window.
  package static func recentUsage(at now: Date, holding held: UsageReport) -> ReportQuery {
    var query = recentUsage(at: now)
    let resume = UTCCalendar.minuteStart(
      containing: held.query.end.addingTimeInterval(-recentOverlap))
    guard held.query.bucket == query.bucket, held.query.groupBy == query.groupBy,
      held.query.start <= query.start, resume > query.start, resume < now
    else { return query }
    query.start = resume
    return query
  }

  /// Thirty days of daily usage per key, from the day-floored instant 30 days ago.
  package static func keyActivity(at now: Date) -> ReportQuery {
    ReportQuery(
      start: UTCCalendar.dayStart(containing: now.addingTimeInterval(-30 * 86_400)), end: now,
      bucket: .day, groupBy: [.apiKey])
  }

  /// How far the reports lag behind real time (admin-api.md §13.8: usually within about five
  /// minutes): an hour is read as complete only this long after it ended.
  package static let reportLag: TimeInterval = 300

  /// The hour the anomaly flag judges at `now`: the latest whole UTC hour that ended at least
  /// ``reportLag`` ago, so its bucket is complete rather than a partial hour.
  package static func judgedHour(at now: Date) -> Date {
    UTCCalendar.floor(now.addingTimeInterval(-reportLag), to: 3600).addingTimeInterval(-3600)
  }

  /// Hourly usage per key for the anomaly flag: the judged hour and the 7 days (168 hours)
  /// before it, `[H − 7 d, H + 1 h)` in 169 one-hour buckets. From the legacy report whatever
  /// the session decided: its pages count buckets (168 a page, admin-api.md §13.2), so this is
  /// 2 requests at any number of keys, where analytics pages count rows (1,000 a page: one
  /// row per key and hour with usage).
  package static func keyHourly(at now: Date) -> ReportQuery {
    let hour = judgedHour(at: now)
    return ReportQuery(
      start: hour.addingTimeInterval(-7 * 86_400), end: hour.addingTimeInterval(3600),
      bucket: .hour, groupBy: [.apiKey], source: .legacy)
  }
}
