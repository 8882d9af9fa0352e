import Foundation
import Testing

/// Profiles end to end: two `orgtop simulate` organizations behind two profiles of a real
/// configuration file, keys from files and a command; the dashboard switched with `P`.
@Suite("Profiles end to end")
struct ProfileEndToEndTests {
  /// A temporary home for a configuration file, key files and orgtop's state.
  private struct Home {
    let path: String

    init() throws {
      path =
        FileManager.default.temporaryDirectory
        .appendingPathComponent("orgtop-e2e-home-\(UUID().uuidString)").path
      try FileManager.default.createDirectory(
        atPath: path + "/config/orgtop", withIntermediateDirectories: true)
    }

    func write(_ text: String, to name: String, mode: Int = 0o600) throws {
      let file = path + "/" + name
      try text.write(toFile: file, atomically: true, encoding: .utf8)
      try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: file)
    }

    var environment: [String: String] {
      ["XDG_CONFIG_HOME": path + "/config", "XDG_STATE_HOME": path + "/state", "HOME": path]
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
  }

  /// Two organizations behind two profiles: `alpha` (key from a file) and `beta` (key from a
  /// command, `cat` of another file), `alpha` the default.
  private static func configure(
    _ home: Home, _ alpha: ScriptProcess.Simulator,
    _ beta: ScriptProcess.Simulator
  ) throws {
    try home.write(alpha.key + "\n", to: "alpha.key")
    try home.write(beta.key + "\n", to: "beta.key")
    try home.write(
      """
      default_profile: alpha
      profiles:
        alpha:
          base_url: \(alpha.baseURL)
          admin_key_file: \(home.path)/alpha.key
        beta:
          base_url: \(beta.baseURL)
          admin_key_command: ["/bin/cat", "\(home.path)/beta.key"]
          budget: 12345
      """, to: "config/orgtop/config.yaml")
  }

  private static func organization(_ json: String) throws -> (name: String, total: String) {
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let organization = try #require(document["organization"] as? [String: Any])
    let cost = try #require(document["cost"] as? [String: Any])
    return (
      try #require(organization["name"] as? String), try #require(cost["total_usd"] as? String)
    )
  }

  @Test func checkAllProfilesAndSnapshotReadEachProfilesOrganization() async throws {
    let alpha = try ScriptProcess.Simulator(["--seed", "21", "--keys", "20"])
    let beta = try ScriptProcess.Simulator(["--seed", "22", "--keys", "30"])
    let home = try Home()
    defer { home.remove() }
    try Self.configure(home, alpha, beta)
    let first = try await ScriptProcess.run(["snapshot"], environment: home.environment)
    let second = try await ScriptProcess.run(
      ["snapshot", "--profile", "beta"], environment: home.environment)
    #expect(first.status == 0 && second.status == 0, "\(first.stderr) \(second.stderr)")
    let (alphaName, _) = try Self.organization(first.stdout)
    let (betaName, _) = try Self.organization(second.stdout)
    #expect(alphaName != betaName)
    let all = try await ScriptProcess.run(
      ["check", "--all-profiles", "--critical", "10", "--warn", "9"],
      environment: home.environment)
    #expect(all.status == 0, "\(all.stdout)")
    let lines = all.stdout.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines.first?.hasPrefix("alpha: OK · \(alphaName)") == true, "\(all.stdout)")
    #expect(lines.last?.hasPrefix("beta: OK · \(betaName)") == true, "\(all.stdout)")
    // A key file others can read is refused as a credentials failure (exit 4, the key source's
    // message as the remedy), and check --all-profiles exits with the worst.
    try FileManager.default.setAttributes(
      [.posixPermissions: 0o644], ofItemAtPath: home.path + "/alpha.key")
    let refused = try await ScriptProcess.run(
      ["check", "--all-profiles"], environment: home.environment)
    #expect(refused.status == 4, "\(refused.stdout)")
    #expect(refused.stdout.contains("readable by group or others"), "\(refused.stdout)")
    #expect(!refused.stdout.contains(alpha.key) && !refused.stdout.contains(beta.key))
    // snapshot exits 4 too, saying why on standard error and printing no document.
    let snapshot = try await ScriptProcess.run(["snapshot"], environment: home.environment)
    #expect(snapshot.status == 4, "\(snapshot.stderr)")
    #expect(snapshot.stderr.contains("readable by group or others"), "\(snapshot.stderr)")
    #expect(snapshot.stdout.isEmpty)
  }

  @Test func infoShowsEachSettingWithItsOriginAndTheKeyMasked() async throws {
    let alpha = try ScriptProcess.Simulator(["--keys", "5"])
    let beta = try ScriptProcess.Simulator(["--keys", "5"])
    let home = try Home()
    defer { home.remove() }
    try Self.configure(home, alpha, beta)
    var environment = home.environment
    environment["ORGTOP_REFRESH"] = "45"
    let info = try await ScriptProcess.run(
      ["info", "--profile", "beta", "--log-level", "debug"], environment: environment)
    #expect(info.status == 0, "\(info.stderr)")
    let lines = info.stdout.split(separator: "\n").map(String.init)
    func line(_ name: String) -> String { lines.first { $0.hasPrefix(name + " ") } ?? "" }
    #expect(line("config file").hasSuffix("/config/orgtop/config.yaml"))
    #expect(line("profile").hasSuffix(" beta"))
    #expect(line("profiles").hasSuffix(" alpha, beta"))
    #expect(line("base URL").hasSuffix("\(beta.baseURL) (profile)"))
    #expect(line("budget").hasSuffix("$12,345.00 (profile)"))
    #expect(line("refresh").hasSuffix("45 s (environment)"))
    #expect(line("log level").hasSuffix("debug (flag)"))
    #expect(line("critical").hasSuffix("0.95 (default)"))
    #expect(line("admin key").contains("sk-ant-admin01-…" + beta.key.suffix(4)))
    #expect(line("admin key").contains("admin_key_command `/bin/cat"))
    #expect(line("log file").hasSuffix("/state/orgtop/orgtop.log"))
    #expect(!info.stdout.contains(beta.key) && !info.stdout.contains(alpha.key))
  }

  @Test func thePickerSwitchesTheDashboardAndNothingOfTheFirstOrganizationRemains() async throws {
    let binary = try BuiltProduct.orgtop
    let alpha = try ScriptProcess.Simulator(["--seed", "21", "--keys", "20"])
    let beta = try ScriptProcess.Simulator(["--seed", "22", "--keys", "33"])
    let home = try Home()
    defer { home.remove() }
    try Self.configure(home, alpha, beta)
    let snapshot = try await ScriptProcess.run(["snapshot"], environment: home.environment)
    let (alphaName, alphaTotal) = try Self.organization(snapshot.stdout)
    let other = try await ScriptProcess.run(
      ["snapshot", "--profile", "beta"], environment: home.environment)
    let (betaName, _) = try Self.organization(other.stdout)
    #expect(alphaName != betaName)
    let shownTotal = "$" + Self.grouped(alphaTotal)
    let exports = home.environment.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    try await TmuxSession.with(columns: 120, rows: 40) { tmux in
      try await tmux.run("clear; env \(exports) \(binary); echo DONE")
      let first = try await tmux.waitFor("the first organization") {
        $0.contains(alphaName) && $0.contains("API keys (20)") && $0.contains(shownTotal)
      }
      #expect(!first.contains("DEMO"))
      try await tmux.press("P")
      _ = try await tmux.waitFor("the picker") { $0.contains("Profiles") && $0.contains("beta") }
      try await tmux.press("Down", "Enter")
      let second = try await tmux.waitFor("the second organization") {
        $0.contains("API keys (33)") && $0.contains(betaName)
      }
      #expect(!second.contains(alphaName), "the first organization's name remains")
      #expect(!second.contains(shownTotal), "the first organization's spend remains")
      #expect(!second.contains(alpha.key) && !second.contains(beta.key))
      // The picker now remembers the first organization's figures.
      try await tmux.press("P")
      let picker = try await tmux.waitFor("the picker again") {
        $0.contains("Profiles") && $0.contains(alphaName)
      }
      #expect(picker.contains(shownTotal))
      try await tmux.press("Escape", "q")
      _ = try await tmux.waitFor("the shell") { $0.contains("DONE") }
    }
    // The log names the requests and the switch, never the keys.
    let log = try String(contentsOfFile: home.path + "/state/orgtop/orgtop.log", encoding: .utf8)
    #expect(log.contains("GET /v1/organizations/me 200"))
    #expect(log.contains("switched to profile beta"))
    for key in [alpha.key, beta.key] {
      let secret = String(key.dropFirst("sk-ant-admin01-".count))
      for start in stride(from: 0, to: secret.count - 16, by: 1) {
        #expect(!log.contains(secret.dropFirst(start).prefix(16)))
      }
    }
  }

  /// `1234.5678` as the dashboard writes dollars: `1,234.57`.
  private static func grouped(_ text: String) -> String {
    var value = Decimal(string: text) ?? 0
    var rounded = Decimal()
    NSDecimalRound(&rounded, &value, 2, .bankers)
    let parts = "\(rounded)".split(separator: ".")
    let integer = String(parts[0])
    var fraction = parts.count > 1 ? String(parts[1]) : "00"
    while fraction.count < 2 { fraction += "0" }
    var groupedInteger = ""
    for (index, character) in integer.reversed().enumerated() {
      if index > 0 && index % 3 == 0 { groupedInteger.append(",") }
      groupedInteger.append(character)
    }
    return String(groupedInteger.reversed()) + "." + fraction
  }
}
