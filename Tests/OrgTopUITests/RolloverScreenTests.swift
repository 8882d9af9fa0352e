import Foundation
import OrgTopCore
import OrgTopTestSupport
import OrgTopUI
import Testing

/// The month rollover at 00:00 UTC on the 1st, on a manual clock, as the screen shows it: the
/// new month's figures start at zero, the gauge resets, and nothing of November stays on screen
/// as current, on the dashboard and on the kiosk's big figures.
@Suite("Month rollover on screen")
struct RolloverScreenTests {
  static let size = TerminalSize(columns: 120, rows: 40)
  static let lateNovember = UTCCalendar.date(year: 2026, month: 11, day: 30, hour: 23, minute: 58)
  static let december = UTCCalendar.date(year: 2026, month: 12, day: 1)

  @Test(arguments: [false, true])
  func theNewMonthStartsAtZero(kiosk: Bool) throws {
    var configuration = Fixtures.configuration
    // A page turns once a century: before and after midnight, the figures page is shown.
    if kiosk { configuration.kiosk = KioskSettings(rotation: 100 * 365 * 86_400) }
    var harness = ReducerHarness(configuration: configuration, now: Self.lateNovember)
    let rows = Screen.pageSizes(for: Self.size)[.keys]
    harness.loadFixture(keyPageSize: rows)
    harness.send(.layoutChanged(size: Self.size, pageSizes: PageSizes([.keys: rows])))
    let november = try #require(harness.state.costSummary?.total)
    let novemberText = Format.money(november)
    #expect(november > .zero())
    let before = render(harness)
    if kiosk {
      // The figures page draws the spend in block digits: read it from the page's figures.
      #expect(before.contains("SPEND · NOV (UTC)"))
      let figures = KioskViewModel.bigFigures(
        state: harness.state, figures: DashboardFigures(state: harness.state, now: harness.now))
      #expect(figures[0].value == novemberText)
    } else {
      #expect(before.contains(novemberText))
    }

    // Every second across midnight, every fetch answered at once from the fixture.
    var pending: [Effect] = []
    while harness.now < Self.december.addingTimeInterval(120) {
      pending = harness.complete(pending + harness.advance(by: 1))
    }
    let cost = try #require(harness.state.monthCost.value)
    #expect(cost.query.start == Self.december)
    #expect(harness.state.costSummary?.total == .zero())
    let after = render(harness)
    #expect(!after.contains(novemberText), "November's spend shown as current:\n\(after)")
    if kiosk {
      #expect(after.contains("SPEND · DEC (UTC)"))
      let figures = KioskViewModel.bigFigures(
        state: harness.state, figures: DashboardFigures(state: harness.state, now: harness.now))
      #expect(figures[0].value == "$0.00")
      #expect(figures[1].value == "0.0%")
    } else {
      #expect(after.contains("Usage · Dec (UTC)"))
      #expect(after.contains("Spend MTD           $0.00"))
      #expect(after.contains("0.0% of $5,000.00 org limit"))
      #expect(after.contains("Resets              Jan 1 00:00 UTC"))
    }
  }

  private func render(_ harness: ReducerHarness) -> String {
    Screen.render(
      DashboardViewModel(state: harness.state, now: harness.now), size: Self.size,
      options: .unicode
    ).text
  }
}
