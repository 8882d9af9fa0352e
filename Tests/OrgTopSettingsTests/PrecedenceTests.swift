import Foundation
import Testing

@testable import OrgTopSettings

/// One setting across the five layers: its file key, a distinct value per layer (file,
/// profile, environment, flag), its built-in default, and how to read it back as text.
struct LayeredSetting: Sendable, CustomTestStringConvertible {
  let key: String
  let file: String
  let profile: String
  let environment: String
  let flag: String
  let builtIn: String
  let setFlag: @Sendable (inout SettingsFlags, String) -> Void
  let read: @Sendable (Settings) -> (String, Origin)

  var testDescription: String { key }

  static let all: [LayeredSetting] = [
    LayeredSetting(
      key: "base_url", file: "https://file.example", profile: "https://profile.example",
      environment: "http://127.0.0.1:9000", flag: "https://flag.example", builtIn: "nil",
      setFlag: { $0.baseURL = $1 }, read: { ($0.baseURL.value ?? "nil", $0.baseURL.origin) }),
    LayeredSetting(
      key: "budget", file: "1000", profile: "2000.25", environment: "3000.5",
      flag: "4000.125", builtIn: "nil", setFlag: { $0.budget = $1 },
      read: { ($0.budget.value.map { "\($0)" } ?? "nil", $0.budget.origin) }),
    LayeredSetting(
      key: "warn", file: "0.5", profile: "0.6", environment: "0.7", flag: "0.75",
      builtIn: "0.8", setFlag: { $0.warn = $1 }, read: { ("\($0.warn.value)", $0.warn.origin) }),
    LayeredSetting(
      key: "critical", file: "0.96", profile: "0.97", environment: "0.98", flag: "0.99",
      builtIn: "0.95", setFlag: { $0.critical = $1 },
      read: { ("\($0.critical.value)", $0.critical.origin) }),
    LayeredSetting(
      key: "refresh", file: "30", profile: "40", environment: "50", flag: "70", builtIn: "60",
      setFlag: { $0.refresh = $1 },
      read: { (String(Int($0.refresh.value)), $0.refresh.origin) }),
    LayeredSetting(
      key: "color", file: "never", profile: "always", environment: "never", flag: "always",
      builtIn: "auto", setFlag: { $0.color = $1 },
      read: { ($0.color.value.rawValue, $0.color.origin) }),
    LayeredSetting(
      key: "log_level", file: "debug", profile: "notice", environment: "warning",
      flag: "error", builtIn: "info", setFlag: { $0.logLevel = $1 },
      read: { ($0.logLevel.value, $0.logLevel.origin) }),
  ]

  var variable: String { "ORGTOP_" + key.uppercased() }
}

@Suite("Precedence: flags > environment > profile > file defaults > built-in defaults")
struct PrecedenceTests {
  /// Every layer set, then removed from the top one by one: each time the next layer shows,
  /// with its origin.
  @Test(arguments: LayeredSetting.all)
  func eachLayerWinsOverTheOnesBelow(_ setting: LayeredSetting) throws {
    let directory = try TestDirectory()
    func config(file: Bool, profile: Bool) -> String {
      var text = "default_profile: p\n"
      if file { text += "\(setting.key): \(setting.file)\n" }
      text += "profiles:\n  p:\n"
      text += profile ? "    \(setting.key): \(setting.profile)\n" : "    {}\n"
      return text
    }
    var flags = SettingsFlags()
    setting.setFlag(&flags, setting.flag)
    let environment = directory.environment([setting.variable: setting.environment])

    try directory.writeConfig(config(file: true, profile: true))
    let all = try SettingsLoader.load(flags: flags, environment: environment)
    #expect(setting.read(all) == (setting.flag, .flag))
    let noFlag = try SettingsLoader.load(flags: SettingsFlags(), environment: environment)
    #expect(setting.read(noFlag) == (setting.environment, .environment))
    let noEnvironment = try SettingsLoader.load(
      flags: SettingsFlags(), environment: directory.environment())
    #expect(setting.read(noEnvironment) == (setting.profile, .profile))
    #expect(noEnvironment.profileName == "p")

    try directory.writeConfig(config(file: true, profile: false))
    let fileOnly = try SettingsLoader.load(
      flags: SettingsFlags(), environment: directory.environment())
    #expect(setting.read(fileOnly) == (setting.file, .file))

    try directory.writeConfig(config(file: false, profile: false))
    let builtIn = try SettingsLoader.load(
      flags: SettingsFlags(), environment: directory.environment())
    #expect(setting.read(builtIn) == (setting.builtIn, .builtIn))
  }

  @Test func withNoFileEverySettingIsTheBuiltInDefault() throws {
    let directory = try TestDirectory()
    let settings = try SettingsLoader.load(
      flags: SettingsFlags(), environment: directory.environment())
    #expect(settings.configFile == nil)
    #expect(settings.profileName == nil)
    #expect(settings.profiles.isEmpty)
    #expect(settings.baseURL.value == nil && settings.baseURL.origin == .builtIn)
    #expect(settings.keySource.value == .standard && settings.keySource.origin == .builtIn)
    #expect(
      settings.keySource.value == .environment(["ANTHROPIC_ADMIN_KEY", "ANTHROPIC_ADMIN_API_KEY"]))
    #expect(settings.budget.value == nil && settings.budget.origin == .builtIn)
    #expect(settings.warn.value == Decimal(string: "0.8"))
    #expect(settings.critical.value == Decimal(string: "0.95"))
    #expect(settings.refresh.value == 60)
    #expect(settings.color.value == .auto)
    #expect(settings.logLevel.value == "info")
    for origin in [
      settings.warn.origin, settings.critical.origin, settings.refresh.origin,
      settings.color.origin, settings.logLevel.origin,
    ] {
      #expect(origin == .builtIn)
    }
  }

  /// Dollars are read from the text, never through `Double`: 2^53 + 1 and cents survive.
  @Test func budgetIsExact() throws {
    let directory = try TestDirectory()
    try directory.writeConfig("budget: 9007199254740993.01\n")
    let fromFile = try SettingsLoader.load(
      flags: SettingsFlags(), environment: directory.environment())
    #expect(fromFile.budget.value == Decimal(string: "9007199254740993.01"))
    let fromFlag = try SettingsLoader.load(
      flags: SettingsFlags(budget: "1250.10"), environment: directory.environment())
    #expect(fromFlag.budget.value == Decimal(string: "1250.1"))
    #expect("\(fromFlag.budget.value ?? 0)" == "1250.1")
  }

  @Test func noColorMeansNeverFromTheEnvironmentUnderAFlagAndOrgtopColor() throws {
    let directory = try TestDirectory()
    try directory.writeConfig("color: always\nprofiles:\n  p:\n    color: always\n")
    let environment = directory.environment(["NO_COLOR": "1", "ORGTOP_PROFILE": "p"])
    let plain = try SettingsLoader.load(flags: SettingsFlags(), environment: environment)
    #expect(plain.color.value == .never && plain.color.origin == .environment)
    let flagged = try SettingsLoader.load(
      flags: SettingsFlags(color: "always"), environment: environment)
    #expect(flagged.color.value == .always && flagged.color.origin == .flag)
    var specific = environment
    specific["ORGTOP_COLOR"] = "always"
    let own = try SettingsLoader.load(flags: SettingsFlags(), environment: specific)
    #expect(own.color.value == .always && own.color.origin == .environment)
    var empty = environment
    empty["NO_COLOR"] = ""
    let unset = try SettingsLoader.load(flags: SettingsFlags(), environment: empty)
    #expect(unset.color.value == .always && unset.color.origin == .profile)
  }

  @Test func anEmptyVariableOrFlagIsUnset() throws {
    let directory = try TestDirectory()
    try directory.writeConfig("budget: 5000\n")
    let settings = try SettingsLoader.load(
      flags: SettingsFlags(profile: ""),
      environment: directory.environment(["ORGTOP_BUDGET": "", "ORGTOP_PROFILE": ""]))
    #expect(settings.budget.value == 5000 && settings.budget.origin == .file)
    #expect(settings.profileName == nil)
  }

  /// Only the profile and the file name a key source: no `ORGTOP_ADMIN_KEY_*` variable does.
  @Test func theEnvironmentNamesNoKeySource() throws {
    let directory = try TestDirectory()
    let settings = try SettingsLoader.load(
      flags: SettingsFlags(),
      environment: directory.environment([
        "ORGTOP_ADMIN_KEY_FILE": "/tmp/key", "ORGTOP_ADMIN_KEY_ENV": "OTHER",
      ]))
    #expect(settings.keySource.value == .standard && settings.keySource.origin == .builtIn)
  }
}
