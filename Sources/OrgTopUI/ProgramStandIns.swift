// TEMPORARY stand-ins mirroring the UI helper's API (Grid, Cell, Style, RenderOptions, Screen,
// TerminalBackend) until that branch is merged; then this file is deleted.
import Foundation
import OrgTopCore

/// Stand-in.
package struct Style: Hashable, Sendable {
  /// Stand-in.
  package struct Attributes: OptionSet, Hashable, Sendable {
    package let rawValue: UInt8
    package init(rawValue: UInt8) { self.rawValue = rawValue }
    package static let bold = Attributes(rawValue: 1 << 0)
    package static let dim = Attributes(rawValue: 1 << 1)
    package static let reverse = Attributes(rawValue: 1 << 2)
    package static let underline = Attributes(rawValue: 1 << 3)
  }
  package var role: TextRole
  package var attributes: Attributes
  package init(_ role: TextRole = .normal, _ attributes: Attributes = []) {
    self.role = role
    self.attributes = attributes
  }
  package static let normal = Style()
}

/// Stand-in.
package struct Cell: Hashable, Sendable {
  package var character: Character
  package var width: UInt8
  package var style: Style
  package init(_ character: Character, width: UInt8 = 1, style: Style = .normal) {
    self.character = character
    self.width = width
    self.style = style
  }
  package static let blank = Cell(" ")
  package var isContinuation: Bool { width == 0 }
}

/// Stand-in.
package enum GlyphSet: Hashable, Sendable { case unicode, ascii }

/// Stand-in.
package struct RenderOptions: Hashable, Sendable {
  package var glyphs: GlyphSet
  package init(glyphs: GlyphSet = .unicode) { self.glyphs = glyphs }
  package static let unicode = RenderOptions(glyphs: .unicode)
  package static let ascii = RenderOptions(glyphs: .ascii)
}

/// Stand-in.
package struct Grid: Hashable, Sendable {
  package let columns: Int
  package let rows: Int
  package let glyphs: GlyphSet
  package private(set) var cells: [Cell]
  package init(size: TerminalSize, glyphs: GlyphSet = .unicode) {
    columns = max(0, size.columns)
    rows = max(0, size.rows)
    self.glyphs = glyphs
    cells = Array(repeating: .blank, count: columns * rows)
  }
  package var size: TerminalSize { TerminalSize(columns: columns, rows: rows) }
  package subscript(row: Int, column: Int) -> Cell { cells[row * columns + column] }
  mutating func put(_ text: String, row: Int, column: Int, style: Style = .normal) {
    var column = column
    for character in text where column < columns && row < rows && row >= 0 {
      let wide = character.unicodeScalars.first.map { $0.value >= 0x1100 && $0.value < 0x1F000 }
      if wide == true, column + 1 < columns {
        cells[row * columns + column] = Cell(character, width: 2, style: style)
        cells[row * columns + column + 1] = Cell(" ", width: 0, style: style)
        column += 2
      } else {
        cells[row * columns + column] = Cell(character, style: style)
        column += 1
      }
    }
  }
  package var lines: [String] {
    (0..<rows).map { row in
      String(
        (0..<columns).compactMap { self[row, $0].isContinuation ? nil : self[row, $0].character })
    }
  }
}

/// Stand-in.
@MainActor
package protocol TerminalBackend: AnyObject {
  var size: TerminalSize { get }
  var options: RenderOptions { get }
  func draw(_ grid: Grid)
  func bell()
}

/// Stand-in.
package enum Screen {
  package static func render(
    _ viewModel: DashboardViewModel, size: TerminalSize, options: RenderOptions
  ) -> Grid {
    var grid = Grid(size: size, glyphs: options.glyphs)
    let header = viewModel.header
    grid.put(header.title + " " + header.organization + " " + header.clock, row: 0, column: 0)
    for (index, row) in viewModel.keys.rows.enumerated() where index + 2 < size.rows - 1 {
      let selected = index == viewModel.keys.selectedIndex
      grid.put(
        (selected ? "> " : "  ") + row.cells.prefix(3).joined(separator: " "), row: index + 2,
        column: 0, style: Style(row.role, selected ? .reverse : []))
    }
    if case .keyDetail(let detail) = viewModel.overlay { grid.put(detail.title, row: 1, column: 0) }
    let status = (viewModel.status.left + viewModel.status.right).map(\.text)
    grid.put(status.joined(separator: " "), row: size.rows - 1, column: 0)
    return grid
  }
  package static func keyRowsVisible(for size: TerminalSize) -> Int { max(0, size.rows - 4) }
}
