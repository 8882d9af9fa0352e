import Foundation

/// The workspaces list's rows as a ``Derivation`` part, from ``WorkspaceFigures`` (docs/views.md:
/// where usage with no key and unlisted workspaces go), filtered by name, id or state, then
/// sorted (ties by name, then id); with the cost summed over every workspace, the filter aside.
package struct WorkspaceRows: Hashable, Sendable {
  /// The rows in the list's order.
  package var rows: [WorkspaceRow] = []
  /// How many workspaces there are, the filter aside; `nil` while they are not loaded.
  package var total: Int?
  /// The month-to-date cost summed over every workspace (the filter aside): equal to the
  /// organization's, to the cent; `nil` while not known per workspace.
  package var costTotal: Money?

  /// The rows of `state`.
  package init(state: DashboardState) {
    let figures = WorkspaceFigures(
      state: state, memberCounts: state.workspaceMembers.compactMapValues { $0.value?.count })
    costTotal = figures?.totalCost
    total = figures?.rows.count
    var rows = figures?.rows ?? []
    if let filter = state.workspaceList.activeFilter {
      rows.removeAll { row in
        ![row.name, row.id, row.stateText].contains { $0.lowercased().contains(filter) }
      }
    }
    let column = state.workspaceList.sortColumn
    let descending = state.workspaceList.sortDescending
    rows.sort { lhs, rhs in
      let order = Self.compare(lhs, rhs, by: column)
      if order != .orderedSame {
        return descending ? order == .orderedDescending : order == .orderedAscending
      }
      let (left, right) = (lhs.name.lowercased(), rhs.name.lowercased())
      return left != right ? left < right : lhs.id < rhs.id
    }
    self.rows = rows
  }

  /// Orders two workspaces by a column; a figure not loaded sorts below every loaded one.
  private static func compare(_ lhs: WorkspaceRow, _ rhs: WorkspaceRow, by column: WorkspaceColumn)
    -> ComparisonResult
  {
    func order<T: Comparable>(_ left: T, _ right: T) -> ComparisonResult {
      left == right ? .orderedSame : left < right ? .orderedAscending : .orderedDescending
    }
    switch column {
    case .name: return order(lhs.name.lowercased(), rhs.name.lowercased())
    case .id: return order(lhs.id, rhs.id)
    case .state: return order(lhs.stateText, rhs.stateText)
    case .keys: return order(lhs.totalKeys ?? -1, rhs.totalKeys ?? -1)
    case .members: return order(lhs.members ?? -1, rhs.members ?? -1)
    case .tokens: return order(lhs.monthTokens ?? -1, rhs.monthTokens ?? -1)
    case .cost: return order(lhs.monthCost?.minorUnits ?? -1, rhs.monthCost?.minorUnits ?? -1)
    }
  }
}
