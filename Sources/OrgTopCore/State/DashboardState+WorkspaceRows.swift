import Foundation

extension DashboardState {
  /// Recomputes ``workspaceRows`` from ``WorkspaceFigures`` (docs/views.md: where usage with
  /// no key and unlisted workspaces go), filtered by name, id or state, then sorted (ties by
  /// name, then id); and ``workspaceCostTotal``, the rows' cost summed before the filter.
  mutating func deriveWorkspaceRows() {
    workspaceRows = []
    let figures = WorkspaceFigures(
      state: self, memberCounts: workspaceMembers.compactMapValues { $0.value?.count })
    workspaceCostTotal = figures?.totalCost
    var rows = figures?.rows ?? []
    if let filter = workspaceList.activeFilter {
      rows.removeAll { row in
        ![row.name, row.id, row.stateText].contains { $0.lowercased().contains(filter) }
      }
    }
    let column = workspaceList.sortColumn
    let descending = workspaceList.sortDescending
    rows.sort { lhs, rhs in
      let order = Self.compare(lhs, rhs, by: column)
      if order != .orderedSame {
        return descending ? order == .orderedDescending : order == .orderedAscending
      }
      let (left, right) = (lhs.name.lowercased(), rhs.name.lowercased())
      return left != right ? left < right : lhs.id < rhs.id
    }
    workspaceRows = rows
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
