/// Where one list lives in a larger state: its ``ListState`` and how its rows are derived. The
/// navigation of every list is implemented here, once.
///
/// The rows are derived again after each change of filter or sort (through the ``Deriver``
/// that remembers them, for the dashboard's lists), so the selection is reconciled against the
/// rows now shown.
package struct ListBinding<Root, Column: ListSortColumn, Row: ListRow> {
  package let list: WritableKeyPath<Root, ListState<Column>>
  /// The rows of a root, in the list's order.
  package let rows: (Root) -> [Row]

  /// A list whose rows are derived from the root by `rows`.
  package init(list: WritableKeyPath<Root, ListState<Column>>, rows: @escaping (Root) -> [Row]) {
    self.list = list
    self.rows = rows
  }

  /// A list whose rows the root holds (or computes) at a key path.
  package init(list: WritableKeyPath<Root, ListState<Column>>, rows: KeyPath<Root, [Row]>) {
    self.init(list: list) { $0[keyPath: rows] }
  }

  /// Re-finds the selection after the rows changed and keeps it in view.
  package func reconcile(_ root: inout Root) {
    let rows = rows(root)
    root[keyPath: list].reconcile(with: rows)
  }

  /// Applies a list command; `false` when it had nothing to do (so `Esc` can mean something
  /// else, such as going back a view, when there is no filter to drop).
  @discardableResult
  package func perform(_ command: ListCommand, in root: inout Root) -> Bool {
    switch command {
    case .up: move(by: -1, in: &root)
    case .down: move(by: 1, in: &root)
    case .pageUp: move(by: -root[keyPath: list].pageSize, in: &root)
    case .pageDown: move(by: root[keyPath: list].pageSize, in: &root)
    case .top: move(to: 0, in: &root)
    case .bottom: move(to: Int.max, in: &root)
    case .startFilter:
      root[keyPath: list].isEditingFilter = true
      if root[keyPath: list].filter == nil { root[keyPath: list].filter = "" }
    case .clearFilter:
      guard root[keyPath: list].filter != nil || root[keyPath: list].isEditingFilter else {
        return false
      }
      root[keyPath: list].filter = nil
      root[keyPath: list].isEditingFilter = false
      reconcile(&root)
    case .cycleSort:
      let column = root[keyPath: list].sortColumn.next
      root[keyPath: list].sortColumn = column
      root[keyPath: list].sortDescending = column.sortsDescendingByDefault
      reconcile(&root)
    case .reverseSort:
      root[keyPath: list].sortDescending.toggle()
      reconcile(&root)
    }
    return true
  }

  /// A key while the filter is typed: printable characters edit it, Backspace deletes, Enter
  /// keeps it (an empty filter goes), Esc drops it, and the arrows and pages still move.
  /// Returns `false` for any other key (ignored while typing).
  @discardableResult
  package func editFilter(_ key: KeyPress, in root: inout Root) -> Bool {
    switch key {
    case .character(let character):
      guard !character.isNewline, !(character.asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false)
      else { return false }
      root[keyPath: list].filter = (root[keyPath: list].filter ?? "") + String(character)
    case .backspace, .delete:
      if var filter = root[keyPath: list].filter, !filter.isEmpty {
        filter.removeLast()
        root[keyPath: list].filter = filter
      }
    case .enter:
      root[keyPath: list].isEditingFilter = false
      if root[keyPath: list].filter?.isEmpty ?? true { root[keyPath: list].filter = nil }
    case .escape:
      root[keyPath: list].isEditingFilter = false
      root[keyPath: list].filter = nil
    case .up: move(by: -1, in: &root)
    case .down: move(by: 1, in: &root)
    case .pageUp: move(by: -root[keyPath: list].pageSize, in: &root)
    case .pageDown: move(by: root[keyPath: list].pageSize, in: &root)
    default: return false
    }
    reconcile(&root)
    return true
  }

  /// Sets the page size (at least one row) and keeps the selection in view.
  package func setPageSize(_ size: Int, in root: inout Root) {
    root[keyPath: list].pageSize = max(1, size)
    reconcile(&root)
  }

  private func move(by delta: Int, in root: inout Root) {
    let rows = rows(root)
    root[keyPath: list].move(by: delta, in: rows)
  }

  private func move(to index: Int, in root: inout Root) {
    let rows = rows(root)
    root[keyPath: list].move(to: index, in: rows)
  }
}
