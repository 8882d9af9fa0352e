import OrgTopCore

extension Screen {
  /// The scales tried for the big figures, largest first: the first at which the figures fit
  /// is used (columns twice the rows keeps the font's proportions; 2×2 and 1×1 trade them for
  /// fitting 120×40 and 80×24).
  package static let kioskScales: [BigText.Scale] = [
    .init(columns: 6, rows: 3), .init(columns: 4, rows: 2), .init(columns: 2, rows: 2),
    .init(columns: 2, rows: 1), .init(columns: 1, rows: 1),
  ]
  /// Columns between two figures side by side.
  static let kioskGap = 4

  /// The stale alarm across the top of `rect` in reverse video: headline, cause, advice, each
  /// wrapped. Returns the rows used.
  @discardableResult
  static func drawAlarm(_ alarm: KioskAlarm, rect: Rect, in grid: inout Grid) -> Int {
    let inner = rect.inset(horizontal: 2)
    guard !inner.isEmpty else { return 0 }
    let warning = grid.glyphs == .ascii ? "!" : "⚠"
    var lines: [(String, Style.Attributes)] = []
    for piece in Banner.wrap("\(warning) \(alarm.headline)", width: inner.width, grid: grid) {
      lines.append((piece, [.reverse, .bold]))
    }
    for text in [alarm.cause, alarm.advice] {
      for piece in Banner.wrap(text, width: inner.width, grid: grid) {
        lines.append((piece, [.reverse]))
      }
    }
    let shown = Array(lines.prefix(max(0, rect.height - 2)))
    let height = shown.count + 2
    grid.clear(
      Rect(x: rect.x, y: rect.y, width: rect.width, height: height), style: Style(.danger, .reverse)
    )
    for (offset, line) in shown.enumerated() {
      grid.write(
        line.0, row: rect.y + 1 + offset, column: inner.x, width: inner.width,
        style: Style(.danger, line.1), alignment: .center)
    }
    return height
  }

  /// The figures in big digits, at the largest scale at which they fit: the first (spend) on
  /// top and the others side by side below it, or all stacked; in plain text when even the
  /// smallest scale does not fit.
  package static func drawBigFigures(_ figures: [BigFigure], rect: Rect, in grid: inout Grid) {
    guard let first = figures.first, !rect.isEmpty else { return }
    let rest = Array(figures.dropFirst())
    for scale in kioskScales {
      let blockHeight = BigText.fontHeight * scale.rows + 2
      let firstWidth = BigText(first.value).width(at: scale)
      let restWidth =
        rest.map { BigText($0.value).width(at: scale) }.reduce(0, +)
        + kioskGap * max(0, rest.count - 1)
      let widest = rest.map { BigText($0.value).width(at: scale) }.max() ?? 0
      let sideBySide = 2 * blockHeight + 1
      if firstWidth <= rect.width, restWidth <= rect.width, sideBySide <= rect.height {
        var y = rect.y + (rect.height - sideBySide) / 2
        drawFigure(
          first, rect: Rect(x: rect.x, y: y, width: rect.width, height: blockHeight), scale: scale,
          in: &grid)
        y += blockHeight + 1
        // Each figure gets its own width and an even share of what is left, so a wide value
        // (a projection in thousands) never spills out of a half-width column.
        let spare = (rect.width - restWidth) / max(rest.count, 1)
        var x = rect.x
        for figure in rest {
          let width = BigText(figure.value).width(at: scale) + spare
          drawFigure(
            figure, rect: Rect(x: x, y: y, width: width, height: blockHeight), scale: scale,
            in: &grid)
          x += width + kioskGap
        }
        return
      }
      let stacked = figures.count * blockHeight + (figures.count - 1)
      if max(firstWidth, widest) <= rect.width, stacked <= rect.height {
        var y = rect.y + (rect.height - stacked) / 2
        for figure in figures {
          drawFigure(
            figure, rect: Rect(x: rect.x, y: y, width: rect.width, height: blockHeight),
            scale: scale, in: &grid)
          y += blockHeight + 1
        }
        return
      }
    }
    var lines: [StyledText] = []
    for figure in figures {
      lines.append(StyledText("\(figure.label): \(figure.value)", role: figure.role))
      lines.append(StyledText(figure.caption, role: .dim))
    }
    Banner(lines).draw(in: &grid, rect: rect)
  }

  /// One figure: its label, the value in big digits, and the caption, centred in `rect`.
  private static func drawFigure(
    _ figure: BigFigure, rect: Rect, scale: BigText.Scale, in grid: inout Grid
  ) {
    let style = figure.role == .dim ? Style(.dim) : Style(figure.role, .bold)
    grid.write(
      figure.label, row: rect.y, column: rect.x, width: rect.width, style: Style(.label, .bold),
      alignment: .center)
    let text = BigText(figure.value)
    let x = rect.x + (rect.width - text.width(at: scale)) / 2
    text.draw(in: &grid, row: rect.y + 1, column: x, scale: scale, style: style)
    grid.write(
      figure.caption, row: rect.y + 1 + text.height(at: scale), column: rect.x,
      width: rect.width, style: Style(.dim), alignment: .center)
  }
}
