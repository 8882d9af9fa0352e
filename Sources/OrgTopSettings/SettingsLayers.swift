import Configuration
import Foundation

/// The layers of one load as swift-configuration providers, read through one `ConfigReader` in
/// precedence order: flags, environment, profile, file defaults, built-in defaults. An
/// ``OriginRecorder`` learns which layer answered each lookup.
struct SettingsLayers {
  /// A value found, with its layer and its place for messages.
  struct Found<Value> {
    var value: Value
    var origin: Origin
    var place: String
  }

  private let reader: ConfigReader
  private let recorder = OriginRecorder()
  private var origins: [Origin] = []
  /// Only the profile and the file name a key source (never a flag, never the environment), so
  /// the key sources have a reader of their own over those two.
  private let keySourceReader: ConfigReader?
  private let keySourceRecorder = OriginRecorder()
  private var keySourceOrigins: [Origin] = []
  private let file: SettingsFile?
  private let profile: String?
  private let environment: [String: String]

  /// The built-in defaults, as the layer under all others.
  private static let builtIn: [SettingKey: String] = [
    .warn: "0.8", .critical: "0.95", .refresh: "60", .color: "auto", .logLevel: "info",
    .kiosk: "false", .rotate: "20", .bell: "false", .idleDays: "30", .anomalyFactor: "5",
  ]

  init(
    flags: SettingsFlags, environment: [String: String], file: SettingsFile?, profile: String?
  ) throws(SettingsError) {
    self.file = file
    self.profile = profile
    self.environment = environment
    var providers: [any ConfigProvider] = []
    var keySourceProviders: [any ConfigProvider] = []
    let flagValues = SettingKey.allCases.compactMap { key in
      flags.value(of: key).map { (AbsoluteConfigKey([key.rawValue]), ConfigValue.text($0)) }
    }
    providers.append(
      InMemoryProvider(name: "flags", values: Dictionary(uniqueKeysWithValues: flagValues)))
    origins.append(.flag)
    // The whole environment, where the admin key itself may be: the secrets specifier keeps
    // it out of the provider's descriptions and access logs. An empty variable counts as unset.
    providers.append(
      EnvironmentVariablesProvider(
        environmentVariables: environment.filter { !$0.value.isEmpty },
        secretsSpecifier: .dynamic { name, value in Self.mayBeSecret(name: name, value: value) }
      ).prefixKeys(with: ConfigKey(["orgtop"])))
    origins.append(.environment)
    if !(environment["NO_COLOR"] ?? "").isEmpty {
      // no-color.org: NO_COLOR ranks with the environment, under ORGTOP_COLOR, which is
      // orgtop's own and more specific.
      providers.append(
        InMemoryProvider(name: "NO_COLOR", values: [["color"]: .text(ColorMode.never.rawValue)]))
      origins.append(.environment)
    }
    if let file, !file.isEmpty {
      let yaml: YAMLFileProvider
      do {
        yaml = try YAMLFileProvider(data: file.data, name: file.path)
      } catch {
        throw SettingsError("\(file.path): cannot be read as YAML settings (\(error))")
      }
      if let profile {
        let scoped = yaml.prefixKeys(with: ConfigKey(["profiles", profile]))
        providers.append(scoped)
        keySourceProviders.append(scoped)
        origins.append(.profile)
        keySourceOrigins.append(.profile)
      }
      providers.append(yaml)
      keySourceProviders.append(yaml)
      origins.append(.file)
      keySourceOrigins.append(.file)
    }
    let defaults = Self.builtIn.map {
      (AbsoluteConfigKey([$0.key.rawValue]), ConfigValue.text($0.value))
    }
    providers.append(
      InMemoryProvider(name: "defaults", values: Dictionary(uniqueKeysWithValues: defaults)))
    origins.append(.builtIn)
    reader = ConfigReader(providers: providers, accessReporter: recorder)
    keySourceReader =
      keySourceProviders.isEmpty
      ? nil : ConfigReader(providers: keySourceProviders, accessReporter: keySourceRecorder)
  }

  /// The setting's text from the highest layer that has it; `nil` when none has.
  func text(_ key: SettingKey) -> Found<String>? {
    guard let value = reader.string(forKey: ConfigKey([key.rawValue])),
      let index = recorder.provider(answering: AbsoluteConfigKey([key.rawValue]))
    else { return nil }
    return Found(value: value, origin: origins[index], place: place(key, origins[index]))
  }

  /// The setting parsed; a value that does not parse names its place and what was expected.
  func value<Value>(_ key: SettingKey, _ parse: (String) -> Value?) throws(SettingsError)
    -> Found<Value>?
  {
    guard let found = text(key) else { return nil }
    guard let value = parse(found.value) else {
      throw SettingsError(
        "\(found.place): expected \(SettingValues.expectation(key)), "
          + "found \(SecretText.found(found.value))")
    }
    return Found(value: value, origin: found.origin, place: found.place)
  }

  /// The key source of the highest layer that names one, else the standard variables.
  func keySource() -> Setting<KeySource> {
    guard let reader = keySourceReader else { return Setting(.standard, .builtIn) }
    var best: (index: Int, source: KeySource)?
    func consider(_ key: SettingKey, _ source: KeySource?) {
      guard let source,
        let index = keySourceRecorder.provider(answering: AbsoluteConfigKey([key.rawValue])),
        index < best?.index ?? .max
      else { return }
      best = (index, source)
    }
    let env = reader.string(forKey: ConfigKey([SettingKey.adminKeyEnv.rawValue]), isSecret: true)
    consider(.adminKeyEnv, env.map { .environment([$0]) })
    let path = reader.string(
      forKey: ConfigKey([SettingKey.adminKeyFile.rawValue]), isSecret: true)
    consider(.adminKeyFile, path.map { .file(resolve(keyFile: $0)) })
    let argv = reader.stringArray(
      forKey: ConfigKey([SettingKey.adminKeyCommand.rawValue]), isSecret: true)
    consider(.adminKeyCommand, argv.map { .command($0) })
    guard let best else { return Setting(.standard, .builtIn) }
    return Setting(best.source, keySourceOrigins[best.index])
  }

  /// A command setting (a list, argv) from the profile or the file, never a flag or the
  /// environment; `nil` when neither names one.
  func command(_ key: SettingKey) -> Setting<[String]?> {
    guard let reader = keySourceReader,
      let argv = reader.stringArray(forKey: ConfigKey([key.rawValue])),
      let index = keySourceRecorder.provider(answering: AbsoluteConfigKey([key.rawValue]))
    else { return Setting(nil, .builtIn) }
    return Setting(argv, keySourceOrigins[index])
  }

  /// Where a layer's value of `key` stands, for messages.
  private func place(_ key: SettingKey, _ origin: Origin) -> String {
    switch origin {
    case .flag:
      return key.flag ?? key.rawValue
    case .environment:
      let variable = key.environmentVariable ?? key.rawValue
      return key == .color && (environment[variable] ?? "").isEmpty ? "NO_COLOR" : variable
    case .profile, .file:
      let entries = origin == .profile ? file?.profiles[profile ?? ""] : file?.defaults
      return "\(file?.path ?? "the file") line \(entries?[key]?.line ?? 0): \(key.rawValue)"
    case .builtIn:
      return "the default \(key.rawValue)"
    }
  }

  /// `~/x` in `$HOME`; a relative path beside the configuration file, not wherever orgtop
  /// happens to be started.
  private func resolve(keyFile path: String) -> String {
    if path.hasPrefix("~/") { return SettingsLoader.home(environment) + path.dropFirst() }
    if path.hasPrefix("/") { return path }
    let directory = URL(fileURLWithPath: file?.path ?? ".").deletingLastPathComponent()
    return directory.appendingPathComponent(path).path
  }

  /// Environment variables whose value could be a credential: the provider's descriptions and
  /// access logs show them redacted.
  private static func mayBeSecret(name: String, value: String) -> Bool {
    let upper = name.uppercased()
    return SecretText.looksLikeKey(value)
      || ["KEY", "TOKEN", "SECRET", "PASSWORD", "CREDENTIAL"].contains { upper.contains($0) }
  }
}

extension ConfigValue {
  /// A plain (not secret) text value.
  fileprivate static func text(_ text: String) -> ConfigValue {
    ConfigValue(.string(text), isSecret: false)
  }
}
