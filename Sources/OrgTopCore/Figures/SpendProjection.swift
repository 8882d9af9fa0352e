import Foundation

/// Where month-to-date spend is heading at the current burn rate.
///
/// Definition: month-end = MTD + rate × the days left from the data's as-of instant to the reset
/// (00:00Z on the 1st of next month). The limit is reached at as-of + (limit − MTD) ÷ rate days,
/// reported only when that falls before the reset ("not at this rate" otherwise).
package struct SpendProjection: Hashable, Sendable {
  /// When the projected spend reaches the limit.
  package enum LimitOutlook: Hashable, Sendable {
    /// Spend is already at or over the limit.
    case alreadyReached
    case reached(on: Date)
    /// Not before the reset at this rate (or spending has stopped).
    case notAtThisRate
  }

  package var monthEnd: Money
  /// `nil` when there is no limit to reach.
  package var limitOutlook: LimitOutlook?

  package init(monthEnd: Money, limitOutlook: LimitOutlook?) {
    self.monthEnd = monthEnd
    self.limitOutlook = limitOutlook
  }

  package static func project(
    monthToDate: Money, rate: BurnRate, asOf: Date, limit: Money?
  ) -> SpendProjection {
    let reset = UTCCalendar.nextMonthStart(after: asOf)
    let secondsLeft = max(UTCCalendar.epochSeconds(reset) - UTCCalendar.epochSeconds(asOf), 0)
    let daysLeft = Decimal(secondsLeft) / Decimal(UTCCalendar.secondsPerDay)
    let monthEnd = Money(minorUnits: monthToDate.minorUnits + rate.perDay.minorUnits * daysLeft)
    guard let limit else { return SpendProjection(monthEnd: monthEnd, limitOutlook: nil) }
    if monthToDate.minorUnits >= limit.minorUnits {
      return SpendProjection(monthEnd: monthEnd, limitOutlook: .alreadyReached)
    }
    guard rate.perDay.minorUnits > 0 else {
      return SpendProjection(monthEnd: monthEnd, limitOutlook: .notAtThisRate)
    }
    let daysToLimit = (limit.minorUnits - monthToDate.minorUnits) / rate.perDay.minorUnits
    let seconds = NSDecimalNumber(decimal: daysToLimit * Decimal(UTCCalendar.secondsPerDay))
      .doubleValue
    let reachedAt = asOf.addingTimeInterval(seconds)
    return SpendProjection(
      monthEnd: monthEnd, limitOutlook: reachedAt < reset ? .reached(on: reachedAt) : .notAtThisRate
    )
  }
}
