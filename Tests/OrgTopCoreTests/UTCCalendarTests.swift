import Foundation
import OrgTopCore
import Testing

/// Epoch seconds below come from Python's `datetime(..., tzinfo=timezone.utc).timestamp()`.
@Suite("UTC calendar")
struct UTCCalendarTests {
  @Test func componentsAndDatesRoundTrip() {
    let instant = Date(timeIntervalSince1970: 1_795_186_327)  // 2026-11-20T14:52:07Z
    let parts = UTCCalendar.components(of: instant)
    #expect(
      parts
        == UTCCalendar.Components(
          year: 2026, month: 11, day: 20, hour: 14, minute: 52, second: 7))
    #expect(
      UTCCalendar.date(year: 2026, month: 11, day: 20, hour: 14, minute: 52, second: 7)
        == instant)
    let leap = Date(timeIntervalSince1970: 1_835_481_599)  // 2028-02-29T23:59:59Z
    #expect(UTCCalendar.components(of: leap).day == 29)
    let beforeEpoch = Date(timeIntervalSince1970: -3600)  // 1969-12-31T23:00:00Z
    let old = UTCCalendar.components(of: beforeEpoch)
    #expect(
      old == UTCCalendar.Components(year: 1969, month: 12, day: 31, hour: 23, minute: 0, second: 0)
    )
  }

  @Test func monthBoundaries() {
    let instant = Date(timeIntervalSince1970: 1_795_186_327)
    #expect(UTCCalendar.monthStart(containing: instant).timeIntervalSince1970 == 1_793_491_200)
    #expect(UTCCalendar.nextMonthStart(after: instant).timeIntervalSince1970 == 1_796_083_200)
    let december = Date(timeIntervalSince1970: 1_796_083_200 + 5)
    #expect(UTCCalendar.nextMonthStart(after: december).timeIntervalSince1970 == 1_798_761_600)
    // The first instant of a month is its own month start.
    #expect(UTCCalendar.monthStart(containing: december).timeIntervalSince1970 == 1_796_083_200)
  }

  @Test func floors() {
    let instant = Date(timeIntervalSince1970: 1_795_186_327.75)
    #expect(UTCCalendar.minuteStart(containing: instant).timeIntervalSince1970 == 1_795_186_320)
    #expect(UTCCalendar.dayStart(containing: instant).timeIntervalSince1970 == 1_795_132_800)
    #expect(UTCCalendar.floor(Date(timeIntervalSince1970: -1), to: 60).timeIntervalSince1970 == -60)
  }
}
