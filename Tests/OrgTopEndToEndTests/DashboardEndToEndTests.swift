import Foundation
import Testing

/// The real binary in a real pty (tmux): start, keys, resize, signals, clean exit, and the
/// terminal left as it was found.
@Suite(.serialized)
struct DashboardEndToEndTests {
  /// What a shell prints after the program ends: its exit status and the tty's line discipline,
  /// on lines of their own (the quotes keep the markers out of the echoed command line).
  private static let afterExit =
    "; echo \"EXIT=\"$?; echo \"TTY:\" $(stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo|isig)$');"
    + " echo \"DO\"\"NE\""

  @Test func browsesKeysOpensDetailAndHelpResizesAndQuits() async throws {
    let binary = try BuiltProduct.orgtop
    try await TmuxSession.with(columns: 120, rows: 40) { tmux in
      try await tmux.run("\(binary)\(Self.afterExit)")
      try await tmux.waitFor("the dashboard with keys") {
        $0.contains("DEMO") && $0.contains("API keys") && $0.contains("active")
      }
      // The heartbeat: the header's clock moves on by itself, every second (the real clock's
      // repeating timer, which no test with a manual clock runs).
      let shown = Self.clock(try await tmux.screen())
      #expect(shown != nil)
      try await tmux.waitFor("the clock to tick", timeout: 3) {
        Self.clock($0).map { $0 != shown } ?? false
      }

      let before = try Self.selectedRow(try await tmux.screenWithAttributes())

      try await tmux.press("Down")
      try await tmux.waitFor("the selection to move", withAttributes: true) {
        (try? Self.selectedRow($0)) != before
      }

      try await tmux.press("Enter")
      try await tmux.waitFor(text: "apikey_")
      try await tmux.press("Escape")
      try await tmux.waitFor("the detail view to close") {
        !$0.contains("apikey_") && $0.contains("API keys")
      }

      try await tmux.press("?")
      try await tmux.waitFor(text: "Navigation")
      try await tmux.press("Escape")
      try await tmux.waitFor("help to close") {
        !$0.contains("Navigation") && $0.contains("API keys")
      }

      try await tmux.resize(columns: 80, rows: 24)
      let narrow = try await tmux.waitFor("the 80x24 layout") {
        $0.contains("API keys") && Self.widest($0) <= 80 && !$0.contains("too small")
      }
      #expect(narrow.split(separator: "\n").count <= 24)

      try await tmux.resize(columns: 40, rows: 10)
      try await tmux.waitFor(text: "too small")

      try await tmux.resize(columns: 120, rows: 40)
      try await tmux.waitFor("the dashboard to come back") {
        $0.contains("API keys") && !$0.contains("too small")
      }

      try await tmux.press("q")
      let after = try await tmux.waitFor("the shell after exit") { Self.lines($0).contains("DONE") }
      #expect(Self.lines(after).contains("EXIT=0"))
      #expect(Self.ttyIsSane(after))
    }
  }

  @Test func readsARunningSimulatorThroughTheLivePathWithAKey() async throws {
    let binary = try BuiltProduct.orgtop
    let output = FileManager.default.temporaryDirectory
      .appendingPathComponent("orgtop-e2e-sim-\(UUID().uuidString).txt").path
    defer { try? FileManager.default.removeItem(atPath: output) }
    try await TmuxSession.with(columns: 120, rows: 40) { tmux in
      // A separate simulator process; its throwaway key goes through the environment only.
      try await tmux.run("\(binary) simulate --port 0 --keys 40 --frozen > \(output) & SIM=$!")
      try await tmux.run(
        "until grep -q '^admin_key=' \(output); do sleep 0.1; done;"
          + " export ANTHROPIC_ADMIN_KEY=$(sed -n 's/^admin_key=//p' \(output));"
          + " clear; \(binary) --base-url $(sed -n 's/^base_url=//p' \(output))\(Self.afterExit);"
          + " kill $SIM")
      let screen = try await tmux.waitFor("the live dashboard with the simulator's 40 keys") {
        $0.contains("API keys (40)") && $0.contains("active")
      }
      let port = try #require(
        try String(contentsOfFile: output, encoding: .utf8)
          .split(separator: "\n").first { $0.hasPrefix("base_url=") }?
          .split(separator: ":").last)
      #expect(!screen.contains("DEMO"), "a key was given: this is not the demo")
      #expect(screen.contains("127.0.0.1:\(port)"), "the header names the base URL")
      #expect(!screen.contains("sk-ant-admin01-"), "the key never reaches the screen")
      // The other views, read from the separate simulator by keys.
      try await tmux.press("2")
      try await tmux.waitFor("the members from the simulator") {
        $0.contains("Members (") && $0.contains("@")
      }
      try await tmux.press("3")
      try await tmux.waitFor("the workspaces from the simulator") {
        $0.contains("Workspaces (") && $0.contains("Workspaces sum to")
      }
      try await tmux.press("4")
      try await tmux.waitFor("the rate limits from the simulator") {
        $0.contains("Rate limits (") && $0.contains("requests/min")
      }
      try await tmux.press("Enter")
      try await tmux.waitFor("the selected limit's group in detail") {
        $0.contains("Rate limit · ") && $0.contains("Workspace overrides")
      }
      try await tmux.press("Escape")
      try await tmux.waitFor("the detail closed") { !$0.contains("Workspace overrides") }
      try await tmux.press("Escape")
      try await tmux.waitFor("back one step, to the workspaces") { $0.contains("Workspaces (") }
      try await tmux.press("1")
      try await tmux.waitFor("the dashboard again") { $0.contains("API keys (40)") }
      try await tmux.press("q")
      let after = try await tmux.waitFor("the shell after exit") {
        Self.lines($0).contains("DONE")
      }
      #expect(Self.lines(after).contains("EXIT=0"))
    }
  }

  @Test func sigtermRestoresTheTerminalAndExitsWith143() async throws {
    let binary = try BuiltProduct.orgtop
    try await TmuxSession.with(columns: 100, rows: 30) { tmux in
      try await tmux.run("\(binary)\(Self.afterExit)")
      try await tmux.waitFor(text: "API keys")
      let pid = try #require(try await tmux.foregroundPID(named: "orgtop"))
      kill(pid, SIGTERM)
      let after = try await tmux.waitFor("the shell after exit") { Self.lines($0).contains("DONE") }
      #expect(Self.lines(after).contains("EXIT=143"))
      #expect(Self.ttyIsSane(after))
    }
  }

  @Test func refusesABadTerminalWithAClearMessage() async throws {
    let binary = try BuiltProduct.orgtop
    try await TmuxSession.with(columns: 100, rows: 30) { tmux in
      let cases = [
        ("TERM=nosuchterm \(binary)", "$?", "nosuchterm"),
        ("TERM=dumb \(binary)", "$?", "dumb"),
        ("\(binary) | cat", "${PIPESTATUS[0]}", "not a terminal"),
      ]
      for (index, (command, status, message)) in cases.enumerated() {
        // The marker is split by quotes so the echoed command line cannot match it.
        try await tmux.run("clear; \(command); echo \"STATUS\"\(index)=\(status)")
        let screen = try await tmux.waitFor("the exit status of \(command)") {
          Self.lines($0).contains { $0.hasPrefix("STATUS\(index)=") }
        }
        let line = try #require(Self.lines(screen).first { $0.hasPrefix("STATUS\(index)=") })
        #expect(line != "STATUS\(index)=0", "\(command) should fail")
        #expect(screen.contains(message), "\(command) should say \(message)")
      }
    }
  }

  /// The text of the row drawn in reverse video (the selected key).
  private static func selectedRow(_ screen: String) throws -> String {
    let line = screen.split(separator: "\n").first { $0.contains("\u{1B}[7m") }
    return String(try #require(line))
  }

  /// The widest line of a screen, in characters.
  /// The time in the header's clock (`HH:MM:SS UTC` on the first line), if shown.
  private static func clock(_ screen: String) -> String? {
    let header = screen.split(separator: "\n").first.map(String.init) ?? ""
    return header.firstMatch(of: /\d\d:\d\d:\d\d UTC/).map { String($0.output) }
  }

  private static func widest(_ screen: String) -> Int {
    screen.split(separator: "\n").map(\.count).max() ?? 0
  }

  /// Whether `stty` shows canonical mode, echo and signals back on after the program ended.
  private static func ttyIsSane(_ screen: String) -> Bool {
    guard let line = lines(screen).first(where: { $0.hasPrefix("TTY:") }) else { return false }
    let words = Set(line.split(separator: " ").map(String.init))
    return words.isSuperset(of: ["icanon", "echo", "isig"])
      && words.isDisjoint(with: ["-icanon", "-echo", "-isig"])
  }

  /// The screen's lines, trailing blanks removed.
  private static func lines(_ screen: String) -> [String] {
    screen.split(separator: "\n").map { String($0).trimmingCharacters(in: .whitespaces) }
  }
}
