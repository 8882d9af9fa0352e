/// The renderer's own symbols (borders, markers, bar blocks), each with its Unicode and ASCII
/// form. These are the only characters that reach the grid without going through the
/// sanitizer, so the set is closed and every member is one column wide.
package enum Glyph: Hashable, Sendable {
  case horizontal, vertical
  case topLeft, topRight, bottomLeft, bottomRight
  case ellipsis
  /// Marks the selected table row, so the selection shows without colour.
  case selection
  /// Marks the focused pane's title, so the focus shows without colour.
  case focus
  case sortAscending, sortDescending
  case warning
  /// Prefixes a pane's failure message.
  case failure
  /// An empty gauge cell.
  case barEmpty
  /// A gauge cell filled to `eighths`/8 from the left (1...8).
  case bar(eighths: Int)
  /// A sparkline cell filled to `eighths`/8 from the bottom (0...8; 0 is blank).
  case level(eighths: Int)
  /// One filled cell of the kiosk's big digits.
  case block

  private static let horizontalBars: [Grapheme] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]
  private static let verticalBars: [Grapheme] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
  private static let asciiLevels: [Grapheme] = [" ", ".", ":", "-", "=", "+", "*", "#", "@"]

  /// The grapheme drawn for this glyph in a glyph set.
  package func grapheme(in set: GlyphSet) -> Grapheme {
    switch set {
    case .unicode: unicode
    case .ascii: ascii
    }
  }

  private var unicode: Grapheme {
    switch self {
    case .horizontal: "─"
    case .vertical: "│"
    case .topLeft: "┌"
    case .topRight: "┐"
    case .bottomLeft: "└"
    case .bottomRight: "┘"
    case .ellipsis: "…"
    case .selection: "›"
    case .focus: "▶"
    case .sortAscending: "▲"
    case .sortDescending: "▼"
    case .warning: "⚠"
    case .failure: "✗"
    case .barEmpty: "·"
    case .bar(let eighths): Self.horizontalBars[min(max(eighths, 1), 8) - 1]
    case .level(let eighths): Self.verticalBars[min(max(eighths, 0), 8)]
    case .block: "█"
    }
  }

  private var ascii: Grapheme {
    switch self {
    case .horizontal: "-"
    case .vertical: "|"
    case .topLeft, .topRight, .bottomLeft, .bottomRight: "+"
    case .ellipsis: "~"
    case .selection: ">"
    case .focus: ">"
    case .sortAscending: "^"
    case .sortDescending: "v"
    case .warning: "!"
    case .failure: "x"
    case .barEmpty: "."
    // ASCII has no partial blocks: a cell is drawn filled only when it is at least half full.
    case .bar(let eighths): eighths >= 4 ? "#" : "."
    case .level(let eighths): Self.asciiLevels[min(max(eighths, 0), 8)]
    case .block: "#"
    }
  }
}
