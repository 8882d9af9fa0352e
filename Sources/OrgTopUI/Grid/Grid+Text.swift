/// Where text sits in the span it is written into.
package enum TextAlignment: Hashable, Sendable {
  case left, right, center
}

extension Grid {
  /// Writes a string into a span of `width` columns: sanitized, truncated with an ellipsis when
  /// too long, aligned; the rest of the span is left as it was. Returns the columns used.
  /// This is the only way strings enter the grid.
  @discardableResult
  package mutating func write(
    _ text: String, row: Int, column: Int, width: Int, style: Style = .normal,
    alignment: TextAlignment = .left
  ) -> Int {
    guard width > 0 else { return 0 }
    if TextSanitizer.isPrintableASCII(text), text.utf8.count <= width {
      // The common case, without building a sanitized copy.
      let count = text.utf8.count
      var x: Int
      switch alignment {
      case .left: x = column
      case .right: x = column + width - count
      case .center: x = column + (width - count) / 2
      }
      for byte in text.utf8 {
        putASCII(byte, row: row, column: x, style: style)
        x += 1
      }
      return count
    }
    let fitted = sanitize(text).truncated(to: width, glyphs: glyphs)
    let offset: Int
    switch alignment {
    case .left: offset = 0
    case .right: offset = width - fitted.width
    case .center: offset = (width - fitted.width) / 2
    }
    put(fitted, row: row, column: column + offset, style: style)
    return fitted.width
  }

  /// Writes a string from a position to the grid's right edge at most.
  @discardableResult
  package mutating func write(
    _ text: String, row: Int, column: Int, style: Style = .normal
  ) -> Int {
    write(text, row: row, column: column, width: columns - column, style: style)
  }

  /// The grid's text, one string per row; continuation cells are skipped so each line lines
  /// up in a terminal.
  package var lines: [String] {
    (0..<rows).map { row in
      var line = ""
      line.reserveCapacity(columns)
      for column in 0..<columns {
        let cell = self[row, column]
        if !cell.isContinuation { cell.grapheme.append(to: &line) }
      }
      return line
    }
  }

  /// The grid's text as one string, rows separated by newlines, trailing spaces kept.
  package var text: String {
    lines.joined(separator: "\n")
  }

  /// Whether any row contains `text` (after sanitizing it the same way).
  package func contains(_ text: String) -> Bool {
    let needle = sanitize(text).string
    return lines.contains { $0.contains(needle) }
  }
}
