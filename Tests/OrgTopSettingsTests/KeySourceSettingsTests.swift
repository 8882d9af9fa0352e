import Foundation
import Testing

@testable import OrgTopSettings

@Suite("Key sources in the configuration")
struct KeySourceSettingsTests {
  @Test func theProfilesSourceReplacesTheFiles() throws {
    let directory = try TestDirectory()
    try directory.writeConfig(
      """
      admin_key_env: SHARED_KEY
      profiles:
        fromFile:
          admin_key_file: /etc/orgtop/key
        fromCommand:
          admin_key_command: ["pass", "show", "anthropic/production"]
        inherits: {}
      """)
    func source(_ profile: String) throws -> Setting<KeySource> {
      try SettingsLoader.load(
        profile: profile, flags: SettingsFlags(), environment: directory.environment()
      ).keySource
    }
    #expect(try source("fromFile").value == .file("/etc/orgtop/key"))
    #expect(try source("fromFile").origin == .profile)
    #expect(try source("fromCommand").value == .command(["pass", "show", "anthropic/production"]))
    #expect(try source("inherits").value == .environment(["SHARED_KEY"]))
    #expect(try source("inherits").origin == .file)
  }

  /// `~/` is the home directory; a relative path is beside the configuration file, wherever
  /// orgtop is started from.
  @Test func keyFilePaths() throws {
    let directory = try TestDirectory()
    try directory.writeConfig(
      "profiles:\n  home:\n    admin_key_file: ~/keys/a.key\n  beside:\n    admin_key_file: b.key\n"
    )
    let home = try SettingsLoader.load(
      profile: "home", flags: SettingsFlags(), environment: directory.environment())
    #expect(home.keySource.value == .file(directory.path + "/keys/a.key"))
    let beside = try SettingsLoader.load(
      profile: "beside", flags: SettingsFlags(), environment: directory.environment())
    #expect(beside.keySource.value == .file(directory.path + "/xdg/orgtop/b.key"))
  }

  @Test func theDescriptionNamesTheSourceNeverAKey() {
    #expect(KeySource.standard.description == "ANTHROPIC_ADMIN_KEY or ANTHROPIC_ADMIN_API_KEY")
    #expect(KeySource.file("/k").description == "admin_key_file /k")
    #expect(
      KeySource.command(["pass", "show", "x"]).description == "admin_key_command `pass show x`")
    let leaky = KeySource.command(["/bin/echo", "sk-ant-admin01-abcdefghijklmnopqrstuv"])
    #expect(leaky.description == "admin_key_command `/bin/echo sk-ant-…`")
  }
}
