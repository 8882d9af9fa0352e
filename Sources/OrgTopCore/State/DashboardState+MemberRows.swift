import Foundation

extension DashboardState {
  /// Recomputes ``memberRows``: every member with their key counts and cost (``MemberRow``),
  /// filtered by ``memberList``'s filter (name, email or role), then sorted (ties by name, then
  /// id); and the widest texts the table sizes its columns by.
  mutating func deriveMemberRows() {
    memberRows = []
    let filter = memberList.activeFilter
    var rows = MemberRow.rows(state: self)
    if let filter {
      rows.removeAll { row in
        ![row.name, row.email, row.role.wire].contains { $0.lowercased().contains(filter) }
      }
    }
    let column = memberList.sortColumn
    let descending = memberList.sortDescending
    let keys = rows.map { MemberSortKey($0, by: column) }
    var order = Array(rows.indices)
    order.sort { keys[$0].precedes(keys[$1], descending: descending) }
    Self.permute(&rows, by: &order)
    memberRows = rows
    var widest = [String](repeating: "", count: MemberColumn.allCases.count)
    for row in rows {
      for (column, text) in [
        (MemberColumn.name, row.name), (.email, row.email), (.role, row.role.wire),
        (.keys, MemberList.keysText(row)), (.cost, MemberList.costText(row, state: self)),
      ] where text.utf8.count > widest[column.rawValue].utf8.count {
        widest[column.rawValue] = text
      }
    }
    widestMemberTexts = widest
  }
}

/// What a member row sorts by, read once per row: the column's value, then the name
/// (case-insensitively), then the id.
private struct MemberSortKey {
  var text: String?
  var number: Decimal
  var name: String
  var id: String

  init(_ row: MemberRow, by column: MemberColumn) {
    name = row.name.lowercased()
    id = row.id
    number = 0
    switch column {
    case .name: text = name
    case .email: text = row.email.lowercased()
    case .role: text = row.role.wire.lowercased()
    case .added: number = Decimal(row.addedAt.timeIntervalSince1970)
    // Not loaded sorts below none: unknown is not zero.
    case .keys:
      number = Decimal((row.keysCreated ?? -1) * 1_000_000 + (row.activeKeysCreated ?? 0))
    case .cost: number = row.monthCost?.minorUnits ?? -1
    }
  }

  func precedes(_ other: MemberSortKey, descending: Bool) -> Bool {
    if let lhs = text, let rhs = other.text, lhs != rhs {
      return descending ? lhs > rhs : lhs < rhs
    }
    if text == nil, number != other.number {
      return descending ? number > other.number : number < other.number
    }
    return name != other.name ? name < other.name : id < other.id
  }
}
