import Foundation
import Testing

@testable import OrgTopSettings

@Suite("The example configuration and its documentation")
struct ConfigExampleTests {
  /// docs/config.md, read from the source tree.
  static let documentation: String = {
    let root = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return (try? String(contentsOf: root.appendingPathComponent("docs/config.md"), encoding: .utf8))
      ?? ""
  }()

  @Test func theExampleLoadsAsDocumented() throws {
    let directory = try TestDirectory()
    try directory.writeConfig(ConfigExample.text)
    let production = try SettingsLoader.load(
      flags: SettingsFlags(), environment: directory.environment())
    #expect(production.profileName == "production")
    #expect(production.profiles == ["production", "staging"])
    #expect(production.keySource.value == .command(["pass", "show", "anthropic/production"]))
    #expect(production.keySource.origin == .profile)
    #expect(production.budget.value == 20000 && production.budget.origin == .profile)
    #expect(production.warn.value == Decimal(string: "0.7") && production.warn.origin == .profile)
    #expect(production.critical.value == Decimal(string: "0.95"))
    #expect(production.critical.origin == .file)
    #expect(production.baseURL.value == "https://api.anthropic.com")
    let staging = try SettingsLoader.load(
      profile: "staging", flags: SettingsFlags(), environment: directory.environment())
    #expect(staging.keySource.value == .file(directory.path + "/.config/orgtop/staging.key"))
    #expect(staging.budget.value == Decimal(string: "1250.50"))
    #expect(staging.refresh.value == 120 && staging.color.value == .never)
    #expect(staging.logLevel.value == "debug" && staging.warn.origin == .file)
  }

  @Test func theExampleSetsEverySetting() {
    for key in SettingKey.allCases.map(\.rawValue) + SettingKey.topLevelOnly {
      #expect(
        ConfigExample.text.contains("\n\(key):") || ConfigExample.text.contains(" \(key):"),
        "\(key)")
    }
  }

  @Test func theDocumentationShowsTheExampleFile() {
    #expect(Self.documentation.contains("```yaml\n" + ConfigExample.text + "```\n"))
  }

  /// Every setting's row names its file key, and its flag and variable where it has them.
  @Test func theDocumentationListsEverySetting() {
    for key in SettingKey.allCases {
      let row = Self.documentation.split(separator: "\n").first {
        $0.hasPrefix("| `\(key.rawValue)` |")
      }
      #expect(row != nil, "\(key.rawValue)")
      if let flag = key.flag { #expect(row?.contains("`\(flag) ") == true, "\(flag)") }
      if let variable = key.environmentVariable {
        #expect(row?.contains("`\(variable)`") == true, "\(variable)")
      }
    }
    for name in ["ORGTOP_PROFILE", "ORGTOP_CONFIG", "NO_COLOR", "default_profile", "profiles"] {
      #expect(Self.documentation.contains("`\(name)"), "\(name)")
    }
  }
}
