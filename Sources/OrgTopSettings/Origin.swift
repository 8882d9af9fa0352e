/// The layers of the settings, highest precedence first. The raw values are what
/// `orgtop info` prints.
package enum Origin: String, Sendable, CaseIterable {
  /// A command-line flag.
  case flag
  /// An `ORGTOP_*` variable (or `NO_COLOR`).
  case environment
  /// The active profile of the configuration file.
  case profile
  /// The configuration file's top-level defaults.
  case file
  /// orgtop's own default.
  case builtIn = "default"
}
