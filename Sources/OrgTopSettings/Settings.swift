import Foundation

/// The settings every command uses, each with where it came from (docs/config.md).
package struct Settings: Sendable {
  /// The active profile; `nil` when none is selected.
  package var profileName: String?
  /// The configuration file read; `nil` when none exists.
  package var configFile: String?
  /// `nil`: the built-in default, the production API.
  package var baseURL: Setting<String?>
  package var keySource: Setting<KeySource>
  /// A monthly budget in dollars, exact.
  package var budget: Setting<Decimal?>
  package var warn: Setting<Decimal>
  package var critical: Setting<Decimal>
  /// Seconds between usage refreshes.
  package var refresh: Setting<Double>
  package var color: Setting<ColorMode>
  /// A swift-log level name.
  package var logLevel: Setting<String>
  /// Every profile of the file, sorted by name.
  package var profiles: [String]
}

/// A setting's value and the layer it came from.
package struct Setting<Value: Sendable>: Sendable {
  package var value: Value
  package var origin: Origin

  package init(_ value: Value, _ origin: Origin) {
    self.value = value
    self.origin = origin
  }
}

/// The layers, highest precedence first.
package enum Origin: String, Sendable, CaseIterable {
  case flag
  case environment
  case profile
  /// The file's top-level defaults.
  case file
  case builtIn = "default"
}

/// When to use colours.
package enum ColorMode: String, Sendable, CaseIterable {
  /// Honour `NO_COLOR` and what the terminal can do.
  case auto
  case always
  case never
}

/// Where the admin key comes from. Never the key itself: the command line and the file name a
/// source, and only ``KeyResolver`` reads the key.
package enum KeySource: Sendable, Hashable, CustomStringConvertible {
  /// The first of these environment variables that is set.
  case environment([String])
  /// The first line of a file only its owner can read.
  case file(String)
  /// The first line of a command's output; argv, run without a shell.
  case command([String])

  /// The default: `ANTHROPIC_ADMIN_KEY`, then `ANTHROPIC_ADMIN_API_KEY`.
  package static let standard = KeySource.environment([
    "ANTHROPIC_ADMIN_KEY", "ANTHROPIC_ADMIN_API_KEY",
  ])

  package var description: String {
    switch self {
    case .environment(let names): names.joined(separator: " or ")
    case .file(let path): "admin_key_file \(path)"
    // An argument that is itself a key (`echo sk-ant-…` in a test setup) is masked.
    case .command(let argv):
      "admin_key_command `\(argv.map { $0.hasPrefix("sk-ant-") ? "sk-ant-…" : $0 }.joined(separator: " "))`"
    }
  }
}

/// What the command line said; every field optional, so a flag overrides only when given.
package struct SettingsFlags: Sendable {
  package var configFile: String?
  package var profile: String?
  package var baseURL: String?
  package var budget: String?
  package var warn: String?
  package var critical: String?
  package var refresh: String?
  package var color: String?
  package var logLevel: String?

  package init(
    configFile: String? = nil, profile: String? = nil, baseURL: String? = nil,
    budget: String? = nil, warn: String? = nil, critical: String? = nil, refresh: String? = nil,
    color: String? = nil, logLevel: String? = nil
  ) {
    self.configFile = configFile
    self.profile = profile
    self.baseURL = baseURL
    self.budget = budget
    self.warn = warn
    self.critical = critical
    self.refresh = refresh
    self.color = color
    self.logLevel = logLevel
  }
}

/// A configuration that cannot be used, said with its place: the file and line, the variable
/// or the flag, and what was expected.
package struct SettingsError: Error, CustomStringConvertible, Sendable, Equatable {
  package var description: String

  package init(_ description: String) { self.description = description }
}
