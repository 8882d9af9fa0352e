/// When to use colours.
package enum ColorMode: String, Sendable, CaseIterable {
  /// Colours when the terminal has them.
  case auto
  /// Colours even when the terminal does not say it has them.
  case always
  /// No colours (what a non-empty `NO_COLOR` asks for).
  case never
}
