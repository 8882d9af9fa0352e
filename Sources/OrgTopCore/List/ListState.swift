/// One list's navigation state: filter, sort, selection and scroll window, generic over the
/// list's column type. Every list (keys, members, …) holds one; the rows themselves are derived
/// elsewhere from the state and the filter and sort held here.
///
/// The selection is held by row id (``ListRow/listID``) so it follows its row across refreshes,
/// filter and sort changes; `selectedIndex` is where it was last seen, the fallback when the
/// row disappears.
package struct ListState<Column: ListSortColumn>: Hashable, Sendable {
  /// The filter text (`nil` when no filter); matched case-insensitively.
  package var filter: String?
  package var isEditingFilter: Bool
  package var sortColumn: Column
  package var sortDescending: Bool
  package var selectedID: String?
  package var selectedIndex: Int
  /// Whether the user has moved the selection. Until then it stays on the top row as the data
  /// arrives and reorders (rather than sticking to whichever row happened to load first).
  package var hasUserSelection: Bool
  /// Index of the first row drawn.
  package var scrollOffset: Int
  /// How many rows the layout shows: the PgUp/PgDn step and the scroll window.
  package var pageSize: Int

  package init(
    sortColumn: Column, sortDescending: Bool, filter: String? = nil,
    isEditingFilter: Bool = false, selectedID: String? = nil, selectedIndex: Int = 0,
    hasUserSelection: Bool = false, scrollOffset: Int = 0, pageSize: Int = 10
  ) {
    self.filter = filter
    self.isEditingFilter = isEditingFilter
    self.sortColumn = sortColumn
    self.sortDescending = sortDescending
    self.selectedID = selectedID
    self.selectedIndex = selectedIndex
    self.hasUserSelection = hasUserSelection
    self.scrollOffset = scrollOffset
    self.pageSize = pageSize
  }

  /// The filter lowercased, `nil` when there is none or it is empty: what rows are matched
  /// against.
  package var activeFilter: String? {
    guard let filter, !filter.isEmpty else { return nil }
    return filter.lowercased()
  }

  /// Where the selected row is in `rows`: usually still at its last index (checked first, so a
  /// key press does not search thousands of rows), else found by id; `nil` when it is gone.
  package func selectedRowIndex<Row: ListRow>(in rows: [Row]) -> Int? {
    guard let id = selectedID else { return nil }
    if rows.indices.contains(selectedIndex), rows[selectedIndex].listID == id {
      return selectedIndex
    }
    return rows.firstIndex { $0.listID == id }
  }

  /// The index the view shows as selected: the last-seen index, clamped to the rows.
  package func shownSelection(count: Int) -> Int? {
    count == 0 ? nil : min(max(0, selectedIndex), count - 1)
  }

  /// The rows in view (``ListWindow``).
  package func window(count: Int) -> Range<Int> {
    ListWindow.range(
      count: count, scrollOffset: scrollOffset, selectedIndex: shownSelection(count: count),
      pageSize: pageSize)
  }

  /// Moves the selection by `delta` rows, clamped to the list; the user has now chosen.
  package mutating func move<Row: ListRow>(by delta: Int, in rows: [Row]) {
    guard !rows.isEmpty else { return }
    let current = selectedRowIndex(in: rows) ?? min(selectedIndex, rows.count - 1)
    hasUserSelection = true
    let (sum, overflow) = current.addingReportingOverflow(delta)
    select(overflow ? (delta > 0 ? rows.count - 1 : 0) : sum, in: rows)
  }

  /// Moves the selection to a row index, clamped to the list; the user has now chosen.
  package mutating func move<Row: ListRow>(to index: Int, in rows: [Row]) {
    guard !rows.isEmpty else { return }
    hasUserSelection = true
    select(index, in: rows)
  }

  /// Re-finds the selection after the rows changed (refresh, filter, sort, resize): by id if
  /// it is still listed, else the row now at its old index (clamped); then keeps it in view.
  /// Before the user has moved it, the selection is simply the top row.
  package mutating func reconcile<Row: ListRow>(with rows: [Row]) {
    guard !rows.isEmpty else {
      scrollOffset = 0
      return
    }
    if !hasUserSelection {
      select(0, in: rows)
    } else if let index = selectedRowIndex(in: rows) {
      select(index, in: rows)
    } else {
      select(selectedIndex, in: rows)
    }
  }

  /// Selects a row (clamped) and scrolls by the window rule so it shows.
  private mutating func select<Row: ListRow>(_ index: Int, in rows: [Row]) {
    let clamped = min(max(index, 0), rows.count - 1)
    selectedIndex = clamped
    selectedID = rows[clamped].listID
    scrollOffset =
      ListWindow.range(
        count: rows.count, scrollOffset: scrollOffset, selectedIndex: clamped,
        pageSize: pageSize
      ).lowerBound
  }
}
