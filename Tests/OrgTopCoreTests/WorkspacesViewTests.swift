import Foundation
import OrgTopCore
import OrgTopTestSupport
import Testing

/// The workspaces view on the list engine, on the fixture organization: expectations from
/// `Fixtures` and the raw reports, not from the code under test.
@Suite("Workspaces view")
struct WorkspacesViewTests {
  static func loaded() -> ReducerHarness {
    ReducerHarness.loaded(
      pageSizes: PageSizes([.keys: 8, .members: 4, .workspaces: 3]), pressing: [.character("3")])
  }

  @Test("every workspace, by cost; the costs add up to the month's spend to the cent")
  func rowsAndReconciliation() throws {
    let harness = Self.loaded()
    #expect(harness.state.view == .workspaces)
    let rows = harness.state.workspaceRows
    for workspace in Fixtures.workspaces {
      #expect(rows.contains { $0.id == workspace.id })
    }
    let costs = rows.map { $0.monthCost?.minorUnits ?? -1 }
    #expect(costs == costs.sorted(by: >))
    // The organization's spend summed from the raw cost report's rows.
    let report = try #require(harness.state.monthCost.value)
    let spend = report.rows.reduce(Decimal(0)) { $0 + $1.amount.minorUnits }
    #expect(harness.state.workspaceCostTotal?.minorUnits == spend)
    let model = try #require(DashboardViewModel(state: harness.state, now: harness.now).workspaces)
    #expect(model.footer.hasPrefix("Workspaces sum to "))
    let total = Format.money(Money(minorUnits: spend))
    #expect(model.footer.contains("= MTD \(total)"))
  }

  @Test("Enter lists the keys scoped to the workspace; Esc returns")
  func drillDown() throws {
    var harness = Self.loaded()
    harness.press(.character("/"))
    harness.type(Fixtures.workspaces[1].name)
    harness.press(.enter)
    #expect(harness.state.workspaceRows.map(\.id) == [Fixtures.workspaces[1].id])
    harness.press(.enter)
    #expect(harness.state.view == .dashboard)
    let scoped = Fixtures.apiKeys.filter { $0.workspaceID == Fixtures.workspaces[1].id }
    #expect(!scoped.isEmpty)
    #expect(Set(harness.state.keyRows.map(\.key.id)) == Set(scoped.map(\.id)))
    let title = DashboardViewModel(state: harness.state, now: harness.now).keys.title
    #expect(
      title
        == "API keys in \(Fixtures.workspaces[1].name) (\(scoped.count) of \(Fixtures.apiKeys.count))"
    )
    harness.press(.escape)
    #expect(harness.state.view == .workspaces)
    #expect(harness.state.keyScope == nil)
  }

  @Test("s cycles to the id column, A→Z; the state column names the Default workspace")
  func sortAndState() throws {
    var harness = Self.loaded()
    harness.press(.character("s"))
    #expect(harness.state.workspaceList.sortColumn == .name)
    harness.press(.character("s"))
    #expect(harness.state.workspaceList.sortColumn == .id)
    let ids = harness.state.workspaceRows.map(\.id)
    #expect(ids == ids.sorted())
    let model = try #require(DashboardViewModel(state: harness.state, now: harness.now).workspaces)
    #expect(model.sortColumn == WorkspaceColumn.id.rawValue)
    let fixtureDefault = try #require(Fixtures.workspaces.first { $0.isDefault })
    let row = try #require(harness.state.workspaceRows.first { $0.id == fixtureDefault.id })
    #expect(row.stateText == "default")
  }
}
