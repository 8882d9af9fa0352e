/// The key table's navigation state: filter, sort, selection and scroll.
///
/// The selection is held by key id so it follows the key across refreshes, filter and sort
/// changes; `selectedIndex` is where it was last seen, the fallback when the key disappears.
package struct KeyTableState: Hashable, Sendable {
  /// The filter text (`nil` when no filter); matched case-insensitively.
  package var filter: String?
  package var isEditingFilter: Bool
  package var sortColumn: KeyColumn
  package var sortDescending: Bool
  package var selectedKeyID: String?
  package var selectedIndex: Int
  /// Whether the user has moved the selection. Until then it stays on the top row as the data
  /// arrives and reorders (rather than sticking to whichever key happened to load first).
  package var hasUserSelection: Bool
  /// Index of the first row drawn.
  package var scrollOffset: Int
  /// How many key rows the layout shows: the PgUp/PgDn step and the scroll window.
  package var pageSize: Int
  /// `f`: only keys with at least one flag are listed (with the text filter, if any).
  package var flaggedOnly = false

  package init(
    filter: String? = nil, isEditingFilter: Bool = false, sortColumn: KeyColumn = .cost,
    sortDescending: Bool = true, selectedKeyID: String? = nil, selectedIndex: Int = 0,
    hasUserSelection: Bool = false, scrollOffset: Int = 0, pageSize: Int = 10
  ) {
    self.filter = filter
    self.isEditingFilter = isEditingFilter
    self.sortColumn = sortColumn
    self.sortDescending = sortDescending
    self.selectedKeyID = selectedKeyID
    self.selectedIndex = selectedIndex
    self.hasUserSelection = hasUserSelection
    self.scrollOffset = scrollOffset
    self.pageSize = pageSize
  }
}
