import OrgTopCore
import OrgTopUI
import Testing

@Suite("Widgets")
struct WidgetTests {
  private func row(_ grid: Grid, _ row: Int) -> String {
    grid.lines[row]
  }

  // MARK: Truncation

  @Test(
    "truncation keeps within the width, ends with an ellipsis, never splits a wide character",
    arguments: [
      ("hello world", 11, "hello world"), ("hello world", 5, "hell…"), ("hello", 1, "…"),
      ("hello", 0, ""), ("漢字漢字", 5, "漢字…"), ("漢字漢字", 4, "漢… "), ("漢字漢字", 8, "漢字漢字"),
      ("a漢字", 3, "a… "), ("🚀🚀🚀", 4, "🚀… "),
    ] as [(String, Int, String)])
  func truncation(text: String, width: Int, expected: String) {
    let fitted = TextSanitizer.sanitize(text, glyphs: .unicode).truncated(
      to: width, glyphs: .unicode)
    #expect(fitted.string == expected)
    #expect(fitted.width == min(width, TextSanitizer.width(of: text)))
  }

  @Test("ASCII truncation uses ~")
  func asciiTruncation() {
    #expect(
      TextSanitizer.sanitize("abcdef", glyphs: .ascii).truncated(to: 4, glyphs: .ascii).string
        == "abc~")
  }

  // MARK: Gauge

  @Test(
    "gauge fill in whole cells and eighths, rounded down",
    arguments: [
      // 0.64291 × 40 cells × 8 = 205.73 eighths → 25 cells and 5 eighths.
      (0.64291, 40, 25, 5), (0.5, 10, 5, 0), (0.55, 10, 5, 4), (0.01, 10, 0, 0),
      (0.0125, 10, 0, 1), (0.999, 10, 9, 7), (1.0, 10, 10, 0), (1.7, 10, 10, 0), (0, 10, 0, 0),
      (-0.3, 10, 0, 0), (Double.nan, 10, 0, 0), (Double.infinity, 10, 10, 0), (0.5, 0, 0, 0),
    ] as [(Double, Int, Int, Int)])
  func gaugeFill(fraction: Double, width: Int, full: Int, eighths: Int) {
    let fill = Gauge.fill(fraction: fraction, width: width)
    #expect(fill.full == full)
    #expect(fill.eighths == eighths)
  }

  @Test("gauge draws partial blocks, empty dots, and says when it is over 100%")
  func gaugeDrawing() {
    var grid = Grid(size: TerminalSize(columns: 20, rows: 3))
    Gauge(fraction: 0.55, role: .good).draw(in: &grid, row: 0, column: 0, width: 10)
    Gauge(fraction: 1.5, role: .danger).draw(in: &grid, row: 1, column: 0, width: 20)
    Gauge(fraction: .nan, role: .good).draw(in: &grid, row: 2, column: 0, width: 4)
    #expect(row(grid, 0) == "█████▌····          ")
    #expect(row(grid, 1) == "██████████████ >100%")
    #expect(row(grid, 2).hasPrefix("····"))
    var ascii = Grid(size: TerminalSize(columns: 10, rows: 1), glyphs: .ascii)
    Gauge(fraction: 0.55, role: .good).draw(in: &ascii, row: 0, column: 0, width: 10)
    #expect(row(ascii, 0) == "######....")
  }

  // MARK: Sparkline

  @Test("sparkline levels scale to the largest finite value")
  func sparklineLevels() {
    #expect(Sparkline.levels(values: [0, 5, 10], width: 3, height: 1) == [0, 4, 8])
    #expect(Sparkline.levels(values: [1, 2, 3, 4], width: 4, height: 1) == [2, 4, 6, 8])
    #expect(
      Sparkline.levels(values: [.nan, -3, 2, 4, .infinity], width: 5, height: 1) == [0, 0, 4, 8, 0])
    #expect(Sparkline.levels(values: [], width: 3, height: 1) == [0, 0, 0])
    #expect(Sparkline.levels(values: [0, 0], width: 2, height: 1) == [0, 0])
    #expect(Sparkline.levels(values: [-1, -2], width: 2, height: 1) == [0, 0])
    // A short series is stretched, up to four columns a value, and stays right-aligned.
    #expect(Sparkline.levels(values: [7], width: 3, height: 1) == [8, 8, 8])
    #expect(Sparkline.levels(values: [1, 2], width: 5, height: 1) == [0, 4, 4, 8, 8])
    #expect(
      Sparkline.levels(values: [1, 2], width: 20, height: 1)
        == Array(repeating: 0, count: 12) + [4, 4, 4, 4, 8, 8, 8, 8])
    #expect(Sparkline.levels(values: [1, 2, 3, 100], width: 2, height: 1) == [1, 8])
    #expect(Sparkline.levels(values: [0.001, 1000], width: 2, height: 1) == [1, 8])
    #expect(Sparkline.levels(values: [10, 5, 2.5], width: 3, height: 2) == [16, 8, 4])
    #expect(Sparkline.levels(values: [1], width: 0, height: 1) == [])
  }

  @Test("sparkline draws stacked blocks from the bottom")
  func sparklineDrawing() {
    var grid = Grid(size: TerminalSize(columns: 4, rows: 2))
    Sparkline(values: [0, 4, 8, 16]).draw(in: &grid, rect: Rect(x: 0, y: 0, width: 4, height: 2))
    #expect(grid.lines == ["   █", " ▄██"])
    var ascii = Grid(size: TerminalSize(columns: 4, rows: 1), glyphs: .ascii)
    Sparkline(values: [0, 1, 2, 4]).draw(in: &ascii, rect: Rect(x: 0, y: 0, width: 4, height: 1))
    #expect(ascii.lines == [" :=@"])
  }

  // MARK: Hint bar

  @Test("hints that do not fit are dropped whole, from the end")
  func hints() {
    let hints = [KeyHint(keys: "q", action: "quit"), KeyHint(keys: "?", action: "help")]
    // " q quit" is 7 columns, "  ? help" 8 more.
    #expect(HintBar.fittingCount(hints, width: 15, glyphs: .unicode) == 2)
    #expect(HintBar.fittingCount(hints, width: 14, glyphs: .unicode) == 1)
    #expect(HintBar.fittingCount(hints, width: 6, glyphs: .unicode) == 0)
  }

  // MARK: Banner

  @Test("banner wraps at spaces and centres")
  func banner() {
    var grid = Grid(size: TerminalSize(columns: 12, rows: 3))
    Banner([StyledText("one two three")]).draw(
      in: &grid, rect: Rect(x: 0, y: 0, width: 12, height: 3))
    #expect(grid.lines == ["  one two   ", "   three    ", "            "])
  }
}
