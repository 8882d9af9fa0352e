import Foundation
import Testing

@testable import OrgTopSimulator

/// RFC 3339 parsing and formatting, checked against Foundation's calendar.
@Suite struct WireTimeTests {
  private func epochSeconds(
    _ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0
  )
    -> Int64
  {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
    let date = calendar.date(
      from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))
    return Int64(date?.timeIntervalSince1970 ?? -1)
  }

  @Test func parsesOffsetsAndFractions() {
    let base = epochSeconds(2026, 11, 1) * 1_000_000
    #expect(WireTime.parse("2026-11-01T00:00:00Z") == base)
    #expect(WireTime.parse("2026-11-01T00:00:00+00:00") == base)
    #expect(WireTime.parse("2026-11-01T02:00:00+02:00") == base)
    #expect(WireTime.parse("2026-10-31T19:00:00-05:00") == base)
    #expect(WireTime.parse("2026-11-01T00:00:00.5Z") == base + 500_000)
    #expect(WireTime.parse("2026-11-01T00:00:00.229541Z") == base + 229_541)
    for bad in [
      "2026-02-30T00:00:00Z", "2026-11-01", "2026-11-01T00:00:00", "2026-11-01T24:00:00Z",
      "2026-11-01T00:00:00 00:00", "2026-11-01T00:00:00.Z", "yesterday",
    ] {
      #expect(WireTime.parse(bad) == nil, "\(bad)")
    }
  }

  @Test func formatsUTCWithZ() {
    let micros = epochSeconds(2028, 2, 29, 23, 59) * 1_000_000
    #expect(WireTime.format(micros: micros) == "2028-02-29T23:59:00Z")
    #expect(WireTime.format(micros: micros + 5) == "2028-02-29T23:59:00.000005Z")
    #expect(WireTime.format(micros: 0) == "1970-01-01T00:00:00Z")
  }

  @Test func monthStarts() {
    let minute = Int(epochSeconds(2026, 1, 15, 12) / 60)
    #expect(WireTime.monthStartMinute(containing: minute) == Int(epochSeconds(2026, 1, 1) / 60))
    #expect(
      WireTime.monthStartMinute(containing: minute, monthOffset: -1)
        == Int(epochSeconds(2025, 12, 1) / 60))
  }
}
