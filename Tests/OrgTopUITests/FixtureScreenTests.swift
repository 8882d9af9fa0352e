import OrgTopCore
import OrgTopTestSupport
import OrgTopUI
import Testing

/// The whole pure pipeline on the shared fixture: reducer state → Core's view model →
/// `Screen.render`. These goldens are the screens a user of the demo sees; they change when
/// Core's wording or figures change, and are then re-recorded and reviewed like any other.
@Suite("Golden screens from the fixture")
struct FixtureScreenTests {
  private func harness(size: TerminalSize) -> ReducerHarness {
    var harness = ReducerHarness()
    let rows = Screen.keyRowsVisible(for: size)
    harness.loadFixture(source: .analytics, keyRowsVisible: rows)
    harness.send(.layoutChanged(size: size, keyRowsVisible: rows))
    return harness
  }

  private func render(_ harness: ReducerHarness, _ size: TerminalSize) -> Grid {
    Screen.render(
      DashboardViewModel(state: harness.state, now: harness.now), size: size, options: .unicode)
  }

  @Test(
    "dashboard from the fixture",
    arguments: [TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 120, rows: 40)])
  func dashboard(size: TerminalSize) {
    let harness = harness(size: size)
    GoldenFile.verify(
      render(harness, size), named: "fixture-dashboard-\(size.columns)x\(size.rows)")
  }

  @Test("key detail from the fixture")
  func detail() {
    let size = TerminalSize(columns: 80, rows: 24)
    var harness = harness(size: size)
    harness.press(.down)
    harness.press(.enter)
    GoldenFile.verify(render(harness, size), named: "fixture-detail-80x24")
  }

  @Test("help from the fixture")
  func help() {
    let size = TerminalSize(columns: 80, rows: 24)
    var harness = harness(size: size)
    harness.press(.character("?"))
    GoldenFile.verify(render(harness, size), named: "fixture-help-80x24")
  }
}
