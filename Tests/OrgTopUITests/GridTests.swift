import OrgTopCore
import OrgTopTestSupport
import OrgTopUI
import Testing

@Suite("Grid")
struct GridTests {
  @Test("rowEquals: a row equals its copy, and only the row with a changed cell differs")
  func rowEquals() {
    var grid = Grid(size: TerminalSize(columns: 7, rows: 3))
    grid.write("a漢b", row: 0, column: 0)
    grid.write("ok", row: 1, column: 2, style: Style(.warning))
    var changed = grid
    #expect((0..<3).allSatisfy { grid.rowEquals($0, in: changed) })
    changed.write("k", row: 1, column: 3, style: Style(.danger))
    #expect(grid.rowEquals(0, in: changed))
    #expect(!grid.rowEquals(1, in: changed))
    #expect(grid.rowEquals(2, in: changed))
    // The same text in another style is another cell.
    var restyled = grid
    restyled.restyle(row: 2, column: 6, count: 1, style: Style(.normal, .bold))
    #expect(!grid.rowEquals(2, in: restyled))
    #expect(grid.rowEquals(1, in: restyled))
  }

  @Test("a wide character takes two cells: the character, then a continuation")
  func wide() {
    var grid = Grid(size: TerminalSize(columns: 6, rows: 1))
    grid.write("a漢b", row: 0, column: 0)
    #expect(grid[0, 1].text == "漢")
    #expect(grid[0, 1].width == 2)
    #expect(grid[0, 2].isContinuation)
    #expect(grid[0, 3].text == "b")
    #expect(grid.lines == ["a漢b  "])
  }

  @Test("a wide character at the right edge becomes a space")
  func wideAtEdge() {
    var grid = Grid(size: TerminalSize(columns: 3, rows: 1))
    grid.put(TextSanitizer.sanitize("ab漢", glyphs: .unicode), row: 0, column: 0, style: .normal)
    #expect(grid.lines == ["ab "])
    #expect(grid.cells.allSatisfy { $0.width == 1 })
  }

  @Test("overwriting half of a wide character blanks the other half")
  func overwriteHalf() {
    var grid = Grid(size: TerminalSize(columns: 4, rows: 1))
    grid.write("漢字", row: 0, column: 0)
    grid.write("x", row: 0, column: 1, width: 1)
    grid.write("y", row: 0, column: 2, width: 1)
    #expect(grid.lines == [" xy "])
    #expect(grid.cells.allSatisfy { $0.width == 1 })
  }

  @Test("writes outside the grid are clipped")
  func clipping() {
    var grid = Grid(size: TerminalSize(columns: 3, rows: 2))
    grid.write("hello", row: -1, column: 0)
    grid.write("hello", row: 5, column: 0)
    grid.write("hello", row: 0, column: 2)
    grid.put(TextSanitizer.sanitize("漢x", glyphs: .unicode), row: 1, column: -1, style: .normal)
    grid.draw(.horizontal, row: 1, column: 99)
    grid.clear(Rect(x: -3, y: -3, width: 2, height: 2))
    #expect(grid.lines == ["  …", " x "])
  }

  @Test("copying a row takes that row's cells and leaves the others")
  func copyRow() {
    let size = TerminalSize(columns: 6, rows: 3)
    var target = Grid(size: size)
    var source = Grid(size: size)
    source.write("abc", row: 0, column: 0)
    source.write("界x", row: 1, column: 1, style: Style(.normal, .bold))
    source.write("zz", row: 2, column: 4)
    target.copyRow(1, from: source)
    #expect(target.lines == ["      ", " 界x  ", "      "])
    #expect(target.rowEquals(1, in: source))
    #expect(!target.rowEquals(0, in: source))
    #expect(!target.rowEquals(2, in: source))
  }

  @Test("negative and zero sizes make an empty grid")
  func emptySizes() {
    #expect(Grid(size: TerminalSize(columns: -4, rows: 3)).cells.isEmpty)
    #expect(Grid(size: TerminalSize(columns: 0, rows: 0)).lines.isEmpty)
  }

  @Test("the grid backend keeps the last frame")
  @MainActor
  func gridBackend() {
    let backend = GridBackend(size: TerminalSize(columns: 80, rows: 24))
    #expect(backend.lastGrid == nil)
    let frame = GoldenScenario.dashboard.render(size: backend.size)
    backend.draw(frame, changedRows: nil)
    backend.bell()
    #expect(backend.lastGrid == frame)
    #expect(backend.framesDrawn == 1)
    #expect(backend.bells == 1)
    #expect(backend.screenLines.count == 24)
  }
}
