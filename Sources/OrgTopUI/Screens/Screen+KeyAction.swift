import OrgTopCore

extension Screen {
  /// A key action's confirmation: the question naming the key, what the change means, the
  /// text field (with a cursor while it takes keys), and where the write stands; the keys in
  /// the bottom border. Paragraphs wrap; what does not fit is cut at the bottom.
  static func drawKeyAction(
    _ model: KeyActionViewModel, layout: DashboardLayout, in grid: inout Grid
  ) {
    let width = min(72, layout.body.width)
    let textWidth = max(1, width - 4)
    var lines: [(text: String, style: Style)] = []
    for paragraph in model.paragraphs {
      for piece in Banner.wrap(paragraph.text, width: textWidth, grid: grid) {
        lines.append((piece, lineStyle(paragraph.role)))
      }
    }
    let fieldRow = model.field.map { _ in lines.count + 1 }
    if model.field != nil { lines.append(contentsOf: [("", .normal), ("", .normal)]) }
    if !model.status.isEmpty { lines.append(("", .normal)) }
    for part in model.status {
      for piece in Banner.wrap(part.text, width: textWidth, grid: grid) {
        lines.append((piece, lineStyle(part.role)))
      }
    }
    let rect = overlayRect(layout, maxWidth: width, contentHeight: lines.count)
    let inner = Panel(title: model.title, focused: true, bottomNote: model.keys)
      .draw(in: &grid, rect: rect)
    let area = inner.inset(horizontal: 1)
    guard !area.isEmpty else { return }
    for (index, line) in lines.enumerated() where index < area.height {
      grid.write(
        line.text, row: area.y + index, column: area.x, width: area.width, style: line.style)
    }
    if let field = model.field, let fieldRow, fieldRow < area.height {
      drawField(field, row: area.y + fieldRow, area: area, in: &grid)
    }
  }

  /// `Label: text▏` with the text in reverse video, its end shown when it is longer than the
  /// room (the end is where the typing happens).
  private static func drawField(
    _ field: KeyActionViewModel.Field, row: Int, area: Rect, in grid: inout Grid
  ) {
    let label = field.label + ": "
    let used = grid.write(label, row: row, column: area.x, width: area.width, style: Style(.label))
    let room = area.width - used
    guard room > 1 else { return }
    let cursor = field.isEditing ? "_" : ""
    var shown = field.text + cursor
    while grid.width(of: shown) > room, !shown.isEmpty { shown.removeFirst() }
    grid.restyle(
      Rect(x: area.x + used, y: row, width: room, height: 1), style: Style(.normal, .reverse))
    grid.write(
      shown, row: row, column: area.x + used, width: room, style: Style(.accent, [.bold, .reverse]))
  }

  private static func lineStyle(_ role: TextRole) -> Style {
    role == .normal || role == .dim ? Style(role) : Style(role, .bold)
  }
}
