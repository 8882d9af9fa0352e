import OrgTopCore

/// Lines of text centred in a rectangle: the "terminal too small" screen and a pane's loading
/// or failure message. Lines are given in order of importance; when the rectangle is short the
/// last ones are dropped, and long lines are word-wrapped, then truncated.
package struct Banner: Sendable {
  package var lines: [StyledText]

  package init(_ lines: [StyledText]) {
    self.lines = lines
  }

  package func draw(in grid: inout Grid, rect: Rect) {
    guard !rect.isEmpty else { return }
    var wrapped: [StyledText] = []
    for line in lines {
      for piece in Self.wrap(line.text, width: rect.width, grid: grid) {
        wrapped.append(StyledText(piece, role: line.role))
      }
    }
    let shown = wrapped.prefix(rect.height)
    let top = rect.y + (rect.height - shown.count) / 2
    for (offset, line) in shown.enumerated() {
      let style =
        line.role == .normal || line.role == .dim ? Style(line.role) : Style(line.role, .bold)
      grid.write(
        line.text, row: top + offset, column: rect.x, width: rect.width, style: style,
        alignment: .center)
    }
  }

  /// Splits text at white space into lines of at most `width` columns (a longer word stays whole and
  /// is truncated when drawn).
  package static func wrap(_ text: String, width: Int, grid: Grid) -> [String] {
    guard width > 0 else { return [] }
    var result: [String] = []
    var current = ""
    var currentWidth = 0
    for word in text.split(whereSeparator: { $0.isWhitespace }) {
      let wordWidth = grid.width(of: String(word))
      if current.isEmpty {
        current = String(word)
        currentWidth = wordWidth
      } else if currentWidth + 1 + wordWidth <= width {
        current += " " + word
        currentWidth += 1 + wordWidth
      } else {
        result.append(current)
        current = String(word)
        currentWidth = wordWidth
      }
    }
    if !current.isEmpty || result.isEmpty { result.append(current) }
    return result
  }
}
