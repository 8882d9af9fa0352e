import Foundation
import OrgTopCore
import OrgTopTestSupport
import Testing

/// The rate-limits view on the list engine, on the fixture organization: one line per limiter
/// of every group, counted from `Fixtures`, not from the code under test.
@Suite("Rate limits view")
struct RateLimitsViewTests {
  static func loaded() -> ReducerHarness {
    ReducerHarness.loaded(
      pageSizes: PageSizes([.keys: 8, .members: 4, .workspaces: 3, .rateLimits: 3]),
      pressing: [.character("4")])
  }

  @Test("a line per limiter of every group, each naming its group and type")
  func lines() throws {
    let harness = Self.loaded()
    #expect(harness.state.view == .rateLimits)
    let groups = try #require(harness.state.rateLimits.value)
    let expected = groups.flatMap { group in group.limits.map { "\(group.groupID)/\($0.type)" } }
    #expect(Set(harness.state.rateLimitLines.map(\.listID)) == Set(expected))
    #expect(harness.state.rateLimitLines.count == expected.count)
    let model = try #require(
      DashboardViewModel(state: harness.state, now: harness.now).rateLimits)
    #expect(model.title == "Rate limits (\(groups.count) groups, \(expected.count) limits)")
    #expect(model.rowCount == expected.count)
    #expect(model.rows.count == 3)  // a page
    // Enter opens the selected limit's group, never the selected key's detail.
    var pressed = harness
    pressed.press(.enter)
    #expect(pressed.state.overlay == .rateLimitDetail)
    #expect(pressed.state.view == .rateLimits)
    pressed.press(.escape)
    #expect(pressed.state.overlay == nil)
  }

  @Test("Enter on a limit shows every limit of its group, with the value the API configured")
  func detail() throws {
    var harness = Self.loaded()
    harness.press(.enter)
    let model = DashboardViewModel(state: harness.state, now: harness.now)
    guard case .rateLimitDetail(let detail) = model.overlay else {
      Issue.record("no rate-limit detail: \(String(describing: model.overlay))")
      return
    }
    // The selected line's group, found from the API's groups (not from the lines).
    let selectedID = try #require(harness.state.rateLimitList.selectedID)
    let groups = try #require(harness.state.rateLimits.value)
    let group = try #require(groups.first { selectedID.hasPrefix("\($0.groupID)/") })
    let limits = try #require(detail.sections.first { $0.title.hasPrefix("Limits") })
    #expect(limits.rows.count == group.limits.count)
    for limit in group.limits {
      #expect(
        limits.rows.contains { $0.value.hasPrefix(Format.integer(limit.value) + " · ") },
        "\(limit.type) \(limit.value) is listed")
    }
    #expect(detail.sections.contains { $0.title == "Workspace overrides" })
  }

  @Test("sorted by headroom, the tightest first; unmeasured last; selection follows its line")
  func headroomOrder() {
    var harness = Self.loaded()
    harness.press(.down)
    let selected = harness.state.rateLimitList.selectedID
    for _ in 0..<4 { harness.press(.character("s")) }  // group → limit → value → peak → headroom
    #expect(harness.state.rateLimitList.sortColumn == .headroom)
    let headrooms = harness.state.rateLimitLines.map(\.limiter.headroom)
    let measured = headrooms.compactMap { $0 }
    #expect(measured == measured.sorted())
    #expect(Array(headrooms.prefix(measured.count)).allSatisfy { $0 != nil })
    #expect(harness.state.rateLimitList.selectedID == selected)
    let index = harness.state.rateLimitLines.firstIndex { $0.listID == selected }
    #expect(harness.state.rateLimitList.selectedIndex == index)
  }

  @Test("the filter matches a group's name, type, models or the limiter's type")
  func filter() {
    var harness = Self.loaded()
    harness.press(.character("/"))
    harness.type("output_tokens")
    let lines = harness.state.rateLimitLines
    #expect(!lines.isEmpty)
    #expect(lines.allSatisfy { $0.limiter.type.contains("output_tokens") })
    #expect(RateLimitList.limitText("output_tokens_per_minute") == "output tokens/min")
    #expect(RateLimitList.limitText("files_per_day") == "files_per_day")
  }
}
