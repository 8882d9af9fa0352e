import Foundation
import Testing

/// The members and workspaces views in the real binary against the embedded simulator, driven
/// by keys in tmux: `2` shows the members, `/` filters them, `Enter` lists a member's keys,
/// `Esc` comes back, `Tab` focuses the invites and back; `3` shows the workspaces with their
/// members read on demand and `Enter` a workspace's keys; `4` the rate limits with the
/// workspaces' overrides.
@Suite(.serialized)
struct MembersEndToEndTests {
  @Test func membersFilterTheirKeysAndBack() async throws {
    let binary = try BuiltProduct.orgtop
    try await TmuxSession.with(columns: 120, rows: 40) { tmux in
      try await tmux.run("\(binary); echo \"DO\"\"NE\"")
      try await tmux.waitFor("the dashboard with keys") {
        $0.contains("1 Dashboard") && $0.contains("API keys (")
      }
      try await tmux.press("2")
      let members = try await tmux.waitFor("the members list") {
        $0.contains("Members (") && $0.contains("@")
      }
      // The selected member's e-mail, read off the screen: its local part is the filter.
      let selected = try #require(
        members.split(separator: "\n").first { $0.contains("›") && $0.contains("@") })
      let email = try #require(
        selected.split(separator: " ").first { $0.contains("@") }.map(String.init))
      let local = String(email.prefix { $0 != "@" })
      try await tmux.press("/")
      for character in local { try await tmux.press(String(character)) }
      try await tmux.press("Enter")
      try await tmux.waitFor("the filtered members") {
        $0.contains("Members (") && $0.contains(" of ") && $0.contains(email)
      }
      try await tmux.press("Enter")
      try await tmux.waitFor("the keys the member created") {
        $0.contains("API keys created by") && $0.contains("1 Dashboard")
      }
      try await tmux.press("Escape")
      let back = try await tmux.waitFor("the members again") {
        $0.contains("Members (") && !$0.contains("API keys created by")
      }
      #expect(back.contains(email))
      // Tab moves the focus to the pending invites and back (the ▶ marks it, not a colour).
      try await tmux.press("Tab")
      try await tmux.waitFor("the invites focused") { $0.contains("▶ Pending invites") }
      try await tmux.press("Tab")
      try await tmux.waitFor("the members focused") { $0.contains("▶ Members") }
      // The workspaces, and Enter on the one selected: its keys.
      try await tmux.press("3")
      try await tmux.waitFor("the workspaces list") {
        $0.contains("Workspaces (") && $0.contains("Workspaces sum to")
      }
      // MEMBERS, read on demand per workspace: a count, never "…", once it has answered (the
      // organization's admins are members of every workspace: at least 1).
      try await tmux.waitFor("the selected workspace's member count") {
        (Self.cell(in: $0, header: "MEMBERS").flatMap { Int($0) } ?? 0) > 0
      }
      try await tmux.press("Enter")
      try await tmux.waitFor("the keys of a workspace") { $0.contains("API keys in ") }
      try await tmux.press("Escape")
      try await tmux.waitFor("the workspaces again") {
        $0.contains("Workspaces (") && !$0.contains("API keys in ")
      }
      try await tmux.press("4")
      try await tmux.waitFor("the rate limits") {
        $0.contains("Rate limits (") && $0.contains("requests/min")
      }
      // OVERRIDES, once every workspace's limits are read: the simulator's world overrides
      // a limit in two workspaces, so some line counts one and none is unknown.
      let overrides = try await tmux.waitFor("every workspace's overrides read") {
        !$0.contains("Reading workspace overrides")
          && Self.cells(in: $0, header: "OVERRIDES").contains { (Int($0) ?? 0) >= 1 }
      }
      #expect(!Self.cells(in: overrides, header: "OVERRIDES").contains("…"))
      try await tmux.press("q")
      try await tmux.waitFor(text: "DONE")
    }
  }

  /// The cells under a column header on a screen of one table, one per row below it (the
  /// text under the header's span, trimmed), up to the first empty one.
  static func cells(in screen: String, header: String) -> [String] {
    let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
    guard let row = lines.firstIndex(where: { String($0).contains(header) }),
      let start = String(lines[row]).range(of: header).map({
        String(lines[row])[..<$0.lowerBound].count
      })
    else { return [] }
    var cells: [String] = []
    for line in lines[(row + 1)...] {
      guard line.count >= start + header.count else { break }
      let text = String(line[start..<(start + header.count)]).trimmingCharacters(in: .whitespaces)
      if text.isEmpty { break }
      cells.append(text)
    }
    return cells
  }

  /// The first row's cell under a column header (the selected row on a fresh view).
  static func cell(in screen: String, header: String) -> String? {
    cells(in: screen, header: header).first
  }
}
