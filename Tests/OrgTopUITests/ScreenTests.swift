import OrgTopCore
import OrgTopTestSupport
import OrgTopUI
import Testing

@Suite("Screens")
struct ScreenTests {
  @Test("page sizes, from the layout rules")
  func keyRows() {
    // 80x24, narrow: header and tab line 2 rows, footer 2, body 20; top panes 10, keys 10:
    // border 2, header 1, footer 1 → 6.
    #expect(Screen.pageSizes(for: TerminalSize(columns: 80, rows: 24))[.keys] == 6)
    // 120x40, wide: keys take the whole body, 36 rows → 32.
    #expect(Screen.pageSizes(for: TerminalSize(columns: 120, rows: 40))[.keys] == 32)
    #expect(Screen.pageSizes(for: TerminalSize(columns: 200, rows: 60))[.keys] == 52)
    // 60x18: body 14, top 7, keys 7 → 3.
    #expect(Screen.pageSizes(for: Screen.minimumSize)[.keys] == 3)
    #expect(Screen.pageSizes(for: TerminalSize(columns: 59, rows: 40))[.keys] == 0)
    #expect(Screen.pageSizes(for: TerminalSize(columns: 0, rows: 0))[.keys] == 0)
    // Kiosk mode has no tab line: a row more.
    #expect(Screen.pageSizes(for: TerminalSize(columns: 80, rows: 24), tabs: false)[.keys] == 7)
    #expect(Screen.pageSizes(for: TerminalSize(columns: 120, rows: 40), tabs: false)[.keys] == 33)
    // Members at 80x24: body 20, invites 3/10 of it (6), members 14 → 10.
    #expect(Screen.pageSizes(for: TerminalSize(columns: 80, rows: 24))[.members] == 10)
    // 120x40: body 36, invites 10, members 26 → 22.
    #expect(Screen.pageSizes(for: TerminalSize(columns: 120, rows: 40))[.members] == 22)
  }

  @Test("the key table draws exactly its page size in rows")
  func keyRowsMatchDrawing() {
    for size in [TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 100, rows: 20)] {
      let grid = GoldenScenario.dashboard.render(size: size)
      let visible = Screen.pageSizes(for: size)[.keys]
      // The fixture has 12 keys: a page of them, or all when the page is longer.
      #expect(grid.contains("1-\(min(visible, 12)) of 12"))
    }
  }

  @Test(
    "too small: says so with both sizes, and never crashes",
    arguments: [(0, 0), (1, 1), (5, 2), (20, 5), (59, 17), (60, 17), (59, 18), (300, 3)])
  func tooSmall(columns: Int, rows: Int) {
    let size = TerminalSize(columns: columns, rows: rows)
    let grid = GoldenScenario.dashboard.render(size: size)
    #expect(grid.columns == columns && grid.rows == rows)
    if columns >= 20 && rows >= 3 {
      #expect(grid.contains("Terminal too small"))
      #expect(grid.text.contains("\(columns)x\(rows)"))
      #expect(grid.text.contains("60x18"))
    }
  }

  @Test("every size from tiny to huge renders, in both glyph sets, without stray characters")
  func allSizes() {
    let size = TerminalSize(columns: 120, rows: 40)
    let scenarios: [GoldenScenario] = [
      .dashboard, .hostile, .failed, .stale, .help, .profilePicker, .keyAction, .emptyOrganization,
      GoldenScenario(name: "hostile detail", answers: .hostile, keys: [.home, .enter]),
    ]
    for model in scenarios.map({ $0.viewModel(size: size) }) {
      // Edges of every layout rule, and the extremes.
      for columns in [0, 1, 20, 59, 60, 61, 80, 109, 110, 200, 301] {
        for rows in [0, 1, 5, 17, 18, 19, 24, 35, 36, 60, 91] {
          for options in [RenderOptions.unicode, .ascii] {
            let grid = Screen.render(
              model, size: TerminalSize(columns: columns, rows: rows), options: options)
            #expect(grid.cells.count == columns * rows)
            #expect(Self.isClean(grid))
          }
        }
      }
    }
  }

  /// No control characters; wide characters are whole; ASCII grids are all ASCII.
  static func isClean(_ grid: Grid) -> Bool {
    for row in 0..<grid.rows {
      for column in 0..<grid.columns {
        let cell = grid[row, column]
        for scalar in cell.grapheme.unicodeScalars {
          if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { return false }
          if grid.glyphs == .ascii && !scalar.isASCII { return false }
        }
        if cell.width == 2 && (column + 1 >= grid.columns || !grid[row, column + 1].isContinuation)
        {
          return false
        }
        if cell.isContinuation && (column == 0 || grid[row, column - 1].width != 2) { return false }
      }
    }
    return true
  }

  @Test("focus and selection show without colour")
  func withoutColour() {
    let size = TerminalSize(columns: 80, rows: 24)
    let model = GoldenScenario.dashboard.viewModel(size: size)
    let selected = model.keys.rows[model.keys.selectedIndex ?? 0].cells[0]
    let grid = Screen.render(model, size: size, options: .unicode)
    #expect(grid.contains("▶ API keys"))
    #expect(grid.lines.contains { $0.contains("│› \(selected)") })
    let ascii = Screen.render(model, size: size, options: .ascii)
    #expect(ascii.contains("> API keys"))
    #expect(ascii.lines.contains { $0.contains("|> \(selected)") })
  }

  @Test("stale panes say so in words")
  func staleWords() {
    // Loaded at 14:52:07, then five minutes without an answer.
    let grid = GoldenScenario.stale.render(size: TerminalSize(columns: 120, rows: 40))
    #expect(grid.contains("⚠ stale 5 min"))
  }
}
