/// How many colours the terminal can show, after honouring `NO_COLOR`.
package enum ColorDepth: Hashable, Sendable {
  /// No colour: meaning is carried by attributes (bold, dim, underline, reverse) and words.
  case monochrome
  /// The eight ANSI colours.
  case eight
  /// The 256-colour palette (xterm-256color, tmux-256color and most modern terminals).
  case extended

  /// Picks the depth: `NO_COLOR` set to any non-empty value means monochrome (no-color.org);
  /// otherwise the terminal's own capabilities decide.
  package static func resolve(noColor: String?, hasColors: Bool, colors: Int) -> ColorDepth {
    if let noColor, !noColor.isEmpty { return .monochrome }
    guard hasColors else { return .monochrome }
    if colors >= 256 { return .extended }
    if colors >= 8 { return .eight }
    return .monochrome
  }
}
