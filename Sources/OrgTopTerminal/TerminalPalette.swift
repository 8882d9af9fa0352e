import OrgTopCore
import OrgTopUI

/// The UI's ``Palette`` (one role-to-colour table for every backend) turned into what curses
/// needs: colour pairs, defined once at start, and per-style pair numbers and attributes.
///
/// Meaning is never carried by colour alone: the text itself says "expired", "over limit",
/// "stale", and the palette adds attributes (bold, dim) when there is no colour; the selection
/// is reverse video in every depth.
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
    package var attributes: Style.Attributes
  }

  package let depth: ColorDepth
  /// The pairs to define with `init_pair` at start: one per foreground colour the palette uses
  /// at this depth (none without colour).
  package let pairs: [Pair]
  private let pairByForeground: [Int: Int16]

  /// Builds the pairs for `depth`.
  package init(depth: ColorDepth) {
    self.depth = depth
    var pairs: [Pair] = []
    var pairByForeground: [Int: Int16] = [:]
    for role in TextRole.allCases {
      guard let foreground = Palette.pen(for: Style(role), depth: depth).foreground,
        pairByForeground[foreground] == nil
      else { continue }
      let number = Int16(pairs.count + 1)
      pairs.append(Pair(number: number, foreground: Int16(foreground), background: -1))
      pairByForeground[foreground] = number
    }
    self.pairs = pairs
    self.pairByForeground = pairByForeground
  }

  /// How to draw a cell of this style.
  package func appearance(for style: Style) -> Appearance {
    let pen = Palette.pen(for: style, depth: depth)
    let pair = pen.foreground.flatMap { pairByForeground[$0] } ?? 0
    return Appearance(pair: pair, attributes: pen.attributes)
  }
}
