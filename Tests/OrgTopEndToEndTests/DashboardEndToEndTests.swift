import Foundation
import Testing

/// The real binary in a real pty (tmux): start, keys, resize, signals, clean exit, and the
/// terminal left as it was found.
@Suite(.serialized)
struct DashboardEndToEndTests {
  /// What a shell prints after the program ends: its exit status and the tty's line discipline.
  private static let afterExit =
    "; echo \"EXIT=$?\"; stty -a | tr ' ' '\\n' | grep -E '^-?(icanon|echo|isig)$' | tr '\\n' ' '; echo END"

  @Test func browsesKeysOpensDetailAndHelpResizesAndQuits() throws {
    let tmux = try TmuxSession(columns: 120, rows: 40)
    try tmux.run("\(try BuiltProduct.orgtop)\(Self.afterExit)")
    let first = try tmux.waitFor("the dashboard with keys") {
      $0.contains("DEMO") && $0.contains("API keys") && $0.contains("active")
    }
    let selectedBefore = try selectedRow(try tmux.screenWithAttributes())

    try tmux.press("Down")
    try tmux.waitFor("the selection to move") { _ in
      (try? self.selectedRow(try tmux.screenWithAttributes())) != selectedBefore
    }

    try tmux.press("Enter")
    let detail = try tmux.waitFor(text: "apikey_")
    #expect(detail != first)
    try tmux.press("Escape")
    try tmux.waitFor("the detail view to close") { !$0.contains("apikey_") && $0.contains("API keys") }

    try tmux.press("?")
    try tmux.waitFor(text: "Help")
    try tmux.press("Escape")
    try tmux.waitFor("help to close") { !$0.contains("Help") && $0.contains("API keys") }

    try tmux.resize(columns: 80, rows: 24)
    let narrow = try tmux.waitFor("the 80x24 layout") {
      $0.split(separator: "\n", omittingEmptySubsequences: false).count <= 24 && $0.contains("API keys")
    }
    #expect(narrow.split(separator: "\n").allSatisfy { $0.count <= 80 })

    try tmux.resize(columns: 40, rows: 10)
    try tmux.waitFor(text: "too small")

    try tmux.resize(columns: 120, rows: 40)
    try tmux.waitFor("the dashboard to come back") { $0.contains("API keys") && !$0.contains("too small") }

    try tmux.press("q")
    let after = try tmux.waitFor(text: "END")
    #expect(after.contains("EXIT=0"))
    #expect(after.contains("icanon") && !after.contains("-icanon"))
    #expect(after.contains(" echo") && !after.contains("-echo"))
  }

  @Test func sigtermRestoresTheTerminalAndExitsWith143() throws {
    let tmux = try TmuxSession(columns: 100, rows: 30)
    try tmux.run("\(try BuiltProduct.orgtop)\(Self.afterExit)")
    try tmux.waitFor(text: "API keys")
    let pid = try #require(try tmux.foregroundPID(named: "orgtop"))
    kill(pid, SIGTERM)
    let after = try tmux.waitFor(text: "END")
    #expect(after.contains("EXIT=143"))
    #expect(after.contains("icanon") && !after.contains("-icanon"))
    #expect(after.contains("isig") && !after.contains("-isig"))
  }

  @Test func refusesABadTerminalWithAClearMessage() throws {
    let tmux = try TmuxSession(columns: 100, rows: 30)
    let binary = try BuiltProduct.orgtop
    try tmux.run("TERM=nosuchterm \(binary); echo \"A=$?\"")
    let unknown = try tmux.waitFor(text: "A=")
    #expect(unknown.contains("nosuchterm"))
    #expect(!unknown.contains("A=0"))

    try tmux.run("clear; TERM=dumb \(binary); echo \"B=$?\"")
    let dumb = try tmux.waitFor(text: "B=")
    #expect(dumb.contains("dumb"))
    #expect(!dumb.contains("B=0"))

    try tmux.run("clear; \(binary) | cat; echo \"C=${PIPESTATUS[0]}\"")
    let piped = try tmux.waitFor(text: "C=")
    #expect(piped.contains("not a terminal"))
    #expect(!piped.contains("C=0"))
  }

  /// The text of the row drawn in reverse video (the selected key).
  private func selectedRow(_ screen: String) throws -> String {
    let line = screen.split(separator: "\n").first { $0.contains("\u{1B}[7m") }
    return String(try #require(line))
  }
}
