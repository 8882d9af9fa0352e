import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Kiosk mode in the real binary, in a real pty (tmux): the pages turn on their own, keys that
/// would open something do nothing, the layout follows a resize, a suspended screen comes
/// back whole, and a lost terminal ends the process.
@Suite(.serialized)
struct KioskEndToEndTests {
  /// The exit status and the tty's modes after the program ends, on lines of their own.
  private static let afterExit =
    "; echo \"EXIT=\"$?; echo \"TTY:\" $(stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo|isig)$');"
    + " echo \"DO\"\"NE\""

  private static func lines(_ screen: String) -> [String] {
    screen.split(separator: "\n", omittingEmptySubsequences: false).map {
      String($0).trimmingCharacters(in: .whitespaces)
    }
  }

  private static func isFigures(_ screen: String) -> Bool {
    screen.contains("SPEND · ") && screen.contains("█") && !screen.contains("API keys")
  }

  private static func isDashboard(_ screen: String) -> Bool {
    screen.contains("API keys (") && !screen.contains("SPEND · ")
  }

  /// Any page of the rotation: the figures, the dashboard or one of the other views.
  private static func isAnyPage(_ screen: String) -> Bool {
    isFigures(screen) || isDashboard(screen)
      || ["Members (", "Workspaces (", "Rate limits ("].contains { screen.contains($0) }
  }

  @Test func pagesTurnKeysDoNothingAndTheLayoutFollowsResizes() async throws {
    let binary = try BuiltProduct.orgtop
    try await TmuxSession.with(columns: 120, rows: 40) { tmux in
      try await tmux.run("\(binary) --kiosk --rotate 5\(Self.afterExit)")
      // Five pages of 5 s: a full turn takes 25 s, so each wait allows two.
      let first = try await tmux.waitFor("a kiosk page with data", timeout: 60) {
        ($0.contains("READ-ONLY") && Self.isFigures($0) && $0.contains("$"))
          || Self.isDashboard($0)
      }
      #expect(!first.contains("? help"), "no hint bar")
      // Help, detail, filter and the profile picker would each wait for a key: none opens.
      try await tmux.press("?", "Enter", "/", "P", "Tab")
      let dashboard = try await tmux.waitFor(
        "the dashboard page", timeout: 60, Self.isDashboard)
      #expect(!dashboard.contains("Navigation"), "help did not open")
      #expect(!dashboard.contains("Created by"), "the detail did not open")
      #expect(!dashboard.contains("filter:"), "no filter is being typed")
      // The views follow the dashboard, then the figures come round again.
      let members = try await tmux.waitFor("the members page", timeout: 60) {
        $0.contains("Members (") && !$0.contains("1 Dashboard")
      }
      #expect(!members.contains("Navigation"), "help did not open")
      try await tmux.waitFor("the rate-limits page", timeout: 60) { $0.contains("Rate limits (") }
      let figures = try await tmux.waitFor("the figures page", timeout: 60, Self.isFigures)
      #expect(figures.contains("OF THE LIMIT") && figures.contains("PROJECTED MONTH-END"))

      try await tmux.resize(columns: 80, rows: 24)
      try await tmux.waitFor("the figures at 80x24", timeout: 60) {
        Self.isFigures($0) && $0.split(separator: "\n").allSatisfy { $0.count <= 80 }
          && $0.contains("PROJECTED MONTH-END")
      }
      try await tmux.press("q")
      let after = try await tmux.waitFor("the shell after exit") {
        Self.lines($0).contains("DONE")
      }
      #expect(Self.lines(after).contains("EXIT=0"))
      #expect(Self.lines(after).contains { $0.hasPrefix("TTY:") && $0.contains("icanon") })
    }
  }

  @Test func aSuspendedScreenComesBackWhole() async throws {
    let binary = try BuiltProduct.orgtop
    try await TmuxSession.with(columns: 100, rows: 30) { tmux in
      try await tmux.run("\(binary) --kiosk")
      try await tmux.waitFor(text: "READ-ONLY")
      try await tmux.press("C-z")
      try await tmux.waitFor(text: "Stopped")
      try await tmux.run("fg")
      try await tmux.waitFor("a full repaint after fg") {
        $0.contains("READ-ONLY") && !$0.contains("Stopped") && !$0.contains("$ fg")
          && Self.isAnyPage($0)
      }
      try await tmux.press("q")
      try await tmux.waitFor("the shell") { !$0.contains("READ-ONLY") }
    }
  }

  /// A stop the program did not ask for (SIGSTOP from outside, so no `endwin`): the shell puts
  /// the terminal back in line mode while the job is stopped, and after `fg` the program must
  /// restore its own modes, or every key waits for Enter and is echoed over the screen.
  @Test func aScreenStoppedFromOutsideTakesKeysAgainAfterFg() async throws {
    let binary = try BuiltProduct.orgtop
    try await TmuxSession.with(columns: 100, rows: 30) { tmux in
      // No `afterExit` here: bash drops the rest of a command list whose job stopped.
      try await tmux.run("\(binary) --kiosk")
      try await tmux.waitFor(text: "READ-ONLY")
      let pid = try #require(try await tmux.foregroundPID(named: "orgtop"))
      kill(pid, SIGSTOP)
      try await tmux.waitFor(text: "Stopped")
      try await tmux.run("fg")
      try await tmux.waitFor("a full repaint after fg") {
        $0.contains("READ-ONLY") && !$0.contains("Stopped") && Self.isAnyPage($0)
      }
      try await tmux.press("q")
      try await tmux.waitFor("the shell after q") { !$0.contains("READ-ONLY") }
      // `fg` returns the job's status.
      try await tmux.run("echo \"EXIT=\"$?")
      let after = try await tmux.waitFor("the exit status") {
        Self.lines($0).contains { $0.hasPrefix("EXIT=") }
      }
      #expect(Self.lines(after).contains("EXIT=0"))
    }
  }

  @Test func aHangupEndsTheKiosk() async throws {
    let binary = try BuiltProduct.orgtop
    try await TmuxSession.with(columns: 100, rows: 30) { tmux in
      try await tmux.run("\(binary) --kiosk\(Self.afterExit)")
      try await tmux.waitFor(text: "READ-ONLY")
      let pid = try #require(try await tmux.foregroundPID(named: "orgtop"))
      kill(pid, SIGHUP)
      let after = try await tmux.waitFor("the shell after SIGHUP") {
        Self.lines($0).contains("DONE")
      }
      #expect(Self.lines(after).contains("EXIT=129"))
    }
  }

  /// The ssh connection drops: the terminal goes away (the tmux server and its pty end) and
  /// the process must end too, not linger or spin.
  @Test func aLostTerminalEndsTheProcess() async throws {
    let binary = try BuiltProduct.orgtop
    let session = try await TmuxSession(columns: 100, rows: 30)
    try await session.run("\(binary) --kiosk")
    try await session.waitFor(text: "READ-ONLY")
    let pid = try #require(try await session.foregroundPID(named: "orgtop"))
    await session.close()
    var alive = true
    for _ in 0..<400 where alive {
      alive = kill(pid, 0) == 0
      if alive { try await Task.sleep(for: .milliseconds(50)) }
    }
    #expect(!alive, "orgtop outlived its terminal")
    if alive { kill(pid, SIGKILL) }
  }
}
