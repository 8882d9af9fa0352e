import Foundation
import OrgTopCore
import OrgTopTestSupport
import Testing

/// When the last hour is asked for in part and when whole (`ReportWindows.recentUsage(at:holding:)`),
/// and how an answer is folded in (`UsageReport.updated(by:windowStart:)`), on hand-made reports.
@Suite struct RecentUsageWindowTests {
  private static let now = at(10, 30, 20)

  /// An instant on the tests' day, 2026-11-20, UTC.
  private static func at(_ hour: Int, _ minute: Int, _ second: Int = 0) -> Date {
    UTCCalendar.date(year: 2026, month: 11, day: 20, hour: hour, minute: minute, second: second)
  }

  /// A report of the last hour's shape over `[start, end)` with one row a minute.
  private func report(
    from start: Date, to end: Date, source: ReportSource = .analytics, tokens: Int = 1
  ) -> UsageReport {
    let query = ReportQuery(start: start, end: end, bucket: .minute, groupBy: [.model])
    let rows = stride(from: start, to: end, by: 60).map {
      UsageRow(
        start: $0, end: $0.addingTimeInterval(60), model: "m",
        tokens: TokenCounts(output: tokens))
    }
    return UsageReport(query: query, rows: rows, source: source, dataRefreshedAt: nil)
  }

  @Test func aHeldHourIsResumedTenMinutesBeforeItsEnd() {
    let previous = Self.now.addingTimeInterval(-60)
    let held = report(
      from: ReportWindows.recentUsage(at: previous).start, to: previous)
    let query = ReportWindows.recentUsage(at: Self.now, holding: held)
    // 10:29:20 less 10 min, floored to the minute: 10:19:00.
    #expect(query.start == Self.at(10, 19))
    #expect(query.end == Self.now)
    #expect(query.bucket == .minute && query.groupBy == [.model])
  }

  @Test func anOldOrMisshapenHeldReportMeansTheWholeHour() {
    let whole = ReportWindows.recentUsage(at: Self.now)
    // Held for 52 minutes: resuming 10 minutes before its end would start before the window.
    let old = Self.now.addingTimeInterval(-52 * 60)
    #expect(
      ReportWindows.recentUsage(
        at: Self.now, holding: report(from: ReportWindows.recentUsage(at: old).start, to: old))
        == whole)
    // A held report that does not reach back to the window's start cannot fill it.
    let late = report(
      from: whole.start.addingTimeInterval(120), to: Self.now.addingTimeInterval(-60))
    #expect(ReportWindows.recentUsage(at: Self.now, holding: late) == whole)
    // Another bucket width or grouping is another report.
    var hourly = report(from: whole.start, to: Self.now.addingTimeInterval(-60))
    hourly.query.bucket = .hour
    #expect(ReportWindows.recentUsage(at: Self.now, holding: hourly) == whole)
  }

  @Test func anAnswerReplacesItsMinutesAndTheWindowMovesOn() {
    let whole = ReportWindows.recentUsage(at: Self.now)
    let held = report(
      from: whole.start.addingTimeInterval(-60), to: Self.now.addingTimeInterval(-60))
    let answerStart = Self.at(10, 19)
    let answer = report(from: answerStart, to: Self.now, tokens: 5)
    let merged = held.updated(by: answer, windowStart: whole.start)
    #expect(merged.query == whole)
    // Minutes before the window are dropped, the held ones kept up to the answer's start, and
    // the answer's own minutes win over the held ones.
    let expected = stride(from: whole.start, to: Self.now, by: 60).map { $0 < answerStart ? 1 : 5 }
    #expect(merged.rows.sorted { $0.start < $1.start }.map { $0.tokens.output } == expected)
  }

  @Test func anAnswerThatDoesNotContinueTheHeldReportReplacesIt() {
    let whole = ReportWindows.recentUsage(at: Self.now)
    let held = report(from: whole.start, to: Self.now.addingTimeInterval(-60))
    let legacy = report(from: Self.at(10, 19), to: Self.now, source: .legacy)
    #expect(held.updated(by: legacy, windowStart: whole.start) == legacy)
    let gap = report(from: Self.now.addingTimeInterval(-30), to: Self.now)
    let shortHeld = report(from: whole.start, to: Self.now.addingTimeInterval(-300))
    #expect(shortHeld.updated(by: gap, windowStart: whole.start) == gap)
  }
}

extension RecentUsageWindowTests {
  @Test func theSlotAsksInPartOnceItHoldsTheHourAndFoldsTheAnswerIn() throws {
    var state = DashboardState(configuration: Fixtures.configuration)
    let resource = DataSlot.recentUsage.resource
    let first = Self.now.addingTimeInterval(-60)
    #expect(resource.request(at: first, in: state) == .usage(ReportWindows.recentUsage(at: first)))
    let held = report(from: ReportWindows.recentUsage(at: first).start, to: first)
    #expect(resource.store(.usage(held), in: &state))
    let request = resource.request(at: Self.now, in: state)
    #expect(request == .usage(ReportWindows.recentUsage(at: Self.now, holding: held)))
    guard case .usage(let query) = request else { return }
    let answer = report(from: query.start, to: query.end, tokens: 9)
    #expect(resource.store(.usage(answer), in: &state))
    let kept = try #require(state.recentUsage.value)
    #expect(kept.query == ReportWindows.recentUsage(at: Self.now))
    // One row a minute from 09:30 to the partial minute 10:30: 61.
    #expect(kept.rows.count == 61)
    #expect(kept.rows.filter { $0.tokens.output == 9 }.count == answer.rows.count)
  }
}
