/// One column of a list's table, described as data: the one table widget draws any list from
/// these (keys, members, …).
package struct ListColumn: Hashable, Sendable {
  /// How a column's text sits in its cells.
  package enum Alignment: Hashable, Sendable { case left, right }

  /// How wide a column may be.
  package enum Width: Hashable, Sendable {
    /// Exactly this wide (a marker column whose text never varies in width).
    case fixed(Int)
    /// At least this wide; grows to its longest text when there is room.
    case min(Int)
    /// The column the user reads rows by (a name): at least this wide, promised up to 35 % of
    /// the width as far as its text needs, and given the spare width (see `TableLayout`).
    /// At most one per table.
    case flex(min: Int)
  }

  package var header: String
  package var width: Width
  package var alignment: Alignment
  /// Lower shows first: the UI drops the highest-priority-number columns when short of room.
  package var priority: Int
  /// The position of the list's sort column this column sorts by (``ListSortColumn/position``),
  /// or `nil` when `s` never selects it; the header of the sort column carries ▲ or ▼.
  package var sortKey: Int?
  /// The role every cell of the column is drawn in, or `nil` for the row's role.
  package var role: TextRole?

  package init(
    header: String, width: Width, alignment: Alignment = .left, priority: Int,
    sortKey: Int? = nil, role: TextRole? = nil
  ) {
    self.header = header
    self.width = width
    self.alignment = alignment
    self.priority = priority
    self.sortKey = sortKey
    self.role = role
  }

  /// The narrowest the column is drawn; text is truncated with an ellipsis below its natural
  /// width.
  package var minWidth: Int {
    switch width {
    case .fixed(let width), .min(let width), .flex(min: let width): width
    }
  }

  /// Whether this column takes the spare width.
  package var isFlexible: Bool {
    if case .flex = width { return true }
    return false
  }

  /// Whether the column may grow past its minimum to fit its text.
  package var grows: Bool {
    if case .fixed = width { return false }
    return true
  }
}

/// One row of a list's table, formatted.
package struct TableRow: Hashable, Sendable, Identifiable {
  /// The row's id (``ListRow/listID``): the selection follows it across refreshes.
  package var id: String
  /// One text per column, raw from data: the UI sanitizes every cell it draws.
  package var cells: [String]
  package var role: TextRole

  package init(id: String, cells: [String], role: TextRole) {
    self.id = id
    self.cells = cells
    self.role = role
  }
}
