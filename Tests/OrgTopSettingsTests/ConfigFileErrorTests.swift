import Foundation
import Testing

@testable import OrgTopSettings

@Suite("A malformed configuration stops with the file, the line and what was expected")
struct ConfigFileErrorTests {
  /// Loads `text` as the configuration file and returns the error's message.
  private func error(
    _ text: String, flags: SettingsFlags = SettingsFlags(), environment: [String: String] = [:]
  ) throws -> (message: String, path: String) {
    let directory = try TestDirectory()
    let path = try directory.writeConfig(text)
    let error = #expect(throws: SettingsError.self) {
      try SettingsLoader.load(flags: flags, environment: directory.environment(environment))
    }
    return (error?.description ?? "", path)
  }

  @Test func malformedYAMLGivesTheFileAndLine() throws {
    let (message, path) = try error("warn: 0.8\nprofiles:\n  a:\n    budget: \"unterminated\n")
    #expect(message.hasPrefix("\(path) line "), "\(message)")
    #expect(message.contains("not valid YAML"), "\(message)")
    let (tabs, tabsPath) = try error("warn: 0.8\nprofiles:\n\ta: {}\n")
    #expect(tabs.hasPrefix("\(tabsPath) line 3, column"), "\(tabs)")
  }

  @Test func aDuplicateKeyIsReportedWithoutQuotingTheFile() throws {
    let (message, path) = try error("budget: 1\nwarn: 0.5\nbudget: 2\n")
    #expect(message == "\(path) line 1: 'budget' given more than once in one mapping")
  }

  @Test func anUnknownKeyIsReportedWithItsLine() throws {
    let (message, path) = try error("warn: 0.8\n\nbugdet: 5000\n")
    #expect(message.hasPrefix("\(path) line 3: unknown setting 'bugdet' (known: default_profile, "))
    #expect(message.contains("budget") && message.contains("admin_key_command"))
    let (inProfile, profilePath) = try error("profiles:\n  a:\n    budget: 1\n    colour: never\n")
    #expect(inProfile.hasPrefix("\(profilePath) line 4: unknown setting 'colour' (known: base_url"))
    // The top-level keys are not settings of a profile.
    let (nested, _) = try error("profiles:\n  a:\n    default_profile: a\n")
    #expect(nested.contains("line 3: unknown setting 'default_profile'"))
  }

  /// Every setting's value is checked wherever it stands, even in a profile not in use.
  @Test(arguments: [
    (
      "budget: lots",
      "budget: expected an amount in dollars such as 5000 or 1250.50, found \"lots\""
    ),
    ("budget: -5", "budget: expected an amount in dollars"),
    ("budget: 0", "budget: expected an amount in dollars"),
    ("budget: 1e6", "budget: expected an amount in dollars"),
    ("budget: 1,000", "budget: expected an amount in dollars"),
    (
      "warn: 0",
      "warn: expected a fraction of the limit above 0 and at most 10, such as 0.8, found \"0\""
    ),
    ("warn: 11", "warn: expected a fraction of the limit"),
    ("critical: high", "critical: expected a fraction of the limit"),
    ("refresh: 5", "refresh: expected a number of seconds, at least 10, such as 60, found \"5\""),
    ("color: blue", "color: expected auto, always or never, found \"blue\""),
    (
      "log_level: loud",
      "log_level: expected one of trace, debug, info, notice, warning, error, critical"
    ),
    ("base_url: ftp://example.com", "base_url: expected an http or https URL"),
    ("base_url: api.anthropic.com", "base_url: expected an http or https URL"),
    ("budget:", "budget: expected an amount in dollars such as 5000 or 1250.50, found nothing"),
    (
      "budget: [1, 2]",
      "budget: expected an amount in dollars such as 5000 or 1250.50, found a list"
    ),
    (
      "budget: {a: 1}",
      "budget: expected an amount in dollars such as 5000 or 1250.50, found a mapping"
    ),
    ("admin_key_env: 1NAME", "admin_key_env: expected the name of an environment variable"),
    (
      "admin_key_command: pass show x",
      "admin_key_command: expected a command as a list (argv, run without a shell)"
    ),
    (
      "admin_key_command: []",
      "admin_key_command: expected a command as a list (argv, run without a shell) such as [\"pass\", \"show\", \"anthropic/production\"], found an empty list"
    ),
  ])
  func aBadValueNamesFileLineAndExpectation(_ line: String, _ expected: String) throws {
    let (message, path) = try error("# settings\nprofiles:\n  unused:\n    \(line)\n")
    #expect(message.hasPrefix("\(path) line 4: \(expected)"), "\(message)")
  }

  @Test func aKeyWrittenWhereItsVariableGoesIsRefusedWithoutShowingIt() throws {
    let key = "sk-ant-admin01-abcdefghijklmnopqrstuvwxyz"
    let (message, _) = try error("admin_key_env: \(key)\n")
    #expect(message.contains("admin_key_env names the environment variable that holds the key"))
    #expect(!message.contains("abcdefghij"))
    let (unknown, _) = try error("\(key): 1\n")
    #expect(!unknown.contains("abcdefghij"), "\(unknown)")
  }

  @Test func oneKeySourcePerLayer() throws {
    let (message, path) = try error(
      "admin_key_env: MY_KEY\nadmin_key_file: /tmp/key\n")
    #expect(
      message
        == "\(path) line 2: admin_key_file: one key source at a time, and admin_key_env is "
        + "already given on line 1")
    // A profile's source replaces the file's: not a conflict.
    let directory = try TestDirectory()
    try directory.writeConfig(
      "admin_key_env: MY_KEY\nprofiles:\n  p:\n    admin_key_file: /tmp/key\n")
    let settings = try SettingsLoader.load(
      profile: "p", flags: SettingsFlags(), environment: directory.environment())
    #expect(settings.keySource.value == .file("/tmp/key"))
  }

  @Test func warnAboveCriticalInOneMapping() throws {
    let (message, path) = try error("warn: 0.9\ncritical: 0.8\n")
    #expect(
      message
        == "\(path) line 1: warn: 0.9 is above critical 0.8 (line 2): warn must be at most critical"
    )
  }

  @Test func warnAboveCriticalAcrossLayersNamesBothPlaces() throws {
    let (message, path) = try error("warn: 0.9\n", flags: SettingsFlags(critical: "0.85"))
    #expect(
      message
        == "warn 0.9 (\(path) line 1: warn) is above critical 0.85 (--critical): "
        + "warn must be at most critical")
    let (builtIn, _) = try error("", environment: ["ORGTOP_WARN": "0.99"])
    #expect(
      builtIn
        == "warn 0.99 (ORGTOP_WARN) is above critical 0.95 (the default critical): "
        + "warn must be at most critical")
  }

  @Test func aBadFlagOrVariableNamesItself() throws {
    let (flag, _) = try error("", flags: SettingsFlags(budget: "lots"))
    #expect(
      flag == "--budget: expected an amount in dollars such as 5000 or 1250.50, found \"lots\"")
    let (variable, _) = try error("", environment: ["ORGTOP_REFRESH": "5"])
    #expect(
      variable
        == "ORGTOP_REFRESH: expected a number of seconds, at least 10, such as 60, found \"5\"")
    let (level, _) = try error("", flags: SettingsFlags(logLevel: "loud"))
    #expect(level.hasPrefix("--log-level: expected one of trace"))
    let (key, _) = try error("", flags: SettingsFlags(baseURL: "sk-ant-admin01-abcdefghijklmnop"))
    #expect(
      key
        == "--base-url: expected an http or https URL such as https://api.anthropic.com, found a value that looks like a key (not shown)"
    )
  }

  @Test func theTopLevelMustBeAMapping() throws {
    let (message, path) = try error("- budget: 1\n")
    #expect(message.hasPrefix("\(path) line 1: expected a mapping of settings"))
    let (profiles, profilesPath) = try error("profiles: [a, b]\n")
    #expect(
      profiles.hasPrefix("\(profilesPath) line 1: profiles: expected a mapping of profile names"))
    let (profile, profilePath) = try error("profiles:\n  a: 5\n")
    #expect(profile.hasPrefix("\(profilePath) line 2: profile a: expected a mapping of settings"))
  }
}
