extension DashboardReducer {
  /// Moves the selection by `delta` rows, clamped to the table.
  static func moveSelection(by delta: Int, in state: inout DashboardState) {
    let rows = state.keyRows
    guard !rows.isEmpty else { return }
    let current =
      selectedRow(in: rows, table: state.table) ?? min(state.table.selectedIndex, rows.count - 1)
    state.table.hasUserSelection = true
    let (sum, overflow) = current.addingReportingOverflow(delta)
    select(overflow ? (delta > 0 ? rows.count - 1 : 0) : sum, in: rows, state: &state)
  }

  /// Moves the selection to a row index, clamped to the table.
  static func moveSelection(to index: Int, in state: inout DashboardState) {
    let rows = state.keyRows
    guard !rows.isEmpty else { return }
    state.table.hasUserSelection = true
    select(index, in: rows, state: &state)
  }

  /// Re-finds the selected key after the rows changed (refresh, filter, sort, resize): by id if
  /// it is still shown, else the row now at its old index (clamped); then keeps it in view.
  /// Before the user has moved it, the selection is simply the top row.
  static func reconcileSelection(_ state: inout DashboardState) {
    let rows = state.keyRows
    guard !rows.isEmpty else {
      state.table.scrollOffset = 0
      return
    }
    if !state.table.hasUserSelection {
      select(0, in: rows, state: &state)
    } else if let index = selectedRow(in: rows, table: state.table) {
      select(index, in: rows, state: &state)
    } else {
      select(state.table.selectedIndex, in: rows, state: &state)
    }
  }

  /// Where the selected key is in `rows`: usually still at its last index (checked first, so a
  /// key press does not search thousands of rows), else found by id; `nil` when it is gone.
  private static func selectedRow(in rows: [KeyRowFacts], table: KeyTableState) -> Int? {
    guard let id = table.selectedKeyID else { return nil }
    if rows.indices.contains(table.selectedIndex), rows[table.selectedIndex].key.id == id {
      return table.selectedIndex
    }
    return rows.firstIndex { $0.key.id == id }
  }

  private static func select(_ index: Int, in rows: [KeyRowFacts], state: inout DashboardState) {
    let clamped = min(max(index, 0), rows.count - 1)
    state.table.selectedIndex = clamped
    state.table.selectedKeyID = rows[clamped].key.id
    let page = max(1, state.table.pageSize)
    var offset = state.table.scrollOffset
    if clamped < offset { offset = clamped }
    if clamped >= offset + page { offset = clamped - page + 1 }
    offset = min(offset, max(0, rows.count - page))
    state.table.scrollOffset = max(0, offset)
  }
}
