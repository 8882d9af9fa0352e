import OrgTopCore

extension Screen {
  /// The profile picker: one line per profile (a marker for the one shown, its name in bold,
  /// the organization, and the last figures seen for it); the highlighted line reversed, so
  /// the choice never rests on colour alone.
  static func drawProfilePicker(
    _ picker: ProfilePickerViewModel, layout: DashboardLayout, in grid: inout Grid
  ) {
    let nameWidth = min(24, picker.rows.reduce(4) { max($0, grid.width(of: $1.name)) })
    let lines = picker.rows.isEmpty ? 1 : picker.rows.count * 2
    let rect = overlayRect(layout, maxWidth: 90, contentHeight: lines)
    let inner = Panel(title: "Profiles", focused: true, bottomNote: "Enter switch · Esc back")
      .draw(in: &grid, rect: rect)
    let area = inner.inset(horizontal: 1)
    guard !area.isEmpty else { return }
    if let note = picker.emptyNote {
      grid.write(note, row: area.y, column: area.x, width: area.width, style: Style(.dim))
      return
    }
    for (index, row) in picker.rows.enumerated() {
      let y = area.y + index * 2
      guard y < area.maxY else { break }
      let selected = index == picker.selected
      let reverse: Style.Attributes = selected ? .reverse : []
      if selected {
        grid.restyle(
          Rect(x: area.x, y: y, width: area.width, height: 1), style: Style(.normal, .reverse))
      }
      grid.write(
        row.isActive ? "*" : " ", row: y, column: area.x, width: 2, style: Style(.accent, reverse))
      grid.write(
        row.name, row: y, column: area.x + 2, width: nameWidth,
        style: Style(.normal, [.bold, reverse]))
      let rest = area.width - nameWidth - 4
      grid.write(
        row.organization + (row.isActive ? " (shown)" : ""), row: y,
        column: area.x + nameWidth + 4, width: rest, style: Style(.normal, reverse))
      if y + 1 < area.maxY, !row.figures.isEmpty {
        grid.write(
          row.figures, row: y + 1, column: area.x + nameWidth + 4, width: rest,
          style: Style(.dim))
      }
    }
  }
}
