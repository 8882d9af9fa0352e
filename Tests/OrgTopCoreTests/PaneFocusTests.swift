import Foundation
import OrgTopCore
import OrgTopTestSupport
import Testing

/// `Tab` and `Shift-Tab` move the focus between the panes of the view shown, and the focused
/// pane is the one the list keys act on.
@Suite("Pane focus")
struct PaneFocusTests {
  private func loaded() -> ReducerHarness {
    var harness = ReducerHarness()
    harness.loadFixture()
    return harness
  }

  @Test func tabCyclesTheDashboardsPanesBothWays() {
    var harness = loaded()
    var seen: [Pane] = []
    for _ in 0..<3 {
      harness.press(.tab)
      seen.append(harness.state.focus)
    }
    #expect(seen == [.usage, .overview, .keys])
    harness.press(.backTab)  // the one before keys
    #expect(harness.state.focus == .overview)
  }

  @Test func onlyTheFocusedKeyListTakesTheListKeys() {
    var harness = loaded()
    let selected = harness.state.keyList.selectedID
    harness.press(.tab)  // usage
    let before = harness.state
    for key: KeyPress in [.down, .character("j"), .end, .character("s"), .character("/"), .enter] {
      harness.press(key)
    }
    #expect(harness.state.keyList == before.keyList)
    #expect(harness.state.overlay == nil)
    harness.press(.backTab)  // keys again
    harness.press(.down)
    #expect(harness.state.keyList.selectedID != selected)
    #expect(harness.state.keyList.selectedID == harness.state.keyRows[1].listID)
  }

  @Test func theMembersViewHasMembersAndInvites() {
    var harness = loaded()
    harness.press(.character("2"))
    #expect(harness.state.focusedPane == .members)
    let members = harness.state.memberList
    harness.press(.tab)
    #expect(harness.state.focusedPane == .invites)
    // The list keys move the invite highlight, clamped to the invites; the members stay.
    let invites = Fixtures.invites.count
    for _ in 0..<(invites + 2) { harness.press(.down) }
    #expect(harness.state.selectedInvite == invites - 1)
    harness.press(.home)
    #expect(harness.state.selectedInvite == 0)
    // `/` and `s` have nothing to filter or sort there, and Enter opens nothing.
    for key: KeyPress in [.character("/"), .character("s"), .enter] { harness.press(key) }
    #expect(harness.state.memberList == members)
    #expect(harness.state.view == .members)
    harness.press(.tab)
    #expect(harness.state.focusedPane == .members)
    harness.press(.down)
    #expect(harness.state.memberList.selectedID == harness.state.memberRows[1].id)
    // The dashboard kept its own focus.
    #expect(harness.state.focus == .keys)
  }

  @Test func aViewOfOneListHasNoPaneToMoveTo() {
    var harness = loaded()
    harness.press(.character("3"))
    let before = harness.state
    harness.press(.tab)
    harness.press(.backTab)
    #expect(harness.state == before)
    #expect(harness.state.focusedPane == nil)
  }
}
