import Foundation
import Testing

/// The key actions in the real binary against its embedded simulator, in tmux: a key is
/// deactivated and the list shows it; in `--read-only` mode every action key is pressed and
/// the simulator's request log holds only GETs.
@Suite(.serialized)
struct KeyActionEndToEndTests {
  private static let afterExit = "; echo \"EXIT=\"$?; echo \"DO\"\"NE\""

  private static func lines(_ screen: String) -> [String] {
    screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  private static func requestLog() -> String {
    FileManager.default.temporaryDirectory
      .appendingPathComponent("orgtop-e2e-actions-\(UUID().uuidString).log").path
  }

  /// Presses `d` on the first active key from the top (on another status `d` says it is not
  /// possible, and the selection moves down); returns the screen with the confirmation.
  private static func openDeactivation(in tmux: TmuxSession) async throws -> String {
    for _ in 0..<20 {
      try await tmux.press("d")
      let screen = try await tmux.waitFor("a confirmation or a refusal") {
        $0.contains("Deactivate key '") || $0.contains("Deactivate is not possible")
      }
      if screen.contains("Deactivate key '") { return screen }
      try await tmux.press("Down")
    }
    return ""
  }

  /// The name in the status bar's `Key 'NAME' deactivated`.
  private static func deactivatedName(in screen: String) -> String? {
    guard let line = lines(screen).first(where: { $0.contains("' deactivated") }),
      let start = line.range(of: "Key '"),
      let end = line[start.upperBound...].range(of: "' deactivated")
    else { return nil }
    return String(line[start.upperBound..<end.lowerBound])
  }

  @Test func deactivatesAKeyAndTheListShowsIt() async throws {
    let binary = try BuiltProduct.orgtop
    let log = Self.requestLog()
    defer { try? FileManager.default.removeItem(atPath: log) }
    let (prompt, done, after) = try await TmuxSession.with(columns: 120, rows: 40) { tmux in
      try await tmux.run("\(binary) --demo --keys 20 --request-log \(log)\(Self.afterExit)")
      try await tmux.waitFor("the dashboard with keys") {
        $0.contains("API keys (20)") && $0.contains("active")
      }
      let prompt = try await Self.openDeactivation(in: tmux)
      try await tmux.press("y")
      let done = try await tmux.waitFor("the API's answer") { $0.contains("' deactivated") }
      try await tmux.press("q")
      let after = try await tmux.waitFor("the shell after exit") { Self.lines($0).contains("DONE") }
      return (prompt, done, after)
    }
    let question = try #require(Self.lines(prompt).first { $0.contains("Deactivate key '") })
    #expect(question.contains("(apikey_"))
    let name = try #require(Self.deactivatedName(in: done))
    // The row of the key now says inactive (the name may be cut short in the table).
    #expect(
      Self.lines(done).contains { $0.contains(String(name.prefix(12))) && $0.contains("inactive") },
      "\(done)")
    #expect(Self.lines(after).contains("EXIT=0"))
    let entries = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
    let posts = entries.filter { $0.hasPrefix("POST ") }
    #expect(posts.count == 1, "\(posts)")
    #expect(posts.first?.contains("/v1/organizations/api_keys/apikey_") == true)
    #expect(posts.first?.contains("-> 200") == true)
  }

  @Test func readOnlySendsNothingButReads() async throws {
    let binary = try BuiltProduct.orgtop
    let log = Self.requestLog()
    defer { try? FileManager.default.removeItem(atPath: log) }
    try await TmuxSession.with(columns: 120, rows: 40) { tmux in
      try await tmux.run(
        "\(binary) --demo --keys 20 --read-only --request-log \(log)\(Self.afterExit)")
      try await tmux.waitFor("the read-only dashboard") {
        $0.contains("API keys (20)") && $0.contains("READ-ONLY")
      }
      for _ in 0..<5 {
        for key in ["n", "d", "a", "A", "y", "Enter", "n", "d", "a", "A", "y", "Escape", "Down"] {
          try await tmux.press(key)
        }
      }
      try await tmux.press("d")
      try await tmux.waitFor(text: "read-only: key actions are off")
      try await tmux.press("q")
      let after = try await tmux.waitFor("the shell after exit") { Self.lines($0).contains("DONE") }
      #expect(Self.lines(after).contains("EXIT=0"))
    }
    let entries = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
    #expect(entries.count >= 5)
    #expect(
      entries.allSatisfy { $0.hasPrefix("GET ") }, "\(entries.filter { !$0.hasPrefix("GET ") })")
  }
}
