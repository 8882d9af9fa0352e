import OrgTopCore

/// A frame: rows × columns of ``Cell``, stored flat in row-major order.
///
/// Text gets in only through ``write(_:row:column:width:style:alignment:)`` (which sanitizes
/// it) and the renderer's own symbols through ``draw(_:row:column:style:)``, so a grid never
/// holds a control character, an escape sequence or, in ASCII mode, a non-ASCII scalar.
/// Writes outside the grid are clipped, never a crash.
package struct Grid: Hashable, Sendable {
  package let columns: Int
  package let rows: Int
  package let glyphs: GlyphSet
  package private(set) var cells: [Cell]

  /// A blank grid; negative sizes count as zero.
  package init(size: TerminalSize, glyphs: GlyphSet = .unicode) {
    columns = max(0, size.columns)
    rows = max(0, size.rows)
    self.glyphs = glyphs
    cells = Array(repeating: .blank, count: columns * rows)
  }

  package var size: TerminalSize { TerminalSize(columns: columns, rows: rows) }

  /// The cell at a position (which must be inside the grid).
  package subscript(row: Int, column: Int) -> Cell {
    cells[row * columns + column]
  }

  /// Whether a row holds the same cells as that row of `other`, a grid of the same size: the
  /// backend's diff skips unchanged rows with it. A cell is plain data (no references), so
  /// equal bytes are equal cells, and comparing the row's bytes eight at a time answers for
  /// most rows; bytes that differ (a changed cell, or padding that does not match) are
  /// compared cell by cell. Comparing every cell of a frame cell by cell cost more than all the
  /// rest of an idle tick (callgrind, scripts/measure-tick.sh).
  package func rowEquals(_ row: Int, in other: Grid) -> Bool {
    precondition(other.columns == columns && other.rows == rows, "grids of different sizes")
    let range = row * columns..<(row + 1) * columns
    guard !range.isEmpty else { return true }
    let stride = MemoryLayout<Cell>.stride
    let sameBytes = cells.withUnsafeBytes { mine in
      other.cells.withUnsafeBytes { theirs in
        Self.sameBytes(
          UnsafeRawBufferPointer(
            rebasing: mine[range.lowerBound * stride..<range.upperBound * stride]),
          UnsafeRawBufferPointer(
            rebasing: theirs[range.lowerBound * stride..<range.upperBound * stride]))
      }
    }
    return sameBytes || cells[range] == other.cells[range]
  }

  /// Byte equality of two buffers of one length, a word at a time (unaligned loads: a row
  /// starts wherever the cells put it), then the odd bytes.
  private static func sameBytes(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
    let words = a.count / 8
    for index in 0..<words {
      let offset = index * 8
      if a.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        != b.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      {
        return false
      }
    }
    for offset in words * 8..<a.count where a[offset] != b[offset] { return false }
    return true
  }

  /// Makes a row the same as that row of `other`, a grid of the same size (the backend keeps
  /// what the terminal shows this way, a changed row at a time).
  package mutating func copyRow(_ row: Int, from other: Grid) {
    precondition(other.columns == columns && other.rows == rows, "grids of different sizes")
    let range = row * columns..<(row + 1) * columns
    cells.replaceSubrange(range, with: other.cells[range])
  }

  /// Sanitizes text the way ``write(_:row:column:width:style:alignment:)`` would.
  package func sanitize(_ text: String) -> SanitizedText {
    TextSanitizer.sanitize(text, glyphs: glyphs)
  }

  /// Measures text in columns, after sanitizing.
  package func width(of text: String) -> Int {
    TextSanitizer.width(of: text, glyphs: glyphs)
  }

  /// Draws one of the renderer's own symbols.
  package mutating func draw(_ glyph: Glyph, row: Int, column: Int, style: Style = .normal) {
    place(glyph.grapheme(in: glyphs), width: 1, row: row, column: column, style: style)
  }

  /// Draws a glyph `count` times from a position to the right.
  package mutating func draw(
    _ glyph: Glyph, row: Int, column: Int, count: Int, style: Style = .normal
  ) {
    let grapheme = glyph.grapheme(in: glyphs)
    for offset in 0..<max(0, count) {
      place(grapheme, width: 1, row: row, column: column + offset, style: style)
    }
  }

  /// Sets the style of cells without changing their text (e.g. reverse video on a row).
  package mutating func restyle(row: Int, column: Int, count: Int, style: Style) {
    guard row >= 0, row < rows else { return }
    let start = max(0, column)
    let end = min(columns, column + count)
    guard start < end else { return }
    for index in (row * columns + start)..<(row * columns + end) {
      cells[index].style = style
    }
  }

  /// Sets the style of every cell in a rectangle without changing their text.
  package mutating func restyle(_ rect: Rect, style: Style) {
    for row in rect.y..<max(rect.y, rect.maxY) {
      restyle(row: row, column: rect.x, count: rect.width, style: style)
    }
  }

  /// Blanks a rectangle in a style.
  package mutating func clear(_ rect: Rect, style: Style = .normal) {
    let clipped = rect.intersection(Rect(x: 0, y: 0, width: columns, height: rows))
    guard !clipped.isEmpty else { return }
    let blank = Cell(" ", width: 1, style: style)
    for row in clipped.y..<clipped.maxY {
      for column in clipped.x..<clipped.maxX {
        cells[row * columns + column] = blank
      }
    }
    // A wide character cut in half by the rectangle's edges loses its other half too.
    for row in clipped.y..<clipped.maxY {
      repairWide(row: row, column: clipped.x - 1)
      repairWide(row: row, column: clipped.maxX)
    }
  }

  /// Puts a sanitized text at a position, clipped to the grid; returns the columns used.
  @discardableResult
  package mutating func put(_ text: SanitizedText, row: Int, column: Int, style: Style) -> Int {
    guard row >= 0, row < rows else { return text.width }
    var x = column
    for cluster in text.clusters {
      place(cluster.grapheme, width: Int(cluster.width), row: row, column: x, style: style)
      x += Int(cluster.width)
      if x >= columns { break }
    }
    return text.width
  }

  /// Places one printable ASCII byte (the caller has checked it is one).
  mutating func putASCII(_ byte: UInt8, row: Int, column: Int, style: Style) {
    place(Grapheme(Unicode.Scalar(byte)), width: 1, row: row, column: column, style: style)
  }

  /// Places one grapheme, keeping wide characters whole: a wide character that would not fit
  /// (or that would start off-grid) is drawn as a space, and anything it overlaps is cleared.
  private mutating func place(
    _ grapheme: Grapheme, width: Int, row: Int, column: Int, style: Style
  ) {
    guard row >= 0, row < rows, column < columns, column + width > 0 else { return }
    if width == 2 && (column < 0 || column + 1 >= columns) {
      if column >= 0 { place(" ", width: 1, row: row, column: column, style: style) }
      if column + 1 < columns, column + 1 >= 0 {
        place(" ", width: 1, row: row, column: column + 1, style: style)
      }
      return
    }
    let index = row * columns + column
    breakWide(at: index, column: column)
    cells[index] = Cell(grapheme, width: UInt8(width), style: style)
    if width == 2 {
      breakWide(at: index + 1, column: column + 1)
      cells[index + 1] = Cell(" ", width: 0, style: style)
    }
  }

  /// Before overwriting a cell, blanks the other half of a wide character it belongs to.
  private mutating func breakWide(at index: Int, column: Int) {
    let cell = cells[index]
    if cell.width == 0, column > 0 {
      cells[index - 1] = Cell(" ", width: 1, style: cells[index - 1].style)
    } else if cell.width == 2, column + 1 < columns {
      cells[index + 1] = Cell(" ", width: 1, style: cells[index + 1].style)
    }
  }

  /// Turns a half-erased wide character at a column into a space.
  private mutating func repairWide(row: Int, column: Int) {
    guard column >= 0, column < columns else { return }
    let index = row * columns + column
    let cell = cells[index]
    let leadLost = cell.width == 0 && (column == 0 || cells[index - 1].width != 2)
    let tailLost = cell.width == 2 && (column + 1 >= columns || cells[index + 1].width != 0)
    if leadLost || tailLost {
      cells[index] = Cell(" ", width: 1, style: cell.style)
    }
  }
}
