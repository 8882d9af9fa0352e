import Foundation
import OrgTopSettings
import Testing

/// One precedence for every setting, profiles, and the messages of a file that cannot be used.
@Suite("Settings: layers, profiles, file errors")
struct SettingsLoaderTests {
  /// A temporary configuration directory with `config.yaml` holding `yaml`.
  static func home(_ yaml: String?) throws -> [String: String] {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("orgtop-settings-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(
      atPath: root + "/orgtop", withIntermediateDirectories: true)
    if let yaml {
      try yaml.write(toFile: root + "/orgtop/config.yaml", atomically: true, encoding: .utf8)
    }
    return ["XDG_CONFIG_HOME": root, "HOME": root]
  }

  static let twoProfiles = """
    default_profile: production
    budget: 100
    warn: 0.5
    profiles:
      production:
        budget: 200
        refresh: 30
      staging:
        base_url: http://127.0.0.1:8787
        color: never
    """

  @Test func everyLayerOverridesTheOneBelowAndSaysSo() throws {
    let environment = try Self.home(Self.twoProfiles)
    // Built-in only.
    let none = try SettingsLoader.load(flags: SettingsFlags(), environment: ["HOME": "/nowhere"])
    #expect(none.budget.value == nil && none.budget.origin == .builtIn)
    #expect(none.warn.value == Decimal(string: "0.8") && none.warn.origin == .builtIn)
    #expect(none.refresh.value == 60 && none.configFile == nil && none.profileName == nil)
    // The file's defaults, under the default profile.
    let file = try SettingsLoader.load(flags: SettingsFlags(), environment: environment)
    #expect(file.profileName == "production")
    #expect(file.warn.value == Decimal(string: "0.5") && file.warn.origin == .file)
    #expect(file.budget.value == 200 && file.budget.origin == .profile)
    #expect(file.refresh.value == 30 && file.refresh.origin == .profile)
    #expect(file.profiles == ["production", "staging"])
    // The environment over the profile, the flag over the environment.
    var withEnvironment = environment
    withEnvironment["ORGTOP_BUDGET"] = "300"
    let fromEnvironment = try SettingsLoader.load(
      flags: SettingsFlags(), environment: withEnvironment)
    #expect(fromEnvironment.budget.value == 300 && fromEnvironment.budget.origin == .environment)
    let fromFlag = try SettingsLoader.load(
      flags: SettingsFlags(budget: "1250.50"), environment: withEnvironment)
    #expect(fromFlag.budget.value == Decimal(string: "1250.50"))
    #expect(fromFlag.budget.origin == .flag)
  }

  @Test func theProfileComesFromTheFlagThenTheEnvironmentThenTheFile() throws {
    var environment = try Self.home(Self.twoProfiles)
    #expect(
      try SettingsLoader.load(flags: SettingsFlags(), environment: environment).profileName
        == "production")
    environment["ORGTOP_PROFILE"] = "staging"
    let staging = try SettingsLoader.load(flags: SettingsFlags(), environment: environment)
    #expect(staging.profileName == "staging")
    #expect(staging.baseURL.value == "http://127.0.0.1:8787" && staging.baseURL.origin == .profile)
    #expect(staging.color.value == .never && staging.budget.value == 100)
    let flagged = try SettingsLoader.load(
      flags: SettingsFlags(profile: "production"), environment: environment)
    #expect(flagged.profileName == "production")
    #expect(throws: SettingsError.self) {
      try SettingsLoader.load(flags: SettingsFlags(profile: "prod"), environment: environment)
    }
    do {
      _ = try SettingsLoader.load(flags: SettingsFlags(profile: "prod"), environment: environment)
    } catch {
      #expect(error.description.contains("no profile 'prod'"))
      #expect(error.description.contains("(profiles: production, staging)"))
    }
  }

  @Test func noColorMeansNeverUnlessAFlagOrORGTOPColorSaysOtherwise() throws {
    var environment = try Self.home(nil)
    environment["NO_COLOR"] = "1"
    let never = try SettingsLoader.load(flags: SettingsFlags(), environment: environment)
    #expect(never.color.value == .never && never.color.origin == .environment)
    let always = try SettingsLoader.load(
      flags: SettingsFlags(color: "always"), environment: environment)
    #expect(always.color.value == .always && always.color.origin == .flag)
  }

  @Test func aMissingDefaultFileIsFineAMissingNamedFileIsNot() throws {
    let environment = try Self.home(nil)
    let settings = try SettingsLoader.load(flags: SettingsFlags(), environment: environment)
    #expect(settings.configFile == nil)
    #expect(throws: SettingsError.self) {
      try SettingsLoader.load(
        flags: SettingsFlags(configFile: "/nonexistent/x.yaml"), environment: environment)
    }
  }

  @Test(arguments: [
    ("budget: [5\nwarn: 1\n", "not valid YAML: line 2"),
    ("profiles:\n  a:\n    bugdet: 5\n", "line 3: profile a: unknown setting 'bugdet'"),
    ("warn: 0.9\nbudget: lots\n", "line 2: budget: expected an amount in dollars"),
    ("refresh: 5\n", "line 1: refresh: expected seconds, at least 10, found \"5\""),
    ("color: blue\n", "line 1: color: expected auto, always or never"),
    ("base_url: ftp://x\n", "line 1: base_url: expected an http or https URL"),
    ("default_profile: nope\nprofiles:\n  a: {}\n", "line 1: default_profile: no profile 'nope'"),
    (
      "profiles:\n  a:\n    admin_key_env: X\n    admin_key_file: /k\n",
      "line 4: profile a: one key source at a time"
    ),
    ("admin_key_command: pass show x\n", "admin_key_command: expected a list"),
  ])
  func aBadFileSaysWhereAndWhatWasExpected(_ yaml: String, _ message: String) throws {
    let environment = try Self.home(yaml)
    do {
      _ = try SettingsLoader.load(flags: SettingsFlags(), environment: environment)
      Issue.record("accepted: \(yaml)")
    } catch {
      #expect(error.description.contains("config.yaml"), "\(error)")
      #expect(error.description.contains(message), "\(error)")
    }
  }

  @Test func aBadEnvironmentValueOrFlagIsNamed() throws {
    var environment = try Self.home(nil)
    environment["ORGTOP_WARN"] = "eighty"
    do {
      _ = try SettingsLoader.load(flags: SettingsFlags(), environment: environment)
      Issue.record("accepted")
    } catch {
      #expect(error.description.hasPrefix("ORGTOP_WARN: expected a fraction"))
    }
    do {
      _ = try SettingsLoader.load(
        flags: SettingsFlags(warn: "0.9", critical: "0.5"), environment: [:])
      Issue.record("accepted warn above critical")
    } catch {
      #expect(error.description.contains("must not exceed"))
    }
  }
}
