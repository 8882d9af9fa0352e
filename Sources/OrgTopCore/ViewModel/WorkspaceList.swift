import Foundation

/// The workspaces view on the list engine: every workspace (listed, and any the reports name
/// that the list does not hold) with its keys and month-to-date tokens and cost, and a footer
/// that reconciles the rows' cost with the organization's. Figures are ``WorkspaceRow``
/// (docs/views.md); formatting happens here.
package enum WorkspaceList {
  /// Where the workspaces list lives: ``DashboardState/workspaceList`` over the rows
  /// `deriver` derives.
  package static func binding(_ deriver: Deriver)
    -> ListBinding<DashboardState, WorkspaceColumn, WorkspaceRow>
  {
    ListBinding(list: \.workspaceList) { deriver.workspaceRows(of: $0).rows }
  }

  /// The columns, in ``WorkspaceColumn`` order. At 80 columns NAME, STATE, KEYS and COST stay.
  package static let columns: [ListColumn] = WorkspaceColumn.allCases.map { column in
    let (width, priority): (ListColumn.Width, Int) =
      switch column {
      case .name: (.flex(min: 14), 0)
      case .id: (.min(12), 6)
      case .state: (.fixed(8), 1)
      case .keys: (.min(7), 2)
      case .members: (.min(7), 4)
      case .tokens: (.min(10), 5)
      case .cost: (.min(10), 3)
      }
    let alignment: ListColumn.Alignment =
      column == .keys || column == .members || column == .tokens || column == .cost
      ? .right : .left
    return ListColumn(
      header: column.title, width: width, alignment: alignment, priority: priority,
      sortKey: column.position, role: column == .id ? .dim : nil)
  }

  /// The workspaces table from the derived (filtered, sorted) rows; `cost`: the month's.
  package static func table(
    state: DashboardState, workspaces: WorkspaceRows, cost: CostSummary?, now: Date
  ) -> ListTableViewModel {
    let list = state.workspaceList
    let rows = workspaces.rows
    let total = workspaces.total
    let title: String
    if let total {
      title =
        list.filter?.isEmpty == false
        ? "Workspaces (\(rows.count) of \(total))" : "Workspaces (\(total))"
    } else {
      title = "Workspaces"
    }
    let emptyMessage: String
    if let filter = list.filter, !filter.isEmpty {
      emptyMessage = "No workspaces match \"\(filter)\""
    } else {
      emptyMessage = state.workspaces.value == nil ? "Loading workspaces…" : "No workspaces"
    }
    return ListTableViewModel(
      title: title,
      condition: .of(
        state, primary: [.workspaces], secondary: [.apiKeys, .monthUsage, .monthCost], now: now,
        loading: "Loading workspaces…"),
      columns: columns, list: list, rows: rows, widestCells: [],
      emptyMessage: emptyMessage, footer: footer(workspaces, cost: cost)
    ) { row($0) }
  }

  /// The reconciliation: the workspaces' cost adds up to the organization's spend.
  static func footer(_ workspaces: WorkspaceRows, cost: CostSummary?) -> String {
    guard let sum = workspaces.costTotal, let total = cost?.total else {
      return "KEYS: active/all scoped to it · Enter lists them"
    }
    return
      "Workspaces sum to \(Format.money(sum)) = MTD \(Format.money(total)) · Enter lists the keys"
  }

  /// One workspace's cells; the Default workspace and archived ones say so in STATE.
  static func row(_ workspace: WorkspaceRow) -> TableRow {
    let cells = WorkspaceColumn.allCases.map { column -> String in
      switch column {
      case .name: workspace.name
      case .id: workspace.id.isEmpty ? "—" : workspace.id
      case .state: workspace.stateText
      case .keys:
        workspace.totalKeys.map { "\(workspace.activeKeys ?? 0)/\($0)" } ?? "…"
      case .members: workspace.members.map(String.init) ?? "…"
      case .tokens: workspace.monthTokens.map(Format.tokens) ?? "…"
      case .cost: workspace.monthCost.map(Format.money) ?? "…"
      }
    }
    return TableRow(id: workspace.id, cells: cells, role: workspace.isArchived ? .dim : .normal)
  }
}
