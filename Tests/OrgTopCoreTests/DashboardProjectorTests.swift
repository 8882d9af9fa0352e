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
}
