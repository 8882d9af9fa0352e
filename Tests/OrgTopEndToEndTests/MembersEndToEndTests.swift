import Foundation
import Testing

/// The members and workspaces views in the real binary against the embedded simulator, driven
/// by keys in tmux: `2` shows the members, `/` filters them, `Enter` lists a member's keys,
/// `Esc` comes back; `3` shows the workspaces and `Enter` a workspace's keys; `4` the rate limits.
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
      // The workspaces, and Enter on the one selected: its keys.
      try await tmux.press("3")
      try await tmux.waitFor("the workspaces list") {
        $0.contains("Workspaces (") && $0.contains("Workspaces sum to")
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
      try await tmux.press("q")
      try await tmux.waitFor(text: "DONE")
    }
  }
}
