import Foundation
import OrgTopCore
import OrgTopTestSupport
import OrgTopUI
import Testing

/// The members view from reducer-produced state (the fixture organization, then keys), at the
/// three sizes, and the key list a member's `Enter` opens.
@Suite("Golden screens: members")
struct MembersScreenTests {
  static let sizes = [
    TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 120, rows: 40),
    TerminalSize(columns: 200, rows: 60),
  ]

  /// The fixture with one more pending invite that lapses in 47 hours (fetched like the
  /// others), so the 48-hour marker shows.
  static func harness(size: TerminalSize) -> ReducerHarness {
    var harness = ReducerHarness()
    harness.loadFixture(keyPageSize: Screen.pageSizes(for: size)[.keys])
    harness.send(.layoutChanged(size: size, pageSizes: Screen.pageSizes(for: size)))
    let soon = Invite(
      id: "invite_01Soon000000000000000003", email: "temp.auditor@example.org",
      role: .unknown("auditor"), status: .pending,
      invitedAt: harness.now.addingTimeInterval(-6 * 86_400),
      expiresAt: harness.now.addingTimeInterval(47 * 3_600))
    harness.send(
      .fetchCompleted(.invites, .success(.invites(Fixtures.invites + [soon])), at: harness.now))
    harness.press(.character("2"))
    return harness
  }

  static func render(_ harness: ReducerHarness, _ size: TerminalSize) -> Grid {
    Screen.render(
      DashboardViewModel(state: harness.state, now: harness.now), size: size, options: .unicode)
  }

  @Test("the members view", arguments: sizes)
  func members(size: TerminalSize) {
    var harness = Self.harness(size: size)
    harness.press(.down)
    let grid = Self.render(harness, size)
    #expect(grid.lines[1].contains(" 2 Members "))
    #expect(grid.contains("expires soon"))
    GoldenFile.verify(grid, named: "members-\(size.columns)x\(size.rows)")
  }

  @Test("Tab: the invites pane focused, its second invite highlighted", arguments: sizes)
  func invitesFocused(size: TerminalSize) {
    var harness = Self.harness(size: size)
    harness.press(.tab)
    harness.press(.down)
    let grid = Self.render(harness, size)
    // The focus shows without colour: the ▶ moved from the members' title to the invites'.
    #expect(grid.lines.contains { $0.contains("▶ Pending invites") })
    #expect(!grid.lines.contains { $0.contains("▶ Members") })
    GoldenFile.verify(grid, named: "members-invites-focused-\(size.columns)x\(size.rows)")
  }

  @Test("the members view while a filter is typed")
  func filtering() {
    let size = TerminalSize(columns: 80, rows: 24)
    var harness = Self.harness(size: size)
    harness.press(.character("/"))
    harness.type("dev")
    let grid = Self.render(harness, size)
    #expect(grid.contains("Members (3 of 6)"))
    GoldenFile.verify(grid, named: "members-filter-80x24")
  }

  @Test("Enter on a member: the keys they created")
  func theirKeys() {
    let size = TerminalSize(columns: 120, rows: 40)
    var harness = Self.harness(size: size)
    // By name: the member with no name (ops@), Mallory's escape codes, then Ada Lovelace.
    harness.press(.down)
    harness.press(.down)
    harness.press(.enter)
    let grid = Self.render(harness, size)
    #expect(grid.lines[1].contains(" 1 Dashboard "))
    #expect(grid.contains("API keys created by Ada Lovelace"))
    GoldenFile.verify(grid, named: "members-their-keys-120x40")
  }
}
