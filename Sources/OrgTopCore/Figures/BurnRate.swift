import Foundation

/// How fast the organization spends, per day, with the exact window it was measured over.
///
/// Definition: the mean daily cost of the most recent complete UTC days of this month (up to 7)
/// whose data is complete (the day ended before the data's as-of instant); labelled
/// "7-day avg" (or "3-day avg" early in the month). With no complete day yet (the 1st of the
/// month, or just after midnight), today's pace: today's cost so far ÷ the hours elapsed up to
/// the as-of instant × 24, labelled "today's pace", and only after at least an hour of today.
/// Days with no cost rows count as zero (the analytics report omits empty rows).
package struct BurnRate: Hashable, Sendable {
  /// The window the rate was measured over.
  package enum Window: Hashable, Sendable {
    /// The mean of this many complete UTC days.
    case completeDays(Int)
    /// Today's cost extrapolated to 24 h.
    case todayPace
  }

  /// The longest average.
  package static let maximumDays = 7

  package var perDay: Money
  package var window: Window

  package init(perDay: Money, window: Window) {
    self.perDay = perDay
    self.window = window
  }

  /// The window as shown on screen, e.g. `7-day avg`.
  package var windowLabel: String {
    switch window {
    case .completeDays(let days): "\(days)-day avg"
    case .todayPace: "today's pace"
    }
  }

  /// The burn rate of a month's daily costs whose window starts at `monthStart`, with data
  /// complete up to `asOf`; `nil` when there is too little data to say.
  package static func measure(
    _ cost: DailyCost, monthStart: Date, asOf: Date
  ) -> BurnRate? {
    // Just after the month turns the data may still be last month's: nothing to measure yet.
    guard asOf > monthStart else { return nil }
    let day = TimeInterval(UTCCalendar.secondsPerDay)
    let today = UTCCalendar.dayStart(containing: asOf)
    var completeDays: [Date] = []
    var candidate = today.addingTimeInterval(-day)
    while candidate >= monthStart, completeDays.count < maximumDays {
      completeDays.append(candidate)
      candidate = candidate.addingTimeInterval(-day)
    }
    if !completeDays.isEmpty {
      let sum = completeDays.map { cost.byDay[$0] ?? .zero() }.sum()
      return BurnRate(
        perDay: Money(minorUnits: sum.minorUnits / Decimal(completeDays.count)),
        window: .completeDays(completeDays.count))
    }
    let elapsed = UTCCalendar.epochSeconds(asOf) - UTCCalendar.epochSeconds(today)
    guard elapsed >= 3600 else { return nil }
    let sofar = cost.cost(onDayOf: today)
    return BurnRate(
      perDay: Money(
        minorUnits: sofar.minorUnits * Decimal(UTCCalendar.secondsPerDay) / Decimal(elapsed)),
      window: .todayPace)
  }
}
