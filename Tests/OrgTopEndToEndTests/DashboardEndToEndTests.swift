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
      try await tmux.run("TERM=nosuchterm \(binary); echo \"A=$?\"")
      let unknown = try await tmux.waitFor(text: "A=")
      #expect(unknown.contains("nosuchterm"))
      #expect(!unknown.contains("A=0"))

      try await tmux.run("clear; TERM=dumb \(binary); echo \"B=$?\"")
      let dumb = try await tmux.waitFor(text: "B=")
      #expect(dumb.contains("dumb"))
      #expect(!dumb.contains("B=0"))

      try await tmux.run("clear; \(binary) | cat; echo \"C=${PIPESTATUS[0]}\"")
      let piped = try await tmux.waitFor(text: "C=")
      #expect(piped.contains("not a terminal"))
      #expect(!piped.contains("C=0"))
    }
  }

  /// The text of the row drawn in reverse video (the selected key).
  private static func selectedRow(_ screen: String) throws -> String {
    let line = screen.split(separator: "\n").first { $0.contains("\u{1B}[7m") }
    return String(try #require(line))
  }

  /// The widest line of a screen, in characters.
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
