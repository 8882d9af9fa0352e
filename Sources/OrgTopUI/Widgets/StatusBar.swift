import OrgTopCore

/// The status line: freshness runs on the left, the last error (if any) right-aligned.
/// When both do not fit, each side keeps at least half the line, truncated with an ellipsis.
package struct StatusBar: Sendable {
  package var model: StatusBarViewModel

  package init(_ model: StatusBarViewModel) {
    self.model = model
  }

  package func draw(in grid: inout Grid, row: Int, column: Int, width: Int) {
    guard width > 2 else { return }
    let inner = width - 2
    let leftWidth = runsWidth(model.left, grid: grid)
    let rightWidth = runsWidth(model.right, grid: grid)
    var rightRoom = min(rightWidth, inner)
    var leftRoom = inner - rightRoom - (rightWidth > 0 ? 2 : 0)
    if leftRoom < min(leftWidth, inner / 2) {
      leftRoom = min(leftWidth, inner / 2)
      rightRoom = max(0, inner - leftRoom - 2)
    }
    drawRuns(model.left, in: &grid, row: row, column: column + 1, width: max(0, leftRoom))
    let rightStart = column + 1 + inner - min(rightWidth, rightRoom)
    drawRuns(model.right, in: &grid, row: row, column: rightStart, width: rightRoom)
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
