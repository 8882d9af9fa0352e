import OrgTopCore

/// The one table widget, for any list (``ListTableViewModel``): a header with the sort arrow,
/// rows with the selection in reverse video and a `›` (`>`) marker, an empty message, and a
/// footer line with the filter; it scrolls by the list's window rule (``ListWindow``) so the
/// selected row is always in view.
package struct Table: Sendable {
  package var model: ListTableViewModel

  package init(_ model: ListTableViewModel) {
    self.model = model
  }

  /// Rows of data a table of `height` lines shows (a header and a footer line take two).
  package static func visibleRows(height: Int) -> Int {
    max(0, height - 2)
  }

  /// The first row drawn: the model's offset, clamped to the rows and moved, if need be, so
  /// the selected row shows.
  package static func firstRow(
    scrollOffset: Int, selectedIndex: Int?, count: Int, visible: Int
  ) -> Int {
    guard visible > 0 else { return 0 }
    return ListWindow.range(
      count: count, scrollOffset: scrollOffset, selectedIndex: selectedIndex, pageSize: visible
    ).lowerBound
  }

  /// The first row drawn of a model, kept within the rows it carries (only a page of a long
  /// table is formatted; normally exactly the `visible` rows from this one).
  package static func firstRow(of model: ListTableViewModel, visible: Int) -> Int {
    let first = firstRow(
      scrollOffset: model.scrollOffset, selectedIndex: model.selectedIndex,
      count: model.rowCount, visible: visible)
    let lastStart = max(model.firstRow, model.firstRow + model.rows.count - max(visible, 0))
    return min(max(first, model.firstRow), lastStart)
  }

  /// Where the view is, e.g. `9-16 of 48`; `nil` when there are no rows.
  package static func positionText(first: Int, visible: Int, count: Int) -> String? {
    guard count > 0 else { return nil }
    let last = min(count, first + max(visible, 0))
    return last > first ? "\(first + 1)-\(last) of \(count)" : "\(count) rows"
  }

  /// Draws the table in `rect` (inside a panel); returns the scroll position text.
  @discardableResult
  package func draw(in grid: inout Grid, rect: Rect) -> String? {
    guard !rect.isEmpty else { return nil }
    // The longest texts of all rows size the columns, not only the page in view.
    let widest = TableRow(id: "", cells: model.widestCells, role: .normal)
    let layout = TableLayout(
      columns: model.columns, rows: model.rows + [widest], width: rect.width,
      sortColumn: model.sortColumn, glyphs: grid.glyphs)
    drawHeader(in: &grid, rect: rect, layout: layout)
    let hasFooter = rect.height >= 3
    let bodyHeight = rect.height - 1 - (hasFooter ? 1 : 0)
    let body = Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: bodyHeight)
    if hasFooter { drawFooter(in: &grid, row: rect.maxY - 1, rect: rect) }
    guard model.rowCount > 0 else {
      if body.height > 0 {
        let row = body.y + (body.height - 1) / 2
        grid.write(
          model.emptyMessage, row: row, column: body.x, width: body.width, style: Style(.dim),
          alignment: .center)
      }
      return nil
    }
    let first = Self.firstRow(of: model, visible: body.height)
    let last = min(model.firstRow + model.rows.count, first + body.height)
    for (line, index) in (first..<max(first, last)).enumerated() {
      drawRow(
        model.rows[index - model.firstRow], selected: index == model.selectedIndex,
        in: &grid, row: body.y + line, rect: rect, layout: layout)
    }
    return Self.positionText(first: first, visible: body.height, count: model.rowCount)
  }

  private func drawHeader(in grid: inout Grid, rect: Rect, layout: TableLayout) {
    let style = Style(.title, .bold)
    for placement in layout.placements {
      let column = model.columns[placement.index]
      var title = column.header
      var width = placement.width
      let isSort = placement.index == model.sortColumn && width >= 3
      if isSort { width -= 2 }
      let x = rect.x + placement.offset
      switch column.alignment {
      case .left:
        let used = grid.write(title, row: rect.y, column: x, width: width, style: style)
        if isSort { drawArrow(in: &grid, row: rect.y, column: x + used + 1) }
      case .right:
        title = grid.sanitize(title).truncated(to: width, glyphs: grid.glyphs).string
        let used = grid.width(of: title)
        let arrowColumn = x + placement.width - 1
        let textColumn = isSort ? arrowColumn - 1 - used : x + placement.width - used
        grid.write(title, row: rect.y, column: textColumn, width: used, style: style)
        if isSort { drawArrow(in: &grid, row: rect.y, column: arrowColumn) }
      }
    }
  }

  private func drawArrow(in grid: inout Grid, row: Int, column: Int) {
    grid.draw(
      model.sortDescending ? .sortDescending : .sortAscending, row: row, column: column,
      style: Style(.accent, .bold))
  }

  private func drawRow(
    _ tableRow: TableRow, selected: Bool, in grid: inout Grid, row: Int, rect: Rect,
    layout: TableLayout
  ) {
    let style = selected ? Style(tableRow.role, .reverse) : Style(tableRow.role)
    if selected {
      grid.restyle(row: row, column: rect.x, count: rect.width, style: style)
      grid.draw(.selection, row: row, column: rect.x, style: style.adding(.bold))
    }
    for placement in layout.placements where placement.index < tableRow.cells.count {
      // Fields read one by one: a copy of the whole column (its header string) per cell costs.
      let alignment: TextAlignment =
        model.columns[placement.index].alignment == .right ? .right : .left
      var cellStyle = style
      if let role = model.columns[placement.index].role, role != tableRow.role {
        cellStyle = selected ? Style(role, .reverse) : Style(role)
      }
      grid.write(
        tableRow.cells[placement.index], row: row, column: rect.x + placement.offset,
        width: placement.width, style: cellStyle, alignment: alignment)
    }
  }

  private func drawFooter(in grid: inout Grid, row: Int, rect: Rect) {
    // Indented like the names above it.
    var column = rect.x + TableLayout.markerWidth
    if let filter = model.filter {
      let label = model.isEditingFilter ? "Filter: /\(filter)_" : "Filter: /\(filter)"
      column += grid.write(
        label, row: row, column: column, width: rect.width, style: Style(.accent, .bold))
      column += 2
    }
    let room = rect.maxX - column
    if room > 0 {
      grid.write(model.footer, row: row, column: column, width: room, style: Style(.dim))
    }
  }
}
