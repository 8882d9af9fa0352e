import Foundation
import OrgTopCore
import Testing

@testable import OrgTopSettings

/// The `on_threshold` command: its environment (the figures, exact; never orgtop's key), how
/// its runs end, and the setting that names it.
///
/// The scripts are run through `/bin/sh` rather than executed: a file just written can fail
/// to execute (ETXTBSY) while another test forks a process that inherited its descriptor.
@Suite("Alert command")
struct AlertCommandTests {
  static let alert = ThresholdAlert(
    level: .warning, spend: Money(minorUnits: Decimal(string: "412345.6")!),
    limit: Money(minorUnits: 500_000), month: UTCCalendar.date(year: 2026, month: 11, day: 1),
    organization: "Acme Robotics")

  @Test func theFiguresAreInTheEnvironment() {
    let variables = AlertCommand.variables(for: Self.alert)
    #expect(variables["ORGTOP_ALERT_LEVEL"] == "warning")
    // 412,345.6 cents is $4,123.456, shown to the cent; 4123.456 / 5000 = 0.8246912.
    #expect(variables["ORGTOP_ALERT_SPEND"] == "4123.46")
    #expect(variables["ORGTOP_ALERT_LIMIT"] == "5000.00")
    #expect(variables["ORGTOP_ALERT_FRACTION"] == "0.8247")
    #expect(variables["ORGTOP_ALERT_CURRENCY"] == "USD")
    #expect(variables["ORGTOP_ALERT_ORGANIZATION"] == "Acme Robotics")
    #expect(variables["ORGTOP_ALERT_MONTH"] == "2026-11")
  }

  /// A script that writes its environment to a file: it gets the figures and PATH, and none of
  /// orgtop's other variables (the admin key above all).
  @Test func theCommandRunsWithTheFiguresAndWithoutTheKey() async throws {
    let directory = try TestDirectory()
    let script = try directory.write("#!/bin/sh\nenv > \"$1\"\n", to: "hook.sh", mode: 0o700)
    let output = directory.path + "/env.txt"
    let outcome = await AlertCommand.run(
      ["/bin/sh", script, output], alert: Self.alert,
      environment: [
        "PATH": "/usr/bin:/bin", "ANTHROPIC_ADMIN_KEY": "sk-ant-admin01-secret-secret",
        "ORGTOP_PROFILE": "production",
      ])
    #expect(outcome == .exited(0))
    let lines = Set(try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n"))
    #expect(lines.contains("ORGTOP_ALERT_LEVEL=warning"))
    #expect(lines.contains("ORGTOP_ALERT_SPEND=4123.46"))
    #expect(lines.contains("ORGTOP_ALERT_ORGANIZATION=Acme Robotics"))
    #expect(lines.contains("PATH=/usr/bin:/bin"))
    #expect(!lines.contains { $0.contains("sk-ant-admin01") })
    #expect(!lines.contains { $0.hasPrefix("ORGTOP_PROFILE=") })
  }

  @Test func aFailingCommandReportsItsStatus() async throws {
    let directory = try TestDirectory()
    let script = try directory.write("#!/bin/sh\nexit 3\n", to: "fail.sh", mode: 0o700)
    #expect(
      await AlertCommand.run(["/bin/sh", script], alert: Self.alert, environment: [:]) == .exited(3)
    )
    let missing = await AlertCommand.run(
      ["orgtop-no-such-program"], alert: Self.alert, environment: ["PATH": "/usr/bin:/bin"])
    #expect(missing == .failed("orgtop-no-such-program was not found"))
  }

  /// A command that hangs is ended at the timeout: its process is gone (the script records its
  /// pid first).
  @Test func aHangingCommandIsKilled() async throws {
    let directory = try TestDirectory()
    let pidFile = directory.path + "/pid"
    let script = try directory.write(
      "#!/bin/sh\necho $$ > \"$1\"\nexec sleep 600\n", to: "hang.sh", mode: 0o700)
    let outcome = await AlertCommand.run(
      ["/bin/sh", script, pidFile], alert: Self.alert, environment: ["PATH": "/usr/bin:/bin"],
      timeout: .milliseconds(500))
    #expect(outcome == .timedOut)
    let pid = try #require(
      pid_t(
        try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(
          in: .whitespacesAndNewlines)))
    // Subprocess's teardown ends the process; wait for it to be reaped without a clock bound.
    var alive = true
    for _ in 0..<200 where alive {
      alive = kill(pid, 0) == 0
      if alive { try await Task.sleep(for: .milliseconds(50)) }
    }
    #expect(!alive, "the command was left running")
  }

  @Test func theSettingIsAListFromTheFileOnly() throws {
    let directory = try TestDirectory()
    try directory.writeConfig(
      """
      on_threshold: ["/usr/local/bin/page", "--team", "platform"]
      kiosk: true
      rotate: 30
      bell: true
      """)
    let settings = try SettingsLoader.load(
      flags: SettingsFlags(), environment: directory.environment())
    #expect(settings.onThreshold.value == ["/usr/local/bin/page", "--team", "platform"])
    #expect(settings.onThreshold.origin == .file)
    #expect(settings.kiosk.value && settings.bell.value)
    #expect(settings.rotate.value == 30)
    #expect(SettingKey.onThreshold.environmentVariable == nil)
    #expect(SettingKey.onThreshold.flag == nil)
    try directory.writeConfig("on_threshold: /usr/local/bin/page --team platform\n")
    #expect(throws: SettingsError.self) {
      try SettingsLoader.load(flags: SettingsFlags(), environment: directory.environment())
    }
  }

  @Test func kioskFlagsAndEnvironment() throws {
    let directory = try TestDirectory()
    var environment = directory.environment()
    environment["ORGTOP_ROTATE"] = "45"
    let settings = try SettingsLoader.load(
      flags: SettingsFlags(kiosk: "true"), environment: environment)
    #expect(settings.kiosk.value && settings.kiosk.origin == .flag)
    #expect(settings.rotate.value == 45 && settings.rotate.origin == .environment)
    #expect(!settings.bell.value && settings.bell.origin == .builtIn)
    environment["ORGTOP_ROTATE"] = "2"
    #expect(throws: SettingsError.self) {
      try SettingsLoader.load(flags: SettingsFlags(), environment: environment)
    }
  }

  @Test func keyFlagThresholds() throws {
    let directory = try TestDirectory()
    try directory.writeConfig("idle_days: 14\nanomaly_factor: 7.5\n")
    let settings = try SettingsLoader.load(
      flags: SettingsFlags(idleDays: "21"), environment: directory.environment())
    #expect(settings.idleDays.value == 21 && settings.idleDays.origin == .flag)
    #expect(settings.anomalyFactor.value == 7.5 && settings.anomalyFactor.origin == .file)
    for bad in ["0", "31", "7.5", "x"] {
      #expect(throws: SettingsError.self) {
        try SettingsLoader.load(
          flags: SettingsFlags(idleDays: bad), environment: directory.environment())
      }
    }
    #expect(throws: SettingsError.self) {
      try SettingsLoader.load(
        flags: SettingsFlags(anomalyFactor: "1"), environment: directory.environment())
    }
  }

  /// The memory of announced alerts: per organization, the latest month's level, in the state
  /// directory; the demo is never remembered; an unreadable file is nothing remembered.
  @Test func alertsAreRememberedPerOrganization() throws {
    let directory = try TestDirectory()
    let memory = AlertMemory(environment: ["XDG_STATE_HOME": directory.path])
    #expect(memory.path == directory.path + "/orgtop/alerts.json")
    #expect(memory.level(for: "profile production") == nil)
    memory.remember(Self.alert, for: "profile production")
    var critical = Self.alert
    critical.level = .critical
    memory.remember(critical, for: "api api.anthropic.com")
    #expect(
      memory.level(for: "profile production")
        == AlertedLevel(month: Self.alert.month, level: .warning))
    #expect(memory.level(for: "api api.anthropic.com")?.level == .critical)
    #expect(memory.level(for: "profile staging") == nil)
    let text = try String(contentsOfFile: memory.path, encoding: .utf8)
    #expect(!text.contains("4123"), "no figure is kept, only the level")

    var live = DashboardConfiguration(mode: .live, sourceLabel: "api.anthropic.com")
    #expect(AlertMemory.name(of: live) == "api api.anthropic.com")
    live.activeProfile = "production"
    #expect(AlertMemory.name(of: live) == "profile production")
    #expect(AlertMemory.name(of: DashboardConfiguration(mode: .demo)) == nil)

    try Data("not json".utf8).write(to: URL(fileURLWithPath: memory.path))
    #expect(memory.level(for: "profile production") == nil)
  }
}
