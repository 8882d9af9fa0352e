import Foundation

/// Loads the settings: one precedence, flags > environment > profile > file defaults >
/// built-in defaults (docs/config.md), every value checked and kept with its origin.
package enum SettingsLoader {
  /// The configuration file's default place: `$XDG_CONFIG_HOME/orgtop/config.yaml`, or
  /// `~/.config/orgtop/config.yaml` when `XDG_CONFIG_HOME` is unset, empty or relative (the XDG
  /// specification says to ignore a relative one).
  package static func defaultConfigPath(environment: [String: String]) -> String {
    if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
      return config + "/orgtop/config.yaml"
    }
    return home(environment) + "/.config/orgtop/config.yaml"
  }

  /// Reads the file (if any), picks the profile (`--profile`, then `ORGTOP_PROFILE`, then the
  /// file's `default_profile`, else none) and layers the settings.
  package static func load(flags: SettingsFlags, environment: [String: String])
    throws(SettingsError) -> Settings
  {
    try load(requested: nil, flags: flags, environment: environment)
  }

  /// The settings of one named profile (for `check --all-profiles` and the dashboard's profile
  /// switch), layered the same way; `--profile` and `ORGTOP_PROFILE` do not apply.
  package static func load(
    profile: String, flags: SettingsFlags, environment: [String: String]
  ) throws(SettingsError) -> Settings {
    try load(requested: profile, flags: flags, environment: environment)
  }

  private static func load(
    requested: String?, flags: SettingsFlags, environment: [String: String]
  ) throws(SettingsError) -> Settings {
    let explicit =
      nonEmpty(flags.configFile).map { ($0, "--config") }
      ?? nonEmpty(environment["ORGTOP_CONFIG"]).map { ($0, "ORGTOP_CONFIG") }
    let path =
      explicit.map { expand($0.0, environment) } ?? defaultConfigPath(environment: environment)
    let file = try SettingsFile.read(path: path)
    if file == nil, let (_, namedBy) = explicit {
      throw SettingsError("\(path): no such configuration file (named by \(namedBy))")
    }
    let profile = try chooseProfile(
      requested: requested, flags: flags, environment: environment, file: file, path: path)
    let layers = try SettingsLayers(
      flags: flags, environment: environment, file: file, profile: profile)
    let warn = try layers.value(.warn, SettingValues.fraction)
    let critical = try layers.value(.critical, SettingValues.fraction)
    if let warn, let critical, warn.value > critical.value {
      throw SettingsError(
        "warn \(warn.value) (\(warn.place)) is above critical \(critical.value) "
          + "(\(critical.place)): warn must be at most critical")
    }
    return Settings(
      profileName: profile, configFile: file?.path,
      baseURL: setting(try layers.value(.baseURL, SettingValues.url)),
      keySource: layers.keySource(),
      budget: setting(try layers.value(.budget, SettingValues.dollars)),
      warn: Setting(warn?.value ?? 0.8, warn?.origin ?? .builtIn),
      critical: Setting(critical?.value ?? 0.95, critical?.origin ?? .builtIn),
      refresh: try required(layers.value(.refresh, SettingValues.refresh), 60),
      color: try required(layers.value(.color, SettingValues.color), .auto),
      logLevel: try required(layers.value(.logLevel, SettingValues.logLevel), "info"),
      kiosk: try required(layers.value(.kiosk, SettingValues.boolean), false),
      rotate: try required(layers.value(.rotate, SettingValues.rotation), 20),
      bell: try required(layers.value(.bell, SettingValues.boolean), false),
      onThreshold: layers.command(.onThreshold),
      idleDays: try required(layers.value(.idleDays, SettingValues.idleDays), 30),
      anomalyFactor: try required(layers.value(.anomalyFactor, SettingValues.factor), 5),
      profiles: file?.profiles.keys.sorted() ?? [])
  }

  /// The profile asked for, else `ORGTOP_PROFILE`, else the file's default; it must exist.
  private static func chooseProfile(
    requested: String?, flags: SettingsFlags, environment: [String: String],
    file: SettingsFile?, path: String
  ) throws(SettingsError) -> String? {
    let chosen =
      requested.map { ($0, "") }
      ?? nonEmpty(flags.profile).map { ($0, "") }
      ?? nonEmpty(environment["ORGTOP_PROFILE"]).map { ($0, " (named by ORGTOP_PROFILE)") }
      ?? file?.defaultProfile.map { ($0.name, "") }
    guard let (name, namedBy) = chosen else { return nil }
    guard let file else {
      throw SettingsError("no profile '\(name)'\(namedBy): no configuration file at \(path)")
    }
    guard file.profiles[name] != nil else {
      throw SettingsError(SettingsFile.noProfile(name, in: path, file.profiles) + namedBy)
    }
    return name
  }

  /// A setting with no built-in value: `nil` from the defaults when no layer has one.
  private static func setting<Value>(_ found: SettingsLayers.Found<Value>?) -> Setting<Value?> {
    found.map { Setting(Optional($0.value), $0.origin) } ?? Setting(nil, .builtIn)
  }

  /// A setting that always has a value (the built-in layer has one; `fallback` only if not).
  private static func required<Value>(_ found: SettingsLayers.Found<Value>?, _ fallback: Value)
    -> Setting<Value>
  {
    found.map { Setting($0.value, $0.origin) } ?? Setting(fallback, .builtIn)
  }

  private static func nonEmpty(_ text: String?) -> String? {
    guard let text, !text.isEmpty else { return nil }
    return text
  }

  /// `$HOME`, or the account's home when it is unset.
  static func home(_ environment: [String: String]) -> String {
    nonEmpty(environment["HOME"]) ?? NSHomeDirectory()
  }

  /// `~/x` as `$HOME/x`.
  static func expand(_ path: String, _ environment: [String: String]) -> String {
    path.hasPrefix("~/") ? home(environment) + path.dropFirst() : path
  }
}
