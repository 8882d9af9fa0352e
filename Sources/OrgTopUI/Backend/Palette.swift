import OrgTopCore

/// How many colours a terminal can show, as the backend found out (terminfo `colors`,
/// `NO_COLOR`, a `--no-color` flag).
package enum ColorDepth: Hashable, Sendable, CaseIterable {
  /// No colour at all: monochrome terminals and `NO_COLOR`. Attributes only.
  case none
  /// The eight ANSI colours.
  case basic
  /// The 256-colour palette.
  case indexed
}

/// What a backend sets for a cell: a foreground colour index (`nil` is the terminal's default)
/// and the attributes to draw.
package struct Pen: Hashable, Sendable {
  package var foreground: Int?
  package var attributes: Style.Attributes

  package init(foreground: Int?, attributes: Style.Attributes) {
    self.foreground = foreground
    self.attributes = attributes
  }
}

/// Maps a cell's ``Style`` to a ``Pen`` for a colour depth: one table, so every backend draws
/// the same meaning the same way.
///
/// Colour only reinforces: without colour, emphasis roles (title, accent, warning, danger,
/// badge) are bold and secondary ones (dim, label) are dim, and the text itself always says
/// what the colour means.
package enum Palette {
  /// The pen for a style at a colour depth.
  package static func pen(for style: Style, depth: ColorDepth) -> Pen {
    var attributes = style.attributes
    switch depth {
    case .none:
      attributes.formUnion(monochromeAttributes(style.role))
      return Pen(foreground: nil, attributes: attributes)
    case .basic:
      if style.role == .dim { attributes.insert(.dim) }
      if style.role == .title || style.role == .badge { attributes.insert(.bold) }
      return Pen(foreground: basicColor(style.role), attributes: attributes)
    case .indexed:
      return Pen(foreground: indexedColor(style.role), attributes: attributes)
    }
  }

  private static func monochromeAttributes(_ role: TextRole) -> Style.Attributes {
    switch role {
    case .normal, .good: []
    case .dim, .label: .dim
    case .title, .accent, .warning, .danger, .badge: .bold
    }
  }

  /// ANSI colour numbers: 1 red, 2 green, 3 yellow, 5 magenta, 6 cyan.
  private static func basicColor(_ role: TextRole) -> Int? {
    switch role {
    case .normal, .dim: nil
    case .label, .title, .accent: 6
    case .good: 2
    case .warning: 3
    case .danger: 1
    case .badge: 5
    }
  }

  /// xterm 256-colour indices chosen to read on dark and light backgrounds.
  private static func indexedColor(_ role: TextRole) -> Int? {
    switch role {
    case .normal: nil
    case .dim: 244
    case .label: 110
    case .title: 75
    case .accent: 80
    case .good: 71
    case .warning: 214
    case .danger: 203
    case .badge: 170
    }
  }
}
