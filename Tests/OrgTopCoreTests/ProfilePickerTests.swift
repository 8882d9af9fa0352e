import Foundation
import OrgTopCore
import OrgTopTestSupport
import Testing

/// The profile picker (`P`): opening on the profile shown, moving, switching, closing.
@Suite("Profile picker")
struct ProfilePickerTests {
  private static func harness(active: String? = "staging") -> ReducerHarness {
    var configuration = Fixtures.configuration
    configuration.profiles = [
      ProfileSummary(name: "production"),
      ProfileSummary(
        name: "staging", organization: "Acme Staging", spend: Money(minorUnits: 123_456),
        limit: Money(minorUnits: 500_000), limitSource: "org limit", asOf: Fixtures.now),
      ProfileSummary(name: "client-x"),
    ]
    configuration.activeProfile = active
    var harness = ReducerHarness(configuration: configuration)
    harness.loadFixture()
    return harness
  }

  @Test func opensOnTheProfileShownAndSwitchesToTheOneChosen() {
    var harness = Self.harness()
    harness.press(.character("P"))
    #expect(harness.state.overlay == .profilePicker(selected: 1))
    harness.press(.up)
    harness.press(.up)
    #expect(harness.state.overlay == .profilePicker(selected: 0))
    let effects = harness.press(.enter)
    #expect(effects == [.switchProfile("production")])
    #expect(harness.state.overlay == nil)
  }

  @Test func choosingTheProfileShownSwitchesNothing() {
    var harness = Self.harness()
    harness.press(.character("P"))
    #expect(harness.press(.enter).isEmpty)
  }

  @Test func movesStayInsideTheListAndEscCloses() {
    var harness = Self.harness(active: nil)
    harness.press(.character("P"))
    #expect(harness.state.overlay == .profilePicker(selected: 0))
    for _ in 0..<5 { harness.press(.down) }
    #expect(harness.state.overlay == .profilePicker(selected: 2))
    // Keys that act on the key table do nothing here.
    let before = harness.state.keyList
    harness.press(.character("s"))
    #expect(harness.state.keyList == before)
    harness.press(.escape)
    #expect(harness.state.overlay == nil)
  }

  @Test func theViewModelShowsTheLastFiguresAndMarksTheProfileShown() {
    var harness = Self.harness()
    harness.press(.character("P"))
    let model = DashboardViewModel(state: harness.state, now: harness.now)
    guard case .profiles(let picker) = model.overlay else {
      Issue.record("no picker")
      return
    }
    #expect(picker.rows.map(\.name) == ["production", "staging", "client-x"])
    #expect(picker.rows.map(\.isActive) == [false, true, false])
    #expect(picker.rows[0].organization == "not read yet")
    #expect(picker.rows[1].figures.hasPrefix("$1,234.56 of $5,000.00 (org limit)"))
    #expect(model.hints.map(\.action) == ["choose", "switch", "back", "quit"])
  }

  @Test func aFailedSwitchIsSaidInTheStatusBarUntilTheNextKey() {
    var harness = Self.harness()
    harness.send(.profileSwitchFailed("production", reason: "admin_key_file is readable by others"))
    let status = StatusBarViewModel(state: harness.state, now: harness.now)
    #expect(
      status.right.map(\.text).joined()
        == "Cannot open profile production: admin_key_file is readable by others")
    harness.press(.down)
    #expect(harness.state.notice == nil)
  }
}
