import Foundation
import OrgTopCore
import OrgTopTestSupport
import OrgTopUI
import Testing

/// The kiosk's screens from reducer state (the fixture loaded in kiosk mode): the big figures
/// at the three sizes a wall screen has, the stale alarm over both pages, and the big font.
@Suite("Kiosk screens")
struct KioskScreenTests {
  static let sizes = [
    TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 120, rows: 40),
    TerminalSize(columns: 200, rows: 60),
  ]

  static func harness(size: TerminalSize) -> ReducerHarness {
    var configuration = Fixtures.configuration
    configuration.kiosk = KioskSettings(rotation: 20)
    var harness = ReducerHarness(configuration: configuration)
    let rows = Screen.pageSizes(for: size, tabs: false)[.keys]
    harness.loadFixture(keyPageSize: rows)
    harness.send(.layoutChanged(size: size, pageSizes: PageSizes([.keys: rows])))
    return harness
  }

  /// The first instant at or after `date` that shows page `page` (20 s each: the figures,
  /// then every view).
  static func instant(showing page: Int, from date: Date) -> Date {
    let cycle = 20 * KioskViewModel.pageCount
    let start = UTCCalendar.floor(date, to: cycle).addingTimeInterval(TimeInterval(page * 20))
    return start < date ? start.addingTimeInterval(TimeInterval(cycle)) : start
  }

  static func render(_ harness: ReducerHarness, at now: Date, size: TerminalSize) -> Grid {
    Screen.render(
      DashboardViewModel(state: harness.state, now: now), size: size, options: .unicode)
  }

  @Test("big figures", arguments: KioskScreenTests.sizes)
  func figures(size: TerminalSize) throws {
    let harness = Self.harness(size: size)
    let grid = Self.render(
      harness, at: Self.instant(showing: 0, from: harness.now), size: size)
    let text = grid.text
    #expect(text.contains("SPEND · NOV (UTC)"))
    #expect(text.contains("OF THE LIMIT"))
    #expect(text.contains("PROJECTED MONTH-END"))
    #expect(!text.contains("? help"), "no hint bar on a wall screen")
    // The digits are drawn in blocks, several rows tall.
    let blockRows = grid.lines.filter { $0.contains("█") }.count
    #expect(blockRows >= 2 * BigText.fontHeight)
    GoldenFile.verify(grid, named: "kiosk-figures-\(size.columns)x\(size.rows)")
  }

  /// Nothing of a figure is cut off or drawn over: the blocks on screen are exactly those of
  /// the three values drawn apart, at one of the scales, for long values at every size.
  @Test("no figure clipped", arguments: KioskScreenTests.sizes)
  func noFigureClipped(size: TerminalSize) {
    let figures = [
      BigFigure(label: "SPEND", value: "$1,234,567.89", caption: "", role: .normal),
      BigFigure(label: "OF THE LIMIT", value: "123.4%", caption: "", role: .normal),
      BigFigure(label: "PROJECTED", value: "$9,876,543.21", caption: "", role: .normal),
    ]
    var grid = Grid(size: size)
    Screen.drawBigFigures(
      figures, rect: Rect(x: 0, y: 1, width: size.columns, height: size.rows - 3), in: &grid)
    let onScreen = Self.ink(grid)
    let expected = Screen.kioskScales.map { scale in
      figures.reduce(0) { total, figure in
        var alone = Grid(size: TerminalSize(columns: 400, rows: 20))
        BigText(figure.value).draw(in: &alone, row: 0, column: 0, scale: scale, style: .normal)
        return total + Self.ink(alone)
      }
    }
    #expect(onScreen > 0)
    #expect(expected.contains(onScreen), "\(onScreen) blocks drawn, expected one of \(expected)")
  }

  static func ink(_ grid: Grid) -> Int {
    (0..<grid.rows).reduce(0) { total, row in
      total + (0..<grid.columns).filter { grid[row, $0].grapheme == "█" }.count
    }
  }

  @Test func theDashboardPageHasNoHintsAndNoSelection() {
    let size = TerminalSize(columns: 120, rows: 40)
    let harness = Self.harness(size: size)
    let grid = Self.render(harness, at: Self.instant(showing: 1, from: harness.now), size: size)
    #expect(grid.text.contains("API keys (12)"))
    #expect(!grid.text.contains("? help"))
    let reversed = (0..<grid.rows).contains { row in
      (1..<grid.columns - 1).allSatisfy { grid[row, $0].style.reverse }
    }
    #expect(!reversed, "no selected row")
  }

  /// The views take their turn after the dashboard, drawn as the program draws them but with
  /// no tab line (nobody switches views on a wall screen) and no selection.
  @Test func theViewsTakeTheirTurn() throws {
    let size = TerminalSize(columns: 120, rows: 40)
    var harness = Self.harness(size: size)
    harness.send(.layoutChanged(size: size, pageSizes: Screen.pageSizes(for: size, tabs: false)))
    let titles = ["API keys (", "Members (", "Workspaces (", "Rate limits ("]
    for (offset, title) in titles.enumerated() {
      let grid = Self.render(
        harness, at: Self.instant(showing: offset + 1, from: harness.now), size: size)
      #expect(grid.text.contains(title), "page \(offset + 1) shows \(title)")
      #expect(!grid.text.contains("1 Dashboard"), "no tab line")
      #expect(!grid.lines.contains { $0.hasPrefix("│›") }, "no selection")
      if offset == 1 { GoldenFile.verify(grid, named: "kiosk-members-120x40") }
    }
  }

  /// The API refuses connections for three minutes after the first load: both pages carry the
  /// alarm (in reverse video, so it shows without colour), and the figures dim under it.
  @Test func staleAlarmOnBothPages() throws {
    let size = TerminalSize(columns: 120, rows: 40)
    var harness = Self.harness(size: size)
    let refused = FetchFailure(
      kind: .network, message: "Cannot reach api.anthropic.com: connection refused",
      remedy: "Check the base URL's host and port")
    let loadedAt = harness.now
    for _ in 0..<180 { harness.complete(harness.advance(by: 1)) { _, _ in .failure(refused) } }
    for page in 0..<2 {
      let instant = Self.instant(showing: page, from: harness.now)
      let grid = Self.render(harness, at: instant, size: size)
      // The page turns up to a cycle later: the data's age is counted to that instant.
      let minutes = Int(instant.timeIntervalSince(loadedAt) / 60)
      let row = try #require(
        grid.lines.firstIndex { $0.contains("STALE: data is \(minutes) min old") })
      #expect(grid[row, 1].style.reverse)
      #expect(grid.text.contains(refused.message))
      #expect(grid.text.contains("retrying"))
      if page == 0 {
        GoldenFile.verify(grid, named: "kiosk-stale-120x40")
      }
    }
  }

  @Test func bigTextMeasuresWhatItDraws() {
    let text = BigText("$1,234.50%")
    for scale in Screen.kioskScales {
      var grid = Grid(size: TerminalSize(columns: 400, rows: 20))
      text.draw(in: &grid, row: 0, column: 0, scale: scale, style: .normal)
      let inked = (0..<grid.rows).flatMap { row in
        (0..<grid.columns).filter { grid[row, $0].grapheme == "█" }.map { (row, $0) }
      }
      #expect(inked.map(\.0).max().map { $0 + 1 } == text.height(at: scale))
      #expect(inked.map(\.1).max().map { $0 + 1 } == text.width(at: scale))
    }
  }

  @Test func everyDigitLooksDifferent() {
    let scale = BigText.Scale(columns: 1, rows: 1)
    let drawings = (0...9).map { digit in
      var grid = Grid(size: TerminalSize(columns: 3, rows: 5))
      BigText(String(digit)).draw(in: &grid, row: 0, column: 0, scale: scale, style: .normal)
      return grid.text
    }
    #expect(Set(drawings).count == 10)
  }

  @Test func asciiBlocksOutsideUnicode() {
    var grid = Grid(size: TerminalSize(columns: 3, rows: 5), glyphs: .ascii)
    BigText("8").draw(
      in: &grid, row: 0, column: 0, scale: .init(columns: 1, rows: 1), style: .normal)
    #expect(grid.text.contains("###"))
    #expect(!grid.text.contains("█"))
  }
}
