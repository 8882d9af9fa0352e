import Foundation
import Testing

@testable import OrgTopSettings

@Suite("Profiles and the configuration file's place")
struct ProfileTests {
  static let config = """
    default_profile: c
    budget: 100
    profiles:
      b:
        budget: 200
      a:
        budget: 300
      c:
        budget: 400
    """

  @Test func theProfileIsTheFlagThenOrgtopProfileThenDefaultProfile() throws {
    let directory = try TestDirectory()
    try directory.writeConfig(Self.config)
    let environment = directory.environment(["ORGTOP_PROFILE": "b"])
    let flagged = try SettingsLoader.load(
      flags: SettingsFlags(profile: "a"), environment: environment)
    #expect(flagged.profileName == "a" && flagged.budget.value == 300)
    let fromEnvironment = try SettingsLoader.load(
      flags: SettingsFlags(), environment: environment)
    #expect(fromEnvironment.profileName == "b" && fromEnvironment.budget.value == 200)
    let byDefault = try SettingsLoader.load(
      flags: SettingsFlags(), environment: directory.environment())
    #expect(byDefault.profileName == "c" && byDefault.budget.value == 400)
    #expect(byDefault.budget.origin == .profile)
    #expect(byDefault.profiles == ["a", "b", "c"])
    #expect(byDefault.configFile == directory.configPath)
  }

  @Test func withoutADefaultProfileNoProfileApplies() throws {
    let directory = try TestDirectory()
    try directory.writeConfig(
      Self.config.replacingOccurrences(of: "default_profile: c\n", with: ""))
    let settings = try SettingsLoader.load(
      flags: SettingsFlags(), environment: directory.environment())
    #expect(settings.profileName == nil)
    #expect(settings.budget.value == 100 && settings.budget.origin == .file)
    #expect(settings.profiles == ["a", "b", "c"])
  }

  /// `check --all-profiles` and the dashboard's switch name the profile; the flag and the
  /// variable that pick one do not apply, the other flags still do.
  @Test func aNamedProfileOverridesTheChoice() throws {
    let directory = try TestDirectory()
    try directory.writeConfig(Self.config)
    let settings = try SettingsLoader.load(
      profile: "a", flags: SettingsFlags(profile: "b", refresh: "90"),
      environment: directory.environment(["ORGTOP_PROFILE": "c"]))
    #expect(settings.profileName == "a" && settings.budget.value == 300)
    #expect(settings.refresh.value == 90 && settings.refresh.origin == .flag)
  }

  @Test func anUnknownProfileListsTheProfiles() throws {
    let directory = try TestDirectory()
    try directory.writeConfig(Self.config)
    let path = directory.configPath
    let byFlag = #expect(throws: SettingsError.self) {
      try SettingsLoader.load(
        flags: SettingsFlags(profile: "x"), environment: directory.environment())
    }
    #expect(byFlag?.description == "no profile 'x' in \(path) (profiles: a, b, c)")
    let byVariable = #expect(throws: SettingsError.self) {
      try SettingsLoader.load(
        flags: SettingsFlags(), environment: directory.environment(["ORGTOP_PROFILE": "y"]))
    }
    #expect(
      byVariable?.description
        == "no profile 'y' in \(path) (profiles: a, b, c) (named by ORGTOP_PROFILE)")
    let named = #expect(throws: SettingsError.self) {
      try SettingsLoader.load(
        profile: "z", flags: SettingsFlags(), environment: directory.environment())
    }
    #expect(named?.description.hasPrefix("no profile 'z' in \(path)") == true)
  }

  @Test func aDefaultProfileThatDoesNotExistIsReportedWithItsLine() throws {
    let directory = try TestDirectory()
    try directory.writeConfig("warn: 0.5\ndefault_profile: prod\nprofiles:\n  production: {}\n")
    let error = #expect(throws: SettingsError.self) {
      try SettingsLoader.load(flags: SettingsFlags(), environment: directory.environment())
    }
    #expect(
      error?.description
        == "\(directory.configPath) line 2: default_profile: no profile 'prod' in "
        + "\(directory.configPath) (profiles: production)")
  }

  @Test func aProfileWithoutAFileIsAnError() throws {
    let directory = try TestDirectory()
    let error = #expect(throws: SettingsError.self) {
      try SettingsLoader.load(
        flags: SettingsFlags(profile: "p"), environment: directory.environment())
    }
    #expect(
      error?.description == "no profile 'p': no configuration file at \(directory.configPath)")
  }

  @Test func anEmptyProfileTakesTheFileDefaults() throws {
    let directory = try TestDirectory()
    try directory.writeConfig("refresh: 120\nprofiles:\n  empty:\n  braces: {}\n")
    for name in ["empty", "braces"] {
      let settings = try SettingsLoader.load(
        profile: name, flags: SettingsFlags(), environment: directory.environment())
      #expect(settings.refresh.value == 120 && settings.refresh.origin == .file)
    }
  }

  @Test func aMissingFileIsFine() throws {
    let directory = try TestDirectory()
    let settings = try SettingsLoader.load(
      flags: SettingsFlags(), environment: directory.environment())
    #expect(settings.configFile == nil)
  }

  @Test(arguments: ["", "# only a comment\n", "---\n", "\n\n"])
  func anEmptyFileIsFine(_ text: String) throws {
    let directory = try TestDirectory()
    try directory.writeConfig(text)
    let settings = try SettingsLoader.load(
      flags: SettingsFlags(), environment: directory.environment())
    #expect(settings.configFile == directory.configPath)
    #expect(settings.profiles.isEmpty && settings.refresh.origin == .builtIn)
  }

  @Test func configFlagThenOrgtopConfigThenTheDefaultPlace() throws {
    let directory = try TestDirectory()
    try directory.writeConfig("budget: 1\n")
    let second = try directory.write("budget: 2\n", to: "second.yaml")
    let third = try directory.write("budget: 3\n", to: "third.yaml")
    let environment = directory.environment(["ORGTOP_CONFIG": third])
    let flagged = try SettingsLoader.load(
      flags: SettingsFlags(configFile: second), environment: environment)
    #expect(flagged.budget.value == 2 && flagged.configFile == second)
    let variable = try SettingsLoader.load(flags: SettingsFlags(), environment: environment)
    #expect(variable.budget.value == 3 && variable.configFile == third)
    let tilde = try SettingsLoader.load(
      flags: SettingsFlags(configFile: "~/second.yaml"), environment: directory.environment())
    #expect(tilde.budget.value == 2)
  }

  @Test func aConfigFileThatWasNamedMustExist() throws {
    let directory = try TestDirectory()
    let missing = directory.path + "/nowhere.yaml"
    let error = #expect(throws: SettingsError.self) {
      try SettingsLoader.load(
        flags: SettingsFlags(configFile: missing), environment: directory.environment())
    }
    #expect(error?.description == "\(missing): no such configuration file (named by --config)")
  }

  @Test func theDefaultPathFollowsXDG() {
    #expect(
      SettingsLoader.defaultConfigPath(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"])
        == "/x/orgtop/config.yaml")
    #expect(
      SettingsLoader.defaultConfigPath(environment: ["HOME": "/h"])
        == "/h/.config/orgtop/config.yaml")
    // The XDG specification: a relative XDG_CONFIG_HOME is ignored.
    #expect(
      SettingsLoader.defaultConfigPath(environment: ["XDG_CONFIG_HOME": "rel", "HOME": "/h"])
        == "/h/.config/orgtop/config.yaml")
  }
}
