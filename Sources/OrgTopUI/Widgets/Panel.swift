import OrgTopCore

/// A bordered box with a title in the top border and an optional note in the bottom border.
///
/// The focused panel is marked three ways so it shows in any colour depth: a `▶` (`>`) before
/// the title, a bold title, and a border in the `.accent` role (unfocused borders are `.dim`).
/// A stale panel carries `⚠ stale …` in words next to its title.
package struct Panel: Sendable {
  package var title: String
  package var focused: Bool
  /// Text after the title in the warning role, e.g. `stale 3 min` (drawn as `⚠ stale 3 min`).
  package var warning: String?
  /// Right-aligned in the bottom border, e.g. a scroll position `1-8 of 48`.
  package var bottomNote: String?

  package init(title: String, focused: Bool, warning: String? = nil, bottomNote: String? = nil) {
    self.title = title
    self.focused = focused
    self.warning = warning
    self.bottomNote = bottomNote
  }

  /// Draws the border and titles, clears the inside, and returns the inner rectangle.
  @discardableResult
  package func draw(in grid: inout Grid, rect: Rect) -> Rect {
    guard rect.width >= 2, rect.height >= 2 else {
      grid.clear(rect)
      return Rect(x: rect.x, y: rect.y, width: 0, height: 0)
    }
    let border = focused ? Style(.accent, .bold) : Style(.dim)
    grid.clear(rect)
    let top = rect.y
    let bottom = rect.maxY - 1
    let right = rect.maxX - 1
    grid.draw(.topLeft, row: top, column: rect.x, style: border)
    grid.draw(.horizontal, row: top, column: rect.x + 1, count: rect.width - 2, style: border)
    grid.draw(.topRight, row: top, column: right, style: border)
    for row in (top + 1)..<bottom {
      grid.draw(.vertical, row: row, column: rect.x, style: border)
      grid.draw(.vertical, row: row, column: right, style: border)
    }
    grid.draw(.bottomLeft, row: bottom, column: rect.x, style: border)
    grid.draw(.horizontal, row: bottom, column: rect.x + 1, count: rect.width - 2, style: border)
    grid.draw(.bottomRight, row: bottom, column: right, style: border)
    drawTitle(in: &grid, rect: rect)
    if let note = bottomNote, rect.width > 8 {
      let available = rect.width - 4
      let text = grid.sanitize(" \(note) ").truncated(to: available, glyphs: grid.glyphs)
      grid.put(text, row: bottom, column: right - 1 - text.width, style: Style(.dim))
    }
    return rect.inset(horizontal: 1, vertical: 1)
  }

  private func drawTitle(in grid: inout Grid, rect: Rect) {
    // Keep one border cell visible at each end: "┌─▶ Title ─┐".
    var column = rect.x + 1
    let limit = rect.maxX - 2
    guard limit - column >= 3 else { return }
    grid.write(" ", row: rect.y, column: column, width: 1)
    column += 1
    if focused {
      grid.draw(.focus, row: rect.y, column: column, style: Style(.accent, .bold))
      grid.write(" ", row: rect.y, column: column + 1, width: 1)
      column += 2
    }
    let titleStyle = focused ? Style(.title, .bold) : Style(.title)
    var room = limit - column
    let warningText = warning.map { grid.sanitize(" \($0)") }
    // The warning must survive a narrow panel: the title gives way first.
    // Its room: a space, the sign, the text, and the space before the border.
    let warningWidth = warningText.map { min($0.width + 3, max(0, room - 6)) } ?? 0
    column += grid.write(
      title, row: rect.y, column: column, width: room - warningWidth,
      style: titleStyle)
    room = limit - column
    if let warningText, warningWidth > 2, room >= 3 {
      grid.write(" ", row: rect.y, column: column, width: 1)
      grid.draw(.warning, row: rect.y, column: column + 1, style: Style(.warning, .bold))
      let fitted = warningText.truncated(to: min(room - 3, warningText.width), glyphs: grid.glyphs)
      grid.put(fitted, row: rect.y, column: column + 2, style: Style(.warning, .bold))
      column += 2 + fitted.width
    }
    if column < limit { grid.write(" ", row: rect.y, column: column, width: 1) }
  }
}
