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
    // The members of the workspaces on the page, fetched on demand, answered by the fixture.
    harness.completeKeyed(harness.press(.character("3")))
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
    harness.completeKeyed(harness.press(.character("4")))
    let grid = Screen.render(
      DashboardViewModel(state: harness.state, now: harness.now), size: size, options: .unicode)
    #expect(grid.lines[1].contains(" 4 Rate limits "))
    #expect(grid.contains("requests/min"))
    GoldenFile.verify(grid, named: "rate-limits-\(size.columns)x\(size.rows)")
  }

  @Test(
    "the rate-limits view: a limit with a workspace's override selected, one workspace unread",
    arguments: [
      TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 120, rows: 40),
      TerminalSize(columns: 200, rows: 60),
    ])
  func rateLimitOverrides(size: TerminalSize) {
    var harness = ReducerHarness()
    harness.loadFixture(keyPageSize: Screen.pageSizes(for: size)[.keys])
    harness.send(.layoutChanged(size: size, pageSizes: Screen.pageSizes(for: size)))
    let asked = ReducerHarness.keyedFetches(in: harness.press(.character("4")))
    // Every workspace read but staging: OVERRIDES says "1+" where one is known, "…" elsewhere.
    for (slot, key, request) in asked where key != "wrkspc_01Staging00000000000002" {
      harness.send(
        .keyedFetchCompleted(
          slot, key: key, .success(Fixtures.response(to: request)), at: harness.now))
    }
    // Down to Sonnet's requests per minute (batch, then Haiku's three limits, sort by group).
    for _ in 0..<4 { harness.press(.down) }
    #expect(
      harness.state.rateLimitList.selectedID == "rlg_01VPTCmyiu5ZLsWkcxYG2pY8/requests_per_minute")
    let grid = Screen.render(
      DashboardViewModel(state: harness.state, now: harness.now), size: size, options: .unicode)
    #expect(grid.contains("Overrides: production 2,000"))
    GoldenFile.verify(grid, named: "rate-limit-overrides-\(size.columns)x\(size.rows)")
  }
}
