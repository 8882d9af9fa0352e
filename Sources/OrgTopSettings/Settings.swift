import Foundation

/// The settings every command uses, each with where it came from (docs/config.md).
///
/// One precedence for all of them: flags > environment > profile > file defaults > built-in
/// defaults. ``SettingsLoader`` builds it; nothing here holds key material, only the key's
/// source.
package struct Settings: Sendable {
  /// The active profile; `nil` when none is selected.
  package var profileName: String?
  /// The configuration file read; `nil` when none exists.
  package var configFile: String?
  /// The Admin API's base URL; a `nil` value is the built-in default, the production API.
  package var baseURL: Setting<String?>
  /// Where the admin key comes from; by default `ANTHROPIC_ADMIN_KEY`, then
  /// `ANTHROPIC_ADMIN_API_KEY`.
  package var keySource: Setting<KeySource>
  /// A monthly budget in dollars, exact (never through `Double`); `nil` when none is set.
  package var budget: Setting<Decimal?>
  /// `check`'s warning threshold, a fraction of the limit (0.8 by default).
  package var warn: Setting<Decimal>
  /// `check`'s critical threshold, a fraction of the limit (0.95 by default).
  package var critical: Setting<Decimal>
  /// Seconds between usage refreshes (60 by default, at least 10).
  package var refresh: Setting<Double>
  /// When to use colours (`auto` by default).
  package var color: Setting<ColorMode>
  /// A swift-log level name (`info` by default).
  package var logLevel: Setting<String>
  /// Kiosk mode for a wall screen (`false` by default).
  package var kiosk: Setting<Bool>
  /// Seconds each kiosk page stays (20 by default, at least 5).
  package var rotate: Setting<Double>
  /// Ring the terminal bell when spend first reaches a threshold in a month (`false`).
  package var bell: Setting<Bool>
  /// A command run once per threshold crossing per month, as argv; `nil` when none is set.
  package var onThreshold: Setting<[String]?>
  /// Days without use before a key is flagged idle (30 by default, 1 to 30).
  package var idleDays: Setting<Int>
  /// How many times its 7-day hourly median a key's last hour must be to be flagged (5).
  package var anomalyFactor: Setting<Double>
  /// Every profile of the file, sorted by name.
  package var profiles: [String]
}
