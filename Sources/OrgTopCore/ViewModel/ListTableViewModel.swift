/// Any list as a table: columns, the page of rows in view, selection, sort and filter. The
/// one table widget (`Table` in OrgTopUI) draws it, whatever the list.
package struct ListTableViewModel: Hashable, Sendable {
  package var title: String
  package var condition: PaneCondition
  package var columns: [ListColumn]
  /// The rows in view only (a page from `firstRow`), formatted; the list may hold thousands.
  package var rows: [TableRow]
  /// The index, among all `rowCount` rows, of `rows[0]`.
  package var firstRow: Int
  /// How many rows the list holds (after the filter).
  package var rowCount: Int
  /// Per column, its longest text over all rows (empty: none worth measuring), so the layout
  /// sizes columns for every row while only a page is formatted.
  package var widestCells: [String]
  /// Index, among all rows, of the selected row.
  package var selectedIndex: Int?
  /// Index, among all rows, of the first row drawn (the reducer keeps the selection in view).
  package var scrollOffset: Int
  /// Index into `columns` of the sort column (`nil`: no column shows the order), and its
  /// direction (drawn as ▲/▼ in the header).
  package var sortColumn: Int?
  package var sortDescending: Bool
  /// The filter as typed (`nil` when none), and whether it is being edited (`/` pressed).
  package var filter: String?
  package var isEditingFilter: Bool
  /// What to show when `rows` is empty, e.g. `No keys match "prod"`.
  package var emptyMessage: String
  /// A totals line that reconciles the list with the organization's figures.
  package var footer: String

  package init(
    title: String, condition: PaneCondition, columns: [ListColumn], rows: [TableRow],
    firstRow: Int, rowCount: Int, widestCells: [String], selectedIndex: Int?, scrollOffset: Int,
    sortColumn: Int?, sortDescending: Bool, filter: String?, isEditingFilter: Bool,
    emptyMessage: String,
    footer: String
  ) {
    self.title = title
    self.condition = condition
    self.columns = columns
    self.rows = rows
    self.firstRow = firstRow
    self.rowCount = rowCount
    self.widestCells = widestCells
    self.selectedIndex = selectedIndex
    self.scrollOffset = scrollOffset
    self.sortColumn = sortColumn
    self.sortDescending = sortDescending
    self.filter = filter
    self.isEditingFilter = isEditingFilter
    self.emptyMessage = emptyMessage
    self.footer = footer
  }

  /// A list's table from its state and its (filtered, sorted) rows: the window rule picks the
  /// page, and only the rows in view are formatted (with 10,000 rows, formatting them all every
  /// second would cost more than the rest of the frame together).
  package init<Column: ListSortColumn, Row: ListRow>(
    title: String, condition: PaneCondition, columns: [ListColumn], list: ListState<Column>,
    rows: [Row], widestCells: [String], emptyMessage: String, footer: String,
    format: (Row) -> TableRow
  ) {
    let selected = list.shownSelection(count: rows.count)
    let window = list.window(count: rows.count)
    let sortKey = list.sortColumn.position
    self.init(
      title: title, condition: condition, columns: columns, rows: rows[window].map(format),
      firstRow: window.lowerBound, rowCount: rows.count, widestCells: widestCells,
      selectedIndex: selected, scrollOffset: list.scrollOffset,
      sortColumn: columns.firstIndex { $0.sortKey == sortKey },
      sortDescending: list.sortDescending, filter: list.filter,
      isEditingFilter: list.isEditingFilter, emptyMessage: emptyMessage, footer: footer)
  }
}
