/// Which characters the renderer may draw.
package enum GlyphSet: Hashable, Sendable {
  /// Box drawing, block elements, arrows and any (sanitized) Unicode text.
  case unicode
  /// Printable ASCII only, for terminals whose locale is not UTF-8 (ncursesw drops every
  /// non-ASCII character there): borders `+-|`, bars `#`, and `?` for non-ASCII text.
  case ascii
}

/// Everything about a frame that is not in the view model or the size.
package struct RenderOptions: Hashable, Sendable {
  package var glyphs: GlyphSet

  package init(glyphs: GlyphSet = .unicode) {
    self.glyphs = glyphs
  }

  /// The glyph set's name as the terminal backend spells it.
  package typealias Glyphs = GlyphSet

  /// Full Unicode rendering (a UTF-8 locale).
  package static let unicode = RenderOptions(glyphs: .unicode)
  /// ASCII fallback rendering.
  package static let ascii = RenderOptions(glyphs: .ascii)
}
