import OrgTopCore
import OrgTopTestSupport
import OrgTopUI
import Testing

/// The whole pure pipeline on the shared fixture: reducer state → Core's view model →
/// `Screen.render`, checked for what the screen must say (the dashboard, help and key detail
/// goldens are `GoldenTests`' scenarios).
@Suite("Golden screens from the fixture")
struct FixtureScreenTests {
  private func harness(size: TerminalSize) -> ReducerHarness {
    var harness = ReducerHarness()
    let rows = Screen.pageSizes(for: size)[.keys]
    harness.loadFixture(source: .analytics, keyPageSize: rows)
    harness.send(.layoutChanged(size: size, pageSizes: PageSizes([.keys: rows])))
    return harness
  }

  private func render(_ harness: ReducerHarness, _ size: TerminalSize) -> Grid {
    Screen.render(
      DashboardViewModel(state: harness.state, now: harness.now), size: size, options: .unicode)
  }

  /// `f` on the fixture at 120x40: only the flagged keys, their FLAGS text, and the count in
  /// the title.
  @Test("flagged keys from the fixture")
  func flagged() {
    let size = TerminalSize(columns: 120, rows: 40)
    var harness = harness(size: size)
    harness.press(.character("f"))
    let grid = render(harness, size)
    let flagged = harness.state.keyRows.count
    #expect(flagged > 0 && flagged < Fixtures.apiKeys.count)
    #expect(grid.lines[2].contains("API keys (\(flagged) flagged of 12)"), "\(grid.lines[2])")
    #expect(grid.lines.contains { $0.contains("FLAGS") })
    GoldenFile.verify(grid, named: "fixture-flagged-120x40")
  }

  /// The API refuses connections from the first refresh on, at 120x40: the cause, the remedy and
  /// the retry countdown are all on screen (the advice on the hint bar's line), and the
  /// figures read before the outage stay.
  @Test("an outage from the fixture")
  func outage() {
    let size = TerminalSize(columns: 120, rows: 40)
    var harness = harness(size: size)
    let refused = FetchFailure(
      kind: .network,
      message: "Cannot reach api.anthropic.com: connection refused (nothing is listening there)",
      remedy: "Check the base URL's host and port, and that the server is up")
    for _ in 0..<150 { harness.complete(harness.advance(by: 1)) { _, _ in .failure(refused) } }
    let grid = render(harness, size)
    let footer = grid.lines.suffix(2).joined(separator: "\n")
    #expect(footer.contains(refused.message + ", for 1 min"), "\(footer)")
    #expect(footer.contains(refused.remedy + " · retrying in "), "\(footer)")
    #expect(grid.lines[2].contains("API keys (12)"))
  }

  /// Before the key list has ever loaded, its title has no count: unknown is not zero.
  @Test("keys not loaded from the fixture")
  func keysNotLoaded() {
    let size = TerminalSize(columns: 120, rows: 40)
    var harness = ReducerHarness()
    harness.send(.layoutChanged(size: size, pageSizes: Screen.pageSizes(for: size)))
    harness.complete(harness.start()) { slot, request in
      slot == .apiKeys
        ? .failure(FetchFailure(kind: .forbidden, message: "Forbidden", remedy: "Use an admin key"))
        : .success(Fixtures.response(to: request))
    }
    let title = render(harness, size).lines[2]
    #expect(title.contains("API keys ─"), "\(title)")
    #expect(!title.contains("API keys ("))
  }
}
