import OrgTopCore

extension Screen {
  /// The rectangle an overlay covers: at most the body (between header and status bar), with
  /// a margin on larger terminals so the dashboard stays visible around it, and no taller than
  /// its content.
  static func overlayRect(_ layout: DashboardLayout, maxWidth: Int, contentHeight: Int) -> Rect {
    let body = layout.body
    let horizontal = body.width >= 120 ? 4 : 0
    let vertical = body.height >= 36 ? 2 : 0
    let inset = body.inset(horizontal: horizontal, vertical: vertical)
    return inset.centered(width: min(maxWidth, inset.width), height: contentHeight + 2)
  }

  /// The detail view of one key: its sections (two columns when the overlay is wide enough),
  /// then its sparklines in what room is left.
  static func drawKeyDetail(
    _ detail: KeyDetailViewModel, layout: DashboardLayout, in grid: inout Grid
  ) {
    let probe = overlayRect(layout, maxWidth: 140, contentHeight: layout.body.height)
    let width = probe.width - 4
    let columnCount = width >= 60 && detail.sections.count > 1 ? 2 : 1
    let gap = 3
    let columnWidth = (width - gap * (columnCount - 1)) / columnCount
    // Sections go to the shorter column, in order, so the two columns stay balanced.
    var heights = Array(repeating: 0, count: columnCount)
    var placements: [(section: DetailSection, column: Int, y: Int)] = []
    for section in detail.sections {
      let column = heights.indices.min { heights[$0] < heights[$1] } ?? 0
      placements.append((section, column, heights[column]))
      heights[column] += 1 + section.rows.count + 1
    }
    let sectionsNeeded = max(0, (heights.max() ?? 0) - 1)
    let chartsNeeded = detail.sparklines.isEmpty ? 0 : 1 + 6 * detail.sparklines.count - 1
    let rect = overlayRect(layout, maxWidth: 140, contentHeight: sectionsNeeded + chartsNeeded)
    let inner = Panel(title: detail.title, focused: true, bottomNote: "Esc back")
      .draw(in: &grid, rect: rect)
    let area = inner.inset(horizontal: 1)
    guard !area.isEmpty else { return }
    let sectionsHeight = min(area.height, sectionsNeeded)
    for placement in placements where placement.y < sectionsHeight {
      let x = area.x + placement.column * (columnWidth + gap)
      grid.write(
        placement.section.title, row: area.y + placement.y, column: x, width: columnWidth,
        style: Style(.title, [.bold, .underline]))
      let rowsRect = Rect(
        x: x, y: area.y + placement.y + 1, width: columnWidth,
        height: min(placement.section.rows.count, sectionsHeight - placement.y - 1))
      drawLabeledRows(placement.section.rows, rect: rowsRect, in: &grid)
    }
    let rest = area.splitTop(sectionsHeight + 1).1
    drawSparklines(detail.sparklines, rect: rest, in: &grid)
  }

  /// The help overlay: each section's key bindings, keys in bold. It is as wide as its longest
  /// line needs (within the body); when the lines do not fit the height, the blank lines
  /// between sections go first, then the sections are split into two columns if the width
  /// allows; what still does not fit is cut at the bottom.
  static func drawHelp(_ help: HelpViewModel, layout: DashboardLayout, in grid: inout Grid) {
    let body = layout.body
    let keysWidth = min(
      16, help.sections.flatMap(\.hints).reduce(0) { max($0, grid.width(of: $1.keys)) })
    let widestAction = help.sections.flatMap(\.hints).reduce(0) {
      max($0, grid.width(of: $1.action))
    }
    let widestTitle = help.sections.reduce(0) { max($0, grid.width(of: $1.title)) }
    let natural = max(widestTitle, keysWidth + 2 + widestAction)
    let innerHeight = max(0, body.height - 2)
    let spaced = helpLines(help, spaced: true)
    let compact = helpLines(help, spaced: false)
    var lines = spaced.count <= innerHeight ? spaced : compact
    var columnCount = 1
    var columnWidth = min(natural, body.width - 4)
    if lines.count > innerHeight {
      let twoWidth = (body.width - 4 - 3) / 2
      if twoWidth >= 30 {
        columnCount = 2
        columnWidth = min(natural, twoWidth)
        lines = spaced.count <= 2 * innerHeight ? spaced : compact
      }
    }
    let perColumn = (lines.count + columnCount - 1) / columnCount
    let width = columnCount * columnWidth + (columnCount - 1) * 3 + 4
    let rect = body.centered(width: width, height: perColumn + 2)
    let inner = Panel(title: help.title, focused: true, bottomNote: "Esc close")
      .draw(in: &grid, rect: rect)
    let area = inner.inset(horizontal: 1)
    guard !area.isEmpty else { return }
    for (index, line) in lines.enumerated() {
      let column = index / max(1, perColumn)
      let y = area.y + index - column * perColumn
      guard y < area.maxY else { continue }
      let x = area.x + column * (columnWidth + 3)
      let width = min(columnWidth, area.maxX - x)
      if line.isTitle {
        grid.write(
          line.text, row: y, column: x, width: width, style: Style(.title, [.bold, .underline]))
      } else if !line.text.isEmpty {
        grid.write(line.keys, row: y, column: x, width: keysWidth, style: Style(.accent, .bold))
        grid.write(line.text, row: y, column: x + keysWidth + 2, width: width - keysWidth - 2)
      }
    }
  }

  /// The help overlay's lines: section titles, bindings, and (when `spaced`) a blank line
  /// between sections.
  private static func helpLines(_ help: HelpViewModel, spaced: Bool)
    -> [(keys: String, text: String, isTitle: Bool)]
  {
    var lines: [(keys: String, text: String, isTitle: Bool)] = []
    for (index, section) in help.sections.enumerated() {
      if index > 0 && spaced { lines.append(("", "", false)) }
      lines.append(("", section.title, true))
      for hint in section.hints { lines.append((hint.keys, hint.action, false)) }
    }
    return lines
  }
}
