import OrgTopCore

/// The status line: freshness runs on the left, the last error (if any) right-aligned.
/// An error whose cause and advice do not fit beside the freshness takes the hint bar's line
/// for its advice (what to do, when orgtop retries), followed by the hints that still fit: the
/// remedy and the countdown are never cut off. When a side still does not fit, each keeps at
/// least half the line, truncated with an ellipsis.
package struct StatusBar: Sendable {
  package var model: StatusBarViewModel

  package init(_ model: StatusBarViewModel) {
    self.model = model
  }

  /// Draws the status on `row` and the hints (or the error's advice and the hints that fit)
  /// on `hintsRow`.
  package func draw(
    in grid: inout Grid, row: Int, hintsRow: Int, column: Int, width: Int, hints: [KeyHint]
  ) {
    let inner = width - 2
    let oneLine =
      model.right.isEmpty
      || runsWidth(model.left, grid: grid) + 2 + runsWidth(model.right, grid: grid) <= inner
    guard !oneLine else {
      draw(left: model.left, right: model.right, in: &grid, row: row, column: column, width: width)
      HintBar(hints).draw(in: &grid, row: hintsRow, column: column, width: width)
      return
    }
    draw(left: model.left, right: model.cause, in: &grid, row: row, column: column, width: width)
    drawRuns(model.advice, in: &grid, row: hintsRow, column: column + 1, width: max(0, inner))
    let used = runsWidth(model.advice, grid: grid) + 2
    if used < width {
      HintBar(hints).draw(in: &grid, row: hintsRow, column: column + used, width: width - used)
    }
  }

  private func draw(
    left: [StyledText], right: [StyledText], in grid: inout Grid, row: Int, column: Int,
    width: Int
  ) {
    guard width > 2 else { return }
    let inner = width - 2
    let leftWidth = runsWidth(left, grid: grid)
    let rightWidth = runsWidth(right, grid: grid)
    var rightRoom = min(rightWidth, inner)
    var leftRoom = inner - rightRoom - (rightWidth > 0 ? 2 : 0)
    if leftRoom < min(leftWidth, inner / 2) {
      leftRoom = min(leftWidth, inner / 2)
      rightRoom = max(0, inner - leftRoom - 2)
    }
    drawRuns(left, in: &grid, row: row, column: column + 1, width: max(0, leftRoom))
    let rightStart = column + 1 + inner - min(rightWidth, rightRoom)
    drawRuns(right, in: &grid, row: row, column: rightStart, width: rightRoom)
  }

  private func runsWidth(_ runs: [StyledText], grid: Grid) -> Int {
    runs.reduce(0) { $0 + grid.width(of: $1.text) }
  }

  private func drawRuns(
    _ runs: [StyledText], in grid: inout Grid, row: Int, column: Int, width: Int
  ) {
    var x = column
    let end = column + width
    for run in runs where x < end {
      let style =
        run.role == .danger || run.role == .warning ? Style(run.role, .bold) : Style(run.role)
      let runWidth = grid.width(of: run.text)
      let isLast = x + runWidth >= end
      x += grid.write(run.text, row: row, column: x, width: end - x, style: style)
      if isLast { break }
    }
  }
}
