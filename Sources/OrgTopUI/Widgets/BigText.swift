import OrgTopCore

/// Text in big digits for the kiosk's wall display: each character drawn from a 3×5 block font,
/// scaled by whole cells, so a figure can be read from across a room.
///
/// The font has the characters figures are written with: digits, `$ , . % - :` and the space.
/// Any other character is drawn as itself, small, on the middle row, so nothing is lost.
package struct BigText: Sendable {
  /// How much each font cell is enlarged: `columns` × `rows` terminal cells. Terminal cells are
  /// about twice as tall as wide, so `columns = 2 × rows` keeps the font's proportions.
  package struct Scale: Hashable, Sendable {
    package var columns: Int
    package var rows: Int

    package init(columns: Int, rows: Int) {
      self.columns = columns
      self.rows = rows
    }
  }

  /// The font's height in font cells.
  package static let fontHeight = 5

  package var text: String

  package init(_ text: String) {
    self.text = text
  }

  /// The columns the text takes at a scale (one font cell of space between characters).
  package func width(at scale: Scale) -> Int {
    let cells = text.reduce(0) { $0 + Self.pattern(for: $1).width + 1 }
    return max(0, cells - 1) * scale.columns
  }

  /// The rows the text takes at a scale.
  package func height(at scale: Scale) -> Int {
    Self.fontHeight * scale.rows
  }

  /// Draws the text with its top-left corner at (`row`, `column`); cells outside the grid are
  /// skipped by the grid.
  package func draw(in grid: inout Grid, row: Int, column: Int, scale: Scale, style: Style) {
    var x = column
    for character in text {
      let pattern = Self.pattern(for: character)
      if pattern.rows.isEmpty {
        grid.write(
          String(character), row: row + height(at: scale) / 2, column: x,
          width: pattern.width * scale.columns, style: style, alignment: .center)
      }
      for (fontRow, line) in pattern.rows.enumerated() {
        for (fontColumn, ink) in line.enumerated() where ink {
          for dy in 0..<scale.rows {
            grid.draw(
              .block, row: row + fontRow * scale.rows + dy,
              column: x + fontColumn * scale.columns, count: scale.columns, style: style)
          }
        }
      }
      x += (pattern.width + 1) * scale.columns
    }
  }

  /// One character of the font: its width in font cells and its rows of ink (empty rows: a
  /// character the font lacks, drawn as itself).
  struct Pattern {
    var width: Int
    var rows: [[Bool]]
  }

  static func pattern(for character: Character) -> Pattern {
    guard let lines = font[character] else { return Pattern(width: 3, rows: []) }
    return Pattern(
      width: lines[0].count, rows: lines.map { $0.map { $0 == "#" } })
  }

  /// The font, `#` for ink. Every character is five rows; digits are three columns wide, `$`
  /// five (its stroke needs a middle column), `,` `.` `:` one.
  private static let font: [Character: [String]] = [
    "0": ["###", "# #", "# #", "# #", "###"],
    "1": [" # ", "## ", " # ", " # ", "###"],
    "2": ["###", "  #", "###", "#  ", "###"],
    "3": ["###", "  #", "###", "  #", "###"],
    "4": ["# #", "# #", "###", "  #", "  #"],
    "5": ["###", "#  ", "###", "  #", "###"],
    "6": ["###", "#  ", "###", "# #", "###"],
    "7": ["###", "  #", "  #", "  #", "  #"],
    "8": ["###", "# #", "###", "# #", "###"],
    "9": ["###", "# #", "###", "  #", "###"],
    "$": [" ####", "# #  ", " ### ", "  # #", "#### "],
    "%": ["# #", "  #", " # ", "#  ", "# #"],
    "-": ["   ", "   ", "###", "   ", "   "],
    ",": [" ", " ", " ", "#", "#"],
    ".": [" ", " ", " ", " ", "#"],
    ":": [" ", "#", " ", "#", " "],
    " ": ["  ", "  ", "  ", "  ", "  "],
  ]
}
