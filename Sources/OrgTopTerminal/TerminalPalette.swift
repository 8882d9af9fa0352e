import OrgTopCore

/// How each ``TextRole`` looks at a given ``ColorDepth``: a colour pair (defined once at start)
/// and attributes.
///
/// Meaning is never carried by colour alone: the text itself says "expired", "over limit",
/// "stale"; colour and attributes only reinforce it. In monochrome the roles that matter most
/// (warning, danger, badge, title) stay distinguishable by attributes.
package struct TerminalPalette: Hashable, Sendable {
  /// A curses colour pair: number (1...) with foreground and background colour numbers, where
  /// -1 is the terminal's default colour.
  package struct Pair: Hashable, Sendable {
    package var number: Int16
    package var foreground: Int16
    package var background: Int16
  }

  /// What the backend applies to a cell: pair 0 means the terminal's default colours.
  package struct Appearance: Hashable, Sendable {
    package var pair: Int16
    package var attributes: TextAttributes
  }

  package let depth: ColorDepth
  /// The pairs to define with `init_pair` at start (empty in monochrome).
  package let pairs: [Pair]
  private let appearances: [TextRole: Appearance]

  /// Builds the palette for `depth`.
  package init(depth: ColorDepth) {
    self.depth = depth
    var pairs: [Pair] = []
    var appearances: [TextRole: Appearance] = [:]
    for role in TextRole.allCases {
      let attributes = Self.attributes(for: role, depth: depth)
      guard let colors = Self.colors(for: role, depth: depth) else {
        appearances[role] = Appearance(pair: 0, attributes: attributes)
        continue
      }
      let number = Int16(pairs.count + 1)
      pairs.append(
        Pair(number: number, foreground: colors.foreground, background: colors.background))
      appearances[role] = Appearance(pair: number, attributes: attributes)
    }
    self.pairs = pairs
    self.appearances = appearances
  }

  /// The appearance of `role`, with `extra` attributes (from the cell's style, e.g. reverse
  /// video for the selected row) added on top.
  package func appearance(for role: TextRole, adding extra: TextAttributes = []) -> Appearance {
    var appearance = appearances[role] ?? Appearance(pair: 0, attributes: [])
    appearance.attributes.formUnion(extra)
    return appearance
  }

  // ANSI colour numbers (curses COLOR_*), and -1 for the terminal default.
  private static let defaultColor: Int16 = -1
  private static let black: Int16 = 0
  private static let red: Int16 = 1
  private static let green: Int16 = 2
  private static let yellow: Int16 = 3
  private static let blue: Int16 = 4
  private static let cyan: Int16 = 6

  private static func colors(for role: TextRole, depth: ColorDepth)
    -> (foreground: Int16, background: Int16)?
  {
    switch depth {
    case .monochrome:
      return nil
    case .eight:
      switch role {
      case .normal, .dim, .label: return nil
      case .title: return (blue, defaultColor)
      case .accent: return (cyan, defaultColor)
      case .good: return (green, defaultColor)
      case .warning: return (yellow, defaultColor)
      case .danger: return (red, defaultColor)
      case .badge: return (black, yellow)
      }
    case .extended:
      // xterm-256 palette: tones that stay legible on dark and light backgrounds.
      switch role {
      case .normal: return nil
      case .dim: return (244, defaultColor)
      case .label: return (246, defaultColor)
      case .title: return (75, defaultColor)
      case .accent: return (81, defaultColor)
      case .good: return (71, defaultColor)
      case .warning: return (214, defaultColor)
      case .danger: return (203, defaultColor)
      case .badge: return (16, 214)
      }
    }
  }

  private static func attributes(for role: TextRole, depth: ColorDepth) -> TextAttributes {
    switch role {
    case .normal, .good: return []
    case .dim: return depth == .extended ? [] : .dim
    case .label: return depth == .monochrome ? .dim : []
    case .title, .accent, .warning: return .bold
    case .danger: return depth == .monochrome ? [.bold, .underline] : .bold
    case .badge: return depth == .monochrome ? [.bold, .reverse] : .bold
    }
  }
}
