import Foundation
import OrgTopCore
import OrgTopTestSupport
import OrgTopUI
import Testing

/// The workspaces and rate-limits views from reducer-produced state (the fixture organization,
/// then `3` or `4`), at the three sizes.
@Suite("Golden screens: workspaces and rate limits")
struct WorkspacesScreenTests {
  @Test(
    "the workspaces view",
    arguments: [
      TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 120, rows: 40),
      TerminalSize(columns: 200, rows: 60),
    ])
  func workspaces(size: TerminalSize) {
    var harness = ReducerHarness()
    harness.loadFixture(keyPageSize: Screen.pageSizes(for: size)[.keys])
    harness.send(.layoutChanged(size: size, pageSizes: Screen.pageSizes(for: size)))
    harness.press(.character("3"))
    harness.press(.down)
    let grid = Screen.render(
      DashboardViewModel(state: harness.state, now: harness.now), size: size, options: .unicode)
    #expect(grid.lines[1].contains(" 3 Workspaces "))
    #expect(grid.contains("Workspaces sum to"))
    GoldenFile.verify(grid, named: "workspaces-\(size.columns)x\(size.rows)")
  }

  @Test(
    "the rate-limits view",
    arguments: [
      TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 120, rows: 40),
      TerminalSize(columns: 200, rows: 60),
    ])
  func rateLimits(size: TerminalSize) {
    var harness = ReducerHarness()
    harness.loadFixture(keyPageSize: Screen.pageSizes(for: size)[.keys])
    harness.send(.layoutChanged(size: size, pageSizes: Screen.pageSizes(for: size)))
    harness.press(.character("4"))
    let grid = Screen.render(
      DashboardViewModel(state: harness.state, now: harness.now), size: size, options: .unicode)
    #expect(grid.lines[1].contains(" 4 Rate limits "))
    #expect(grid.contains("requests/min"))
    GoldenFile.verify(grid, named: "rate-limits-\(size.columns)x\(size.rows)")
  }
}
