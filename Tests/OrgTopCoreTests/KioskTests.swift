import Foundation
import OrgTopCore
import OrgTopTestSupport
import Testing

/// Kiosk mode in the core: the rotation as a function of the instant, the keys a wall screen
/// ignores, the big figures against sums of the fixture's reports, and the stale alarm's
/// threshold (older than twice the refresh period) on a manual clock.
@Suite("Kiosk mode")
struct KioskTests {
  static let refused = FetchFailure(
    kind: .network,
    message: "Cannot reach api.anthropic.com: connection refused (nothing is listening there)",
    remedy: "Check the base URL's host and port, and that the server is up")

  static var kioskConfiguration: DashboardConfiguration {
    var configuration = Fixtures.configuration
    configuration.kiosk = KioskSettings(rotation: 20)
    return configuration
  }

  /// The fixture loaded in kiosk mode.
  static func loaded() -> ReducerHarness {
    var harness = ReducerHarness(configuration: kioskConfiguration)
    harness.loadFixture()
    return harness
  }

  @Test func pagesTurnOnMultiplesOfTheRotation() {
    let kiosk = KioskSettings(rotation: 20)
    let pages = (0..<6).map {
      kiosk.pageIndex(at: Date(timeIntervalSince1970: Double($0) * 10), pageCount: 2)
    }
    #expect(pages == [0, 0, 1, 1, 0, 0])
    #expect(kiosk.pageIndex(at: Date(timeIntervalSince1970: 19.999), pageCount: 2) == 0)
    #expect(kiosk.pageIndex(at: Date(timeIntervalSince1970: 20), pageCount: 2) == 1)
    #expect(kiosk.pageIndex(at: Date(timeIntervalSince1970: 60), pageCount: 3) == 0)
    #expect(kiosk.pageIndex(at: Date(timeIntervalSince1970: 40), pageCount: 1) == 0)
    #expect(KioskSettings(rotation: 1).rotation == KioskSettings.minimumRotation)
  }

  @Test func kioskIsReadOnlyWithTheClockShown() {
    var configuration = DashboardConfiguration(isReadOnly: false, showsClock: false)
    configuration.kiosk = KioskSettings()
    #expect(configuration.isReadOnly)
    #expect(configuration.showsClock)
  }

  @Test func keysThatWouldOpenSomethingDoNothing() {
    var harness = Self.loaded()
    let before = harness.state
    for key: KeyPress in [
      .character("?"), .enter, .character("/"), .character("P"), .tab, .down, .end,
      .character("s"),
    ] {
      let effects = harness.press(key)
      #expect(effects.isEmpty, "\(key)")
    }
    #expect(harness.state.overlay == nil)
    #expect(!harness.state.keyList.isEditingFilter)
    #expect(harness.state.keyList == before.keyList)
    #expect(harness.state.focus == before.focus)
    #expect(harness.press(.character("q")) == [.quit])
  }

  @Test func refreshStillWorks() {
    var harness = Self.loaded()
    let effects = harness.press(.character("r"))
    #expect(!ReducerHarness.fetches(in: effects).isEmpty)
  }

  @Test func noHintsAndNoSelectionOnAWallScreen() {
    let harness = Self.loaded()
    let model = DashboardViewModel(state: harness.state, now: harness.now)
    #expect(model.hints.isEmpty)
    #expect(model.keys.selectedIndex == nil)
    #expect(model.header.badges.contains("READ-ONLY"))
    #expect(!model.header.clock.isEmpty)
  }

  @Test func theFiguresAndEveryViewTakeTheirTurn() throws {
    let harness = Self.loaded()
    let start = UTCCalendar.floor(harness.now, to: 20 * KioskViewModel.pageCount)
    let pages = try (0..<KioskViewModel.pageCount + 1).map { turn in
      try #require(
        DashboardViewModel(state: harness.state, now: start.addingTimeInterval(Double(turn) * 20))
          .kiosk
      ).page
    }
    guard case .figures = pages[0] else {
      Issue.record("page 0 is the figures: \(pages[0])")
      return
    }
    #expect(
      Array(pages[1...4]) == [
        .view(.dashboard), .view(.members), .view(.workspaces), .view(.rateLimits),
      ])
    guard case .figures = pages[5] else {
      Issue.record("after the last view, the figures again: \(pages[5])")
      return
    }
    // Each view's page draws that view's list, with no selection and no tab line.
    let members = DashboardViewModel(state: harness.state, now: start.addingTimeInterval(40))
    #expect(members.members?.members.selectedIndex == nil)
    #expect(members.members?.members.rows.isEmpty == false)
    #expect(members.tabs == nil)
    let rateLimits = DashboardViewModel(state: harness.state, now: start.addingTimeInterval(80))
    #expect(rateLimits.rateLimits?.rows.isEmpty == false)
    #expect(rateLimits.rateLimits?.selectedIndex == nil)
    #expect(DashboardViewModel(state: ReducerHarness().state, now: start).kiosk == nil)
  }

  /// The big figures equal sums over the fixture's own cost report, computed here.
  @Test func bigFiguresMatchTheReportsSums() throws {
    let harness = Self.loaded()
    let report = try #require(harness.state.monthCost.value)
    let cents = report.rows.reduce(Decimal(0)) { $0 + $1.amount.minorUnits }
    let figures = KioskViewModel.bigFigures(
      state: harness.state, figures: DashboardFigures(state: harness.state, now: harness.now))
    #expect(figures.count == 3)
    #expect(figures[0].value == Format.money(Money(minorUnits: cents)))
    // The fixture's organization limit is $5,000 (it outranks the $2,500 budget): the share
    // is spend / 500,000 cents.
    let share = NSDecimalNumber(decimal: cents / 500_000).doubleValue
    #expect(figures[1].value == Format.percent(share))
    #expect(figures[0].caption.contains("of $5,000.00 org limit"))
    #expect(figures[2].label.hasPrefix("PROJECTED MONTH-END"))
    #expect(figures[2].value.hasPrefix("$"))
  }

  @Test func figuresSayTheLevelInWords() throws {
    var configuration = Self.kioskConfiguration
    configuration.warnAt = Decimal(string: "0.0001")!
    configuration.criticalAt = Decimal(string: "0.0002")!
    var harness = ReducerHarness(configuration: configuration)
    harness.loadFixture()
    let figures = KioskViewModel.bigFigures(
      state: harness.state, figures: DashboardFigures(state: harness.state, now: harness.now))
    #expect(figures[0].label.hasSuffix("· CRITICAL"), "\(figures[0].label)")
    #expect(figures[0].role == .danger)
  }

  /// The report slots refresh every 60 s: the alarm is raised once the oldest shown value is
  /// more than 120 s old, not at 120 s, and says why and when orgtop retries.
  @Test func staleAlarmAfterTwiceTheRefreshPeriod() throws {
    var harness = Self.loaded()
    let loadedAt = harness.now
    for _ in 0..<120 {
      harness.complete(harness.advance(by: 1)) { _, _ in .failure(Self.refused) }
    }
    #expect(harness.now.timeIntervalSince(loadedAt) == 120)
    #expect(KioskAlarm(state: harness.state, now: harness.now) == nil)
    harness.complete(harness.advance(by: 1)) { _, _ in .failure(Self.refused) }
    let alarm = try #require(KioskAlarm(state: harness.state, now: harness.now))
    #expect(
      alarm.headline == "STALE: data is 2 min old (last updated \(Format.shortTime(loadedAt)))")
    #expect(alarm.cause.hasPrefix(Self.refused.message))
    #expect(alarm.advice.contains(Self.refused.remedy))
    #expect(alarm.advice.contains("retrying"))
    let model = try #require(DashboardViewModel(state: harness.state, now: harness.now).kiosk)
    #expect(model.alarm == alarm)
  }

  @Test func freshDataRaisesNoAlarm() {
    var harness = Self.loaded()
    for _ in 0..<300 { harness.complete(harness.advance(by: 1)) }
    #expect(KioskAlarm(state: harness.state, now: harness.now) == nil)
  }

  @Test func noFiguresAtAllIsAnAlarmToo() throws {
    var harness = ReducerHarness(configuration: Self.kioskConfiguration)
    harness.complete(harness.start()) { _, _ in .failure(Self.refused) }
    let alarm = try #require(KioskAlarm(state: harness.state, now: harness.now))
    #expect(alarm.headline.hasPrefix("NO DATA"))
    let figures = KioskViewModel.bigFigures(
      state: harness.state, figures: DashboardFigures(state: harness.state, now: harness.now))
    #expect(figures.allSatisfy { $0.value == "--" })
    #expect(figures[0].caption == Self.refused.message)
  }
}
