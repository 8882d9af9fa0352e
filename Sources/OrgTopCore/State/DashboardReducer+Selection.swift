extension DashboardReducer {
  /// Moves the selection by `delta` rows, clamped to the table.
  static func moveSelection(by delta: Int, in state: inout DashboardState) {
    let rows = state.keyRows
    guard !rows.isEmpty else { return }
    let current =
      state.selectedKeyRowIndex ?? min(state.table.selectedIndex, rows.count - 1)
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
    } else if let index = state.selectedKeyRowIndex {
      select(index, in: rows, state: &state)
    } else {
      select(state.table.selectedIndex, in: rows, state: &state)
    }
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
