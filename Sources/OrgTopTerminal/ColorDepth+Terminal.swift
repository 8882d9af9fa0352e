import OrgTopUI

extension ColorDepth {
  /// Picks the depth for a terminal: `NO_COLOR` set to any non-empty value means no colour
  /// (no-color.org); otherwise the terminal's own capabilities decide (256 or more colours:
  /// indexed, 8 or more: basic, else none).
  package static func resolve(noColor: String?, hasColors: Bool, colors: Int) -> ColorDepth {
    if let noColor, !noColor.isEmpty { return .none }
    guard hasColors else { return .none }
    if colors >= 256 { return .indexed }
    if colors >= 8 { return .basic }
    return .none
  }
}
