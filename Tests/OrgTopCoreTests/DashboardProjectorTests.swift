import Foundation
import OrgTopCore
import OrgTopTestSupport
import Testing

/// The projector reuses derived figures between ticks; its view models must always equal a
/// projection from scratch.
@Suite("Dashboard projector")
struct DashboardProjectorTests {
  @Test("every view model equals DashboardViewModel(state:now:) through ticks, keys and months")
  func equalsDirectProjection() {
    var harness = ReducerHarness()
    harness.loadFixture(source: .analytics)
    var projector = DashboardProjector()
    var checked = 0
    func check(_ label: String) {
      let direct = DashboardViewModel(state: harness.state, now: harness.now)
      #expect(projector.viewModel(state: harness.state, now: harness.now) == direct, "\(label)")
      checked += 1
    }
    check("loaded")
    for second in 1...3 {
      _ = harness.advance(by: 1)
      check("tick \(second)")
    }
    _ = harness.press(.down)
    check("selection moved")
    _ = harness.press(.character("s"))
    check("sort cycled")
    _ = harness.press(.character("/"))
    harness.type("a")
    check("filtered")
    _ = harness.press(.escape)
    check("filter cleared")
    // The same state read in another month: the month's bounds change the figures.
    let nextMonth = UTCCalendar.nextMonthStart(after: harness.now).addingTimeInterval(30)
    let direct = DashboardViewModel(state: harness.state, now: nextMonth)
    #expect(projector.viewModel(state: harness.state, now: nextMonth) == direct)
    #expect(checked == 8)
  }

  @Test("a revision is trusted: the same one skips comparing the state, a new one does not")
  func revisions() {
    var harness = ReducerHarness()
    harness.loadFixture(source: .analytics)
    var projector = DashboardProjector()
    let before = harness.state
    #expect(projector.viewModel(state: before, now: harness.now, revision: 1).keys.rows.count > 1)
    _ = harness.press(.character("/"))
    harness.type("zzzz-no-such-key")
    let filtered = DashboardViewModel(state: harness.state, now: harness.now)
    #expect(filtered.keys != DashboardViewModel(state: before, now: harness.now).keys)
    // A new revision: the state is read again, as a projection from scratch would.
    #expect(projector.viewModel(state: harness.state, now: harness.now, revision: 2) == filtered)
    // The caller's word that nothing changed is taken: what was derived at revision 2 stays,
    // though the state passed differs (a broken caller, to show the comparison is skipped).
    let stale = projector.viewModel(state: before, now: harness.now, revision: 2)
    #expect(stale.keys.rows == filtered.keys.rows)
    // Without revisions, the states are compared.
    #expect(
      projector.viewModel(state: before, now: harness.now)
        == DashboardViewModel(state: before, now: harness.now))
  }

  @Test("one state read at later instants: countdowns, the chart's day and staleness follow")
  func sameStateLaterInstants() {
    var harness = ReducerHarness()
    harness.loadFixture(source: .analytics)
    var projector = DashboardProjector()
    let start = harness.now
    let midnight = UTCCalendar.dayStart(containing: start).addingTimeInterval(86_400)
    // Seconds, a minute boundary, long enough for every report slot to be stale, the last
    // seconds before midnight UTC and the first after it (the cost chart gains a day).
    let instants =
      [1, 2, 59, 61, 125, 400, 3_700].map { start.addingTimeInterval(TimeInterval($0)) }
      + [-61, -1, 1, 62].map { midnight.addingTimeInterval(TimeInterval($0)) }
    var distinctUsage: Set<UsageViewModel> = []
    var distinctOverview: Set<OverviewViewModel> = []
    var distinctKeys: Set<ListTableViewModel> = []
    for instant in instants where instant > start {
      let direct = DashboardViewModel(state: harness.state, now: instant)
      #expect(projector.viewModel(state: harness.state, now: instant) == direct, "\(instant)")
      distinctUsage.insert(direct.usage)
      distinctOverview.insert(direct.overview)
      var keys = direct.keys
      keys.condition = .ready
      distinctKeys.insert(keys)
    }
    // The instants were chosen so that the panes do change: a cache that ignored the instant
    // would fail the equality above.
    #expect(distinctUsage.count >= 4)
    #expect(distinctOverview.count >= 2)
    // Rows kept for the minute must still change with the day ("today" becomes "yesterday").
    #expect(distinctKeys.count >= 2)
  }
}
