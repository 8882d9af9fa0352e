import Foundation
import OrgTopCore
import OrgTopTestSupport
import Testing

/// The view switcher and the members view on the list engine, on the fixture organization:
/// expectations are written from `Fixtures`, not from the code under test.
@Suite("Members view")
struct MembersViewTests {
  static func loaded() -> ReducerHarness {
    ReducerHarness.loaded(pageSizes: PageSizes([.keys: 8, .members: 4]))
  }

  static func names(_ harness: ReducerHarness) -> [String] {
    harness.state.memberRows.map(\.name)
  }

  @Test("number keys switch views, Esc goes back one step at a time")
  func switchingAndBack() {
    var harness = Self.loaded()
    #expect(harness.state.view == .dashboard)
    harness.press(.character("2"))
    #expect(harness.state.view == .members)
    harness.press(.character("2"))  // already there: no extra step
    harness.press(.character("1"))
    #expect(harness.state.view == .dashboard)
    harness.press(.escape)
    #expect(harness.state.view == .members)
    harness.press(.escape)
    #expect(harness.state.view == .dashboard)
    harness.press(.escape)  // nothing left to go back to
    #expect(harness.state.view == .dashboard)
    #expect(harness.state.backStack.isEmpty)
  }

  @Test("the members list: sorted by name, s and S, a filter by name, email or role")
  func sortAndFilter() {
    var harness = Self.loaded()
    harness.press(.character("2"))
    let byName = Fixtures.members.sorted {
      ($0.name.lowercased(), $0.id) < ($1.name.lowercased(), $1.id)
    }
    #expect(harness.state.memberRows.map(\.id) == byName.map(\.id))
    harness.press(.character("s"))  // email, A→Z
    #expect(harness.state.memberList.sortColumn == .email)
    #expect(harness.state.memberRows.map(\.email) == Fixtures.members.map(\.email).sorted())
    harness.press(.character("S"))
    #expect(
      harness.state.memberRows.map(\.email)
        == Fixtures.members.map(\.email).sorted(by: >))
    harness.press(.character("/"))
    harness.type("DEVELOPER")
    let developers = Fixtures.members.filter { $0.role == .developer }.map(\.id)
    #expect(Set(harness.state.memberRows.map(\.id)) == Set(developers))
    #expect(harness.state.memberList.isEditingFilter)
    // Typing a filter does not switch views: "1" is typed.
    harness.press(.character("1"))
    #expect(harness.state.view == .members)
    #expect(harness.state.memberList.filter == "DEVELOPER1")
    harness.press(.escape)
    #expect(harness.state.memberList.filter == nil)
    #expect(harness.state.memberRows.count == Fixtures.members.count)
    // The key list's filter was never touched.
    #expect(harness.state.keyList.filter == nil)
  }

  @Test("navigation moves the members' selection, not the keys'")
  func navigationActsOnTheViewShown() {
    var harness = Self.loaded()
    let keySelection = harness.state.keyList.selectedID
    harness.press(.character("2"))
    harness.press(.down)
    harness.press(.down)
    #expect(harness.state.memberList.selectedIndex == 2)
    #expect(harness.state.memberList.selectedID == harness.state.memberRows[2].id)
    harness.press(.end)
    #expect(harness.state.memberList.selectedIndex == Fixtures.members.count - 1)
    // A page of 4: the last row shows with the three before it.
    #expect(harness.state.memberList.scrollOffset == Fixtures.members.count - 4)
    #expect(harness.state.keyList.selectedID == keySelection)
    // Key actions and the flagged toggle belong to the key list.
    #expect(harness.press(.character("d")).isEmpty)
    harness.press(.character("f"))
    #expect(!harness.state.keysFlaggedOnly)
    #expect(harness.state.overlay == nil)
  }

  @Test("Enter on a member lists the keys they created; Esc returns to the members")
  func drillDownToTheirKeys() {
    var harness = Self.loaded()
    harness.press(.character("2"))
    let grace = Fixtures.members[1]
    let index = harness.state.memberRows.firstIndex { $0.id == grace.id } ?? 0
    for _ in 0..<index { harness.press(.down) }
    harness.press(.enter)
    #expect(harness.state.view == .dashboard)
    #expect(harness.state.focus == .keys)
    let theirs = Fixtures.apiKeys.filter { $0.createdBy == Actor(id: grace.id, kind: .user) }
    #expect(!theirs.isEmpty)
    #expect(Set(harness.state.keyRows.map(\.key.id)) == Set(theirs.map(\.id)))
    let table = DashboardViewModel(state: harness.state, now: harness.now).keys
    #expect(
      table.title
        == "API keys created by Grace Hopper (\(theirs.count) of \(Fixtures.apiKeys.count))")
    #expect(table.selectedIndex == 0)
    harness.press(.escape)
    #expect(harness.state.view == .members)
    #expect(harness.state.keyScope == nil)
    #expect(harness.state.keyRows.count == Fixtures.apiKeys.count)
    #expect(harness.state.memberList.selectedID == grace.id)
  }

  @Test("a member with no keys: an empty list that says so")
  func memberWithoutKeys() {
    var harness = Self.loaded()
    // Every fixture member created a key; one who joined today has none.
    harness.state.members.value?.append(
      Member(
        id: "user_new", email: "new@acme.example", name: "", role: .user, addedAt: harness.now))
    harness.press(.character("2"))
    harness.press(.character("/"))
    harness.type("new@")
    harness.press(.enter)
    #expect(harness.state.memberRows.map(\.email) == ["new@acme.example"])
    harness.press(.enter)
    let table = DashboardViewModel(state: harness.state, now: harness.now).keys
    #expect(table.rowCount == 0)
    #expect(table.emptyMessage == "No keys created by new@acme.example (Esc goes back)")
  }

  @Test("the members table: key counts and cost of the keys each member created")
  func memberCells() throws {
    var harness = Self.loaded()
    harness.press(.character("2"))
    let model = try #require(DashboardViewModel(state: harness.state, now: harness.now).members)
    let ada = Fixtures.members[0]
    let row = try #require(model.members.rows.first { $0.id == ada.id })
    let created = Fixtures.apiKeys.filter { $0.createdBy == Actor(id: ada.id, kind: .user) }
    let active = created.filter { $0.status == .active }
    #expect(row.cells[MemberColumn.keys.rawValue] == "\(active.count)/\(created.count)")
    #expect(row.cells[MemberColumn.role.rawValue] == "admin")
    #expect(model.members.title == "Members (\(Fixtures.members.count))")
    #expect(model.members.sortColumn == MemberColumn.name.rawValue)
  }

  @Test("invites: pending only, soonest first, one within 48 hours marked in words")
  func invites() throws {
    var harness = Self.loaded()
    let soon = Invite(
      id: "invite_soon", email: "soon@example.org", role: .unknown("auditor"), status: .pending,
      invitedAt: harness.now.addingTimeInterval(-6 * 86_400),
      expiresAt: harness.now.addingTimeInterval(47 * 3_600))
    let accepted = Invite(
      id: "invite_done", email: "done@example.org", role: .user, status: .accepted,
      invitedAt: harness.now, expiresAt: harness.now.addingTimeInterval(86_400))
    harness.state.invites.value = Fixtures.invites + [soon, accepted]
    harness.press(.character("2"))
    let model = try #require(DashboardViewModel(state: harness.state, now: harness.now).members)
    let invites = model.invites
    #expect(invites.rows.map(\.id) == ["invite_soon"] + Fixtures.invites.map(\.id))
    #expect(invites.rows[0].cells[1] == "auditor")  // an unknown role as sent
    #expect(invites.rows[0].cells[4] == "expires soon")
    #expect(invites.rows[0].role == .warning)
    #expect(invites.rows[1...].allSatisfy { $0.cells[4] == "pending" })
    #expect(invites.title == "Pending invites (3, 1 expiring within 48 h)")
  }
}
