import OrgTopCore

extension Screen {
  /// The header but its clock: title and organization on the left, then badges (reverse
  /// video, so they read as badges without colour) and the data source, cut short before the
  /// clock, which is a region of its own (``ScreenRegion/Content/clock(_:)``) right of `rect`.
  static func drawHeader(_ header: HeaderViewModel, rect: Rect, in grid: inout Grid) {
    guard !rect.isEmpty else { return }
    let row = rect.y
    // Two columns of air before the clock, whose region starts at `rect.maxX`.
    let end = rect.maxX - 2
    var x = rect.x + 1
    x += grid.write(header.title, row: row, column: x, width: end - x, style: Style(.title, .bold))
    x += 2
    if x < end {
      x += grid.write(
        header.organization, row: row, column: x, width: end - x, style: Style(.accent, .bold))
      x += 2
    }
    for badge in header.badges {
      let badgeWidth = grid.width(of: badge) + 2
      guard x + badgeWidth <= end else { break }
      x += grid.write(
        " \(badge) ", row: row, column: x, width: badgeWidth,
        style: Style(.badge, [.bold, .reverse]))
      x += 1
    }
    if x + 4 < end {
      x += 1
      grid.write(header.source, row: row, column: x, width: end - x, style: Style(.dim))
    }
  }

  /// The title's stale marker, if the pane shows last good data.
  static func staleText(_ condition: PaneCondition) -> String? {
    if case .stale(let text) = condition { return text }
    return nil
  }

  /// Draws a loading or failure message in a pane; returns whether content should be drawn.
  static func drawCondition(_ condition: PaneCondition, rect: Rect, in grid: inout Grid) -> Bool {
    // A wrapped message keeps two columns of air from the borders where the pane has room.
    let rect = rect.width >= 12 ? rect.inset(horizontal: 2) : rect
    switch condition {
    case .ready, .stale:
      return true
    case .loading(let message):
      Banner([StyledText(message, role: .dim)]).draw(in: &grid, rect: rect)
      return false
    case .failed(let message):
      var failure = ""
      Glyph.failure.grapheme(in: grid.glyphs).append(to: &failure)
      Banner([StyledText("\(failure) \(message)", role: .danger)]).draw(in: &grid, rect: rect)
      return false
    }
  }

  static func drawOverview(
    _ overview: OverviewViewModel, focused: Bool, rect: Rect, in grid: inout Grid
  ) {
    let inner = Panel(
      title: overview.title, focused: focused, warning: staleText(overview.condition)
    )
    .draw(in: &grid, rect: rect)
    guard !inner.isEmpty, drawCondition(overview.condition, rect: inner, in: &grid) else { return }
    drawLabeledRows(overview.rows, rect: inner.inset(horizontal: 1), in: &grid)
  }

  /// Label/value rows: labels dim in a column as wide as the widest (at most 45 % of the
  /// width), values in their role. Rows that do not fit are dropped from the end.
  @discardableResult
  static func drawLabeledRows(_ rows: [LabeledValue], rect: Rect, in grid: inout Grid) -> Int {
    guard !rect.isEmpty else { return 0 }
    let shown = rows.prefix(rect.height)
    // Only the labels drawn count: a long one that does not fit must not squeeze the values.
    let widest = shown.reduce(0) { max($0, grid.width(of: $1.label)) }
    let labelWidth = min(widest, rect.width * 45 / 100)
    for (offset, row) in shown.enumerated() {
      let y = rect.y + offset
      grid.write(row.label, row: y, column: rect.x, width: labelWidth, style: Style(.label))
      let valueColumn = rect.x + labelWidth + 2
      let valueStyle = row.role == .normal ? Style(.normal) : Style(row.role, .bold)
      grid.write(
        row.value, row: y, column: valueColumn, width: rect.maxX - valueColumn,
        style: valueStyle)
    }
    return shown.count
  }

  /// A list's table in a panel titled with the list, the scroll position in its bottom border.
  static func drawList(_ keys: ListTableViewModel, focused: Bool, rect: Rect, in grid: inout Grid) {
    var panel = Panel(title: keys.title, focused: focused, warning: staleText(keys.condition))
    let inner = rect.inset(horizontal: 1, vertical: 1)
    let table = Table(keys)
    if case .ready = keys.condition {
      panel.bottomNote = positionNote(keys, inner: inner)
    } else if case .stale = keys.condition {
      panel.bottomNote = positionNote(keys, inner: inner)
    }
    panel.draw(in: &grid, rect: rect)
    guard !inner.isEmpty, drawCondition(keys.condition, rect: inner, in: &grid) else { return }
    table.draw(in: &grid, rect: inner)
  }

  private static func positionNote(_ keys: ListTableViewModel, inner: Rect) -> String? {
    let visible = Table.visibleRows(height: inner.height)
    let first = Table.firstRow(of: keys, visible: visible)
    return Table.positionText(first: first, visible: visible, count: keys.rowCount)
  }
}
