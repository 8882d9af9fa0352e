/// A list's sortable columns, in display order: `s` cycles through them in this order and `S`
/// reverses the direction. Each list (keys, members, …) declares its own enum.
package protocol ListSortColumn: CaseIterable, Hashable, Sendable where AllCases == [Self] {
  /// The direction the column sorts in when `s` selects it: text A→Z, figures and dates with
  /// the largest or newest first.
  var sortsDescendingByDefault: Bool { get }
}

extension ListSortColumn {
  /// The next column in the `s` cycle (after the last, the first).
  package var next: Self {
    let all = Self.allCases
    guard let index = all.firstIndex(of: self) else { return self }
    return all[(index + 1) % all.count]
  }

  /// The column's position in ``allCases``: its index among the list's columns.
  package var position: Int {
    Self.allCases.firstIndex(of: self) ?? 0
  }
}

/// A row a list can hold: the selection follows it by this id across refreshes, filters and
/// sorts.
package protocol ListRow {
  /// Unique among the rows of one list.
  var listID: String { get }
}
