import OrgTopCore

/// The bottom line of key hints, `q quit  ↑↓ move  ⏎ detail`: keys in bold, actions plain.
/// Hints come in order of importance; those that do not fit are dropped from the end, whole.
package struct HintBar: Sendable {
  package var hints: [KeyHint]

  package init(_ hints: [KeyHint]) {
    self.hints = hints
  }

  /// How many hints, from the first, fit in `width` columns.
  package static func fittingCount(_ hints: [KeyHint], width: Int, glyphs: GlyphSet) -> Int {
    var used = 0
    for (index, hint) in hints.enumerated() {
      let hintWidth =
        TextSanitizer.width(of: hint.keys, glyphs: glyphs) + 1
        + TextSanitizer.width(of: hint.action, glyphs: glyphs)
      let needed = (index == 0 ? 1 : 2) + hintWidth
      if used + needed > width { return index }
      used += needed
    }
    return hints.count
  }

  package func draw(in grid: inout Grid, row: Int, column: Int, width: Int) {
    let count = Self.fittingCount(hints, width: width, glyphs: grid.glyphs)
    var x = column + 1
    for hint in hints.prefix(count) {
      x += grid.write(
        hint.keys, row: row, column: x, width: column + width - x,
        style: Style(.title, .bold))
      x += 1
      x += grid.write(hint.action, row: row, column: x, width: column + width - x)
      x += 2
    }
  }
}
