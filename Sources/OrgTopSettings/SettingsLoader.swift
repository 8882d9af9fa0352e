import Configuration
import Foundation

/// Loads the settings: one precedence, flags > environment > profile > file defaults >
/// built-in defaults (docs/config.md), each value checked and kept with its origin.
///
/// Every layer is a swift-configuration provider read through a `ConfigReader` (the flags and
/// the file's layers in memory, the environment through `EnvironmentVariablesProvider`); the
/// layers are asked in order rather than merged into one reader because `orgtop info` shows
/// which layer each setting came from.
package enum SettingsLoader {
  /// The configuration file's default place: `$XDG_CONFIG_HOME/orgtop/config.yaml`, or
  /// `~/.config/orgtop/config.yaml` when `XDG_CONFIG_HOME` is unset or not absolute.
  package static func defaultConfigPath(environment: [String: String]) -> String {
    if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
      return config + "/orgtop/config.yaml"
    }
    return home(environment) + "/.config/orgtop/config.yaml"
  }

  /// The settings with the profile chosen by `--profile`, else `ORGTOP_PROFILE`, else the
  /// file's `default_profile`, else none.
  package static func load(flags: SettingsFlags, environment: [String: String])
    throws(SettingsError) -> Settings
  {
    try load(profile: nil, flags: flags, environment: environment)
  }

  /// The settings of one named profile (`nil`: chosen as ``load(flags:environment:)`` does).
  package static func load(
    profile requested: String?, flags: SettingsFlags, environment: [String: String]
  ) throws(SettingsError) -> Settings {
    let explicitPath = flags.configFile ?? environment["ORGTOP_CONFIG"]
    let path =
      explicitPath.map { expand($0, environment) } ?? defaultConfigPath(environment: environment)
    var file: SettingsFile?
    if FileManager.default.fileExists(atPath: path) {
      file = try SettingsFile(path: path)
    } else if explicitPath != nil {
      throw SettingsError("\(path): no such configuration file")
    }
    let profileName =
      requested ?? flags.profile ?? environment["ORGTOP_PROFILE"]
      ?? file?.defaultProfile.flatMap { entry -> String? in
        if case .text(let name) = entry.value { return name }
        return nil
      }
    var profile: [SettingKey: SettingsFile.Entry] = [:]
    if let profileName {
      guard let file else {
        throw SettingsError(
          "profile '\(profileName)' asked for, but there is no configuration file (\(path))")
      }
      guard let found = file.profiles[profileName] else {
        throw SettingsError(
          "no profile '\(profileName)' in \(path) (profiles: "
            + file.profiles.keys.sorted().joined(separator: ", ") + ")")
      }
      profile = found
    }
    let layers = Layers(
      flags: flags, environment: environment, profile: profile,
      defaults: file?.defaults ?? [:], path: path)
    let budget = try layers.value(
      .budget, parse: Self.dollars, expected: "an amount in dollars such as 5000 or 1250.50")
    let warn = try layers.value(
      .warn, parse: Self.fraction, expected: "a fraction of the limit such as 0.8")
    let critical = try layers.value(
      .critical, parse: Self.fraction, expected: "a fraction of the limit such as 0.95")
    let settings = Settings(
      profileName: profileName, configFile: file?.path,
      baseURL: try layers.value(.baseURL, parse: Self.url, expected: "an http or https URL")
        .map { Setting(Optional($0.value), $0.origin) } ?? Setting(nil, .builtIn),
      keySource: try layers.keySource(environment: environment),
      budget: budget.map { Setting(Optional($0.value), $0.origin) } ?? Setting(nil, .builtIn),
      warn: warn ?? Setting(Decimal(string: "0.8") ?? 0.8, .builtIn),
      critical: critical ?? Setting(Decimal(string: "0.95") ?? 0.95, .builtIn),
      refresh: try layers.value(.refresh, parse: Self.refresh, expected: "seconds, at least 10")
        ?? Setting(60, .builtIn),
      color: try layers.color() ?? Setting(.auto, .builtIn),
      logLevel: try layers.value(
        .logLevel, parse: { levels.contains($0) ? $0 : nil },
        expected: "one of " + levels.joined(separator: ", ")) ?? Setting("info", .builtIn),
      profiles: file?.profiles.keys.sorted() ?? [])
    if settings.warn.value > settings.critical.value {
      throw SettingsError(
        "warn (\(settings.warn.value), \(settings.warn.origin.rawValue)) must not exceed "
          + "critical (\(settings.critical.value), \(settings.critical.origin.rawValue))")
    }
    return settings
  }

  static let levels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]

  static func home(_ environment: [String: String]) -> String {
    environment["HOME"] ?? NSHomeDirectory()
  }

  /// `~/x` as `$HOME/x`.
  static func expand(_ path: String, _ environment: [String: String]) -> String {
    path.hasPrefix("~/") ? home(environment) + path.dropFirst() : path
  }

  static func dollars(_ text: String) -> Decimal? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
      trimmed.filter({ $0 == "." }).count <= 1, let value = Decimal(string: trimmed)
    else { return nil }
    return value
  }

  static func fraction(_ text: String) -> Decimal? {
    guard let value = dollars(text), value > 0, value <= 10 else { return nil }
    return value
  }

  static func refresh(_ text: String) -> Double? {
    guard let value = Double(text), value.isFinite, value >= 10 else { return nil }
    return value
  }

  static func url(_ text: String) -> String? {
    guard let components = URLComponents(string: text),
      ["http", "https"].contains(components.scheme?.lowercased() ?? ""),
      components.host?.isEmpty == false
    else { return nil }
    return text
  }
}

/// The layers of one load, highest precedence first, each read with a `ConfigReader`.
private struct Layers {
  let readers: [(Origin, ConfigReader, (SettingKey) -> String)]
  let environment: [String: String]

  init(
    flags: SettingsFlags, environment: [String: String],
    profile: [SettingKey: SettingsFile.Entry], defaults: [SettingKey: SettingsFile.Entry],
    path: String
  ) {
    self.environment = environment
    let flagValues: [SettingKey: String?] = [
      .baseURL: flags.baseURL, .budget: flags.budget, .warn: flags.warn,
      .critical: flags.critical, .refresh: flags.refresh, .color: flags.color,
      .logLevel: flags.logLevel,
    ]
    func provider(_ entries: [SettingKey: ConfigContent]) -> InMemoryProvider {
      InMemoryProvider(
        values: Dictionary(
          uniqueKeysWithValues: entries.map {
            (AbsoluteConfigKey([$0.key.rawValue]), ConfigValue($0.value, isSecret: false))
          }))
    }
    func content(_ entries: [SettingKey: SettingsFile.Entry]) -> [SettingKey: ConfigContent] {
      entries.mapValues {
        switch $0.value {
        case .text(let text): .string(text)
        case .list(let list): .stringArray(list)
        }
      }
    }
    func lines(_ entries: [SettingKey: SettingsFile.Entry], _ context: String) -> (SettingKey) ->
      String
    {
      { key in "\(path) line \(entries[key]?.line ?? 0): \(context)\(key.rawValue)" }
    }
    // Only ORGTOP_ variables are settings; NO_COLOR is read by ``color()``.
    var orgtopVariables: [String: String] = [:]
    for key in SettingKey.allCases {
      if let name = key.environmentVariable, let value = environment[name], !value.isEmpty {
        orgtopVariables[key.rawValue.uppercased()] = value
      }
    }
    readers = [
      (
        .flag,
        ConfigReader(
          provider: provider(flagValues.compactMapValues { $0.map(ConfigContent.string) })),
        { $0.flag ?? $0.rawValue }
      ),
      (
        .environment,
        ConfigReader(provider: EnvironmentVariablesProvider(environmentVariables: orgtopVariables)),
        { $0.environmentVariable ?? $0.rawValue }
      ),
      (.profile, ConfigReader(provider: provider(content(profile))), lines(profile, "profile: ")),
      (.file, ConfigReader(provider: provider(content(defaults))), lines(defaults, "")),
    ]
  }

  /// The first layer's value of `key`, parsed; a value that does not parse is an error that
  /// names its place and what was expected.
  func value<Value>(
    _ key: SettingKey, parse: (String) -> Value?, expected: String
  ) throws(SettingsError) -> Setting<Value>? {
    for (origin, reader, place) in readers {
      guard let text = reader.string(forKey: ConfigKey([key.rawValue])) else { continue }
      guard let value = parse(text) else {
        throw SettingsError("\(place(key)): expected \(expected), found \"\(text)\"")
      }
      return Setting(value, origin)
    }
    return nil
  }

  /// The colour mode; a non-empty `NO_COLOR` means `never` at the environment's precedence.
  func color() throws(SettingsError) -> Setting<ColorMode>? {
    let expected = "auto, always or never"
    for (origin, reader, place) in readers {
      // NO_COLOR ranks with the environment: below the flag and ORGTOP_COLOR, above the files.
      if origin == .profile, let noColor = environment["NO_COLOR"], !noColor.isEmpty {
        return Setting(.never, .environment)
      }
      guard let text = reader.string(forKey: ConfigKey(["color"])) else { continue }
      guard let mode = ColorMode(rawValue: text) else {
        throw SettingsError("\(place(.color)): expected \(expected), found \"\(text)\"")
      }
      return Setting(mode, origin)
    }
    return nil
  }

  /// The key source of the first layer that names one (the profile or the file), else the
  /// standard environment variables.
  func keySource(environment: [String: String]) throws(SettingsError) -> Setting<KeySource> {
    for (origin, reader, place) in readers where origin == .profile || origin == .file {
      if let name = reader.string(forKey: ConfigKey([SettingKey.adminKeyEnv.rawValue])) {
        guard name.range(of: "^[A-Za-z_][A-Za-z0-9_]*$", options: .regularExpression) != nil
        else {
          throw SettingsError(
            "\(place(.adminKeyEnv)): expected an environment variable name, found \"\(name)\"")
        }
        return Setting(.environment([name]), origin)
      }
      if let path = reader.string(forKey: ConfigKey([SettingKey.adminKeyFile.rawValue])) {
        return Setting(.file(SettingsLoader.expand(path, environment)), origin)
      }
      if let argv = reader.stringArray(forKey: ConfigKey([SettingKey.adminKeyCommand.rawValue])) {
        guard let first = argv.first, !first.isEmpty else {
          throw SettingsError(
            "\(place(.adminKeyCommand)): expected a command, such as [pass, show, x]")
        }
        return Setting(.command(argv), origin)
      }
      if reader.string(forKey: ConfigKey([SettingKey.adminKeyCommand.rawValue])) != nil {
        throw SettingsError(
          "\(place(.adminKeyCommand)): expected a list (argv, run without a shell), "
            + "such as [\"pass\", \"show\", \"anthropic/production\"]")
      }
    }
    return Setting(.standard, .builtIn)
  }
}
