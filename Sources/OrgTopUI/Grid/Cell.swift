/// One terminal cell: a grapheme (already sanitized) and its style.
///
/// A wide character (CJK, emoji) occupies two cells: the first holds the character with
/// `width == 2`, the second is a continuation cell (`width == 0`) that backends skip.
package struct Cell: Hashable, Sendable {
  /// The grapheme drawn in this cell; a space for blank and continuation cells.
  package var grapheme: Grapheme
  /// Columns the character takes: 1, 2 for a wide character, 0 for a continuation cell.
  package var width: UInt8
  package var style: Style

  package init(_ grapheme: Grapheme, width: UInt8 = 1, style: Style = .normal) {
    self.grapheme = grapheme
    self.width = width
    self.style = style
  }

  /// An empty cell in the default style.
  package static let blank = Cell(" ")

  /// The cell's text as a string (its grapheme's scalars).
  package var text: String { grapheme.string }

  /// Whether this cell is the right half of a wide character.
  package var isContinuation: Bool { width == 0 }
}
