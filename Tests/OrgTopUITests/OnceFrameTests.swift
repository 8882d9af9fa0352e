import Foundation
import OrgTopCore
import OrgTopTestSupport
import OrgTopUI
import Testing

/// `orgtop --once`: the frame as plain text, from a state the reducer produced from the fixture
/// organization, against reviewed golden text; and the snapshot and the screen agreeing on
/// every figure they share.
@Suite("--once: frames as text")
struct OnceFrameTests {
  private static func state(_ size: TerminalSize, view: FrameText.View) -> DashboardState {
    var configuration = Fixtures.configuration
    configuration.profiles = [
      ProfileSummary(name: "production"),
      ProfileSummary(
        name: "demo", organization: "Acme Robotics", spend: Money(minorUnits: 326_073),
        limit: Money(minorUnits: 500_000), limitSource: "org limit", asOf: Fixtures.now),
    ]
    configuration.activeProfile = "demo"
    var harness = ReducerHarness(configuration: configuration)
    harness.send(.layoutChanged(size: size, pageSizes: Screen.pageSizes(for: size)))
    harness.complete(harness.start())
    for key in view.keys { harness.press(key) }
    return harness.state
  }

  @Test(arguments: [
    ("dashboard", TerminalSize(columns: 80, rows: 24), FrameText.View.dashboard, GlyphSet.unicode),
    ("dashboard", TerminalSize(columns: 120, rows: 40), .dashboard, .unicode),
    ("dashboard", TerminalSize(columns: 200, rows: 60), .dashboard, .unicode),
    ("detail", TerminalSize(columns: 120, rows: 40), .detail, .unicode),
    ("help", TerminalSize(columns: 120, rows: 40), .help, .unicode),
    ("profiles", TerminalSize(columns: 120, rows: 40), .profiles, .unicode),
    ("profiles", TerminalSize(columns: 80, rows: 24), .profiles, .ascii),
    ("ascii", TerminalSize(columns: 80, rows: 24), .dashboard, .ascii),
  ])
  func matchesTheGolden(
    _ name: String, _ size: TerminalSize, _ view: FrameText.View, _ glyphs: GlyphSet
  ) throws {
    let text = FrameText.render(
      state: Self.state(size, view: view), now: Fixtures.now, size: size, glyphs: glyphs)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == size.rows)
    #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    if glyphs == .ascii { #expect(text.unicodeScalars.allSatisfy { $0.isASCII }) }
    let file = GoldenFile.directory.appendingPathComponent(
      "once-\(name)-\(size.columns)x\(size.rows).txt")
    if GoldenFile.isRecording {
      try text.write(to: file, atomically: true, encoding: .utf8)
      Issue.record("recorded \(file.lastPathComponent): review it, then run without recording")
      return
    }
    let golden = try String(contentsOf: file, encoding: .utf8)
    #expect(text == golden, "\(file.lastPathComponent) differs; re-record and review")
  }

  /// Every money figure the dashboard shows is the snapshot's, formatted: the total, the limit,
  /// the remainder, the burn rate, the projection and each visible key's cost.
  @Test func theSnapshotAndTheScreenShowTheSameFigures() throws {
    let size = TerminalSize(columns: 200, rows: 60)
    let state = Self.state(size, view: .dashboard)
    let text = FrameText.render(state: state, now: Fixtures.now, size: size, glyphs: .unicode)
    let snapshot = OrgSnapshot(
      state: state, now: Fixtures.now, source: OrgSnapshot.Source(baseURL: "x", demo: true))
    func shown(_ dollars: Dollars?) -> String? {
      dollars.map { Format.money(Money(minorUnits: $0.amount * 100)) }
    }
    let cost = try #require(snapshot.cost)
    let limit = try #require(snapshot.limit)
    let burn = try #require(snapshot.burn)
    let figures = [
      shown(cost.totalUSD), shown(limit.amountUSD), shown(burn.projectedMonthEndUSD),
      Format.perDay(Money(minorUnits: burn.usdPerDay.amount * 100)),
    ]
    for figure in figures {
      let figure = try #require(figure)
      #expect(text.contains(figure), "the screen does not show \(figure)")
    }
    // The table lists the keys in the snapshot's order: row i shows key i's cost.
    let rows = text.split(separator: "\n").filter { $0.contains("$") && $0.contains("│") }
    let keys = try #require(snapshot.keys)
    for (key, row) in zip(keys.prefix(5), rows.drop { !$0.contains(shown(keys[0].costUSD) ?? "?") })
    {
      let cost = try #require(shown(key.costUSD))
      #expect(row.contains(cost), "key \(key.id): the row shows no \(cost)")
    }
  }
}
