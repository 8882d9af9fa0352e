// TEMPORARY stand-ins for types the UI helper is building (Grid, Screen, TerminalBackend).
// Deleted when that branch is merged.
import Foundation
import OrgTopCore

/// Stand-in: how a cell is drawn.
package struct Style: Hashable, Sendable {
  package var role: TextRole = .normal
  package var bold = false
  package var dim = false
  package var reverse = false
  package var underline = false
  package init(
    role: TextRole = .normal, bold: Bool = false, dim: Bool = false, reverse: Bool = false,
    underline: Bool = false
  ) {
    self.role = role
    self.bold = bold
    self.dim = dim
    self.reverse = reverse
    self.underline = underline
  }
}

/// Stand-in: one terminal cell.
package struct Cell: Hashable, Sendable {
  package var character: Character
  package var style: Style
  /// A continuation cell covers the right half of a wide character drawn in the cell before.
  package var isContinuation: Bool
  package init(_ character: Character = " ", style: Style = Style(), isContinuation: Bool = false) {
    self.character = character
    self.style = style
    self.isContinuation = isContinuation
  }
}

/// Stand-in: a screenful of cells.
package struct Grid: Hashable, Sendable {
  package let size: TerminalSize
  package var cells: [Cell]
  package init(size: TerminalSize) {
    self.size = size
    cells = Array(repeating: Cell(), count: max(0, size.columns * size.rows))
  }
  package subscript(row: Int, column: Int) -> Cell {
    get { cells[row * size.columns + column] }
    set { cells[row * size.columns + column] = newValue }
  }
  package mutating func write(_ text: String, row: Int, column: Int, style: Style = Style()) {
    var column = column
    for character in text where column < size.columns && row < size.rows {
      self[row, column] = Cell(character, style: style)
      column += 1
    }
  }
  package func text(row: Int) -> String {
    String((0..<size.columns).map { self[row, $0].character })
  }
}

/// Stand-in: which glyph set the renderer may use.
package struct RenderOptions: Hashable, Sendable {
  package enum Glyphs: Hashable, Sendable { case unicode, ascii }
  package var glyphs: Glyphs
  package init(glyphs: Glyphs = .unicode) { self.glyphs = glyphs }
}

/// Stand-in: where frames go.
@MainActor
package protocol TerminalBackend: AnyObject {
  var size: TerminalSize { get }
  func draw(_ grid: Grid)
}

/// Stand-in: the dashboard screen.
package enum Screen {
  package static func render(_ vm: DashboardViewModel, size: TerminalSize, options: RenderOptions)
    -> Grid
  {
    var grid = Grid(size: size)
    grid.write("orgtop " + vm.header.organization + " " + vm.header.clock, row: 0, column: 0)
    for (index, row) in vm.keys.rows.enumerated() where index + 2 < size.rows {
      let selected = index == vm.keys.selectedIndex
      grid.write(
        (selected ? "> " : "  ") + row.cells.joined(separator: " "), row: index + 2, column: 0,
        style: Style(reverse: selected))
    }
    if case .keyDetail(let detail) = vm.overlay { grid.write(detail.title, row: 1, column: 0) }
    let status = vm.status.right.map(\.text).joined()
    grid.write(status, row: size.rows - 1, column: 0)
    return grid
  }
  package static func keyRowsVisible(for size: TerminalSize) -> Int { max(0, size.rows - 4) }
}
