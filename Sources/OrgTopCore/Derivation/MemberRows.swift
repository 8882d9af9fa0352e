import Foundation

extension MemberRow {
  /// The members list's rows as a ``Derivation`` part: every member with their key counts and
  /// cost (`cost`: the month's summary), filtered by ``DashboardState/memberList``'s filter
  /// (name, email or role), then sorted (ties by name, then id).
  package static func listed(state: DashboardState, cost: CostSummary?) -> [MemberRow] {
    var rows = Self.rows(members: state.members.value ?? [], keys: state.apiKeys.value, cost: cost)
    if let filter = state.memberList.activeFilter {
      rows.removeAll { row in
        ![row.name, row.email, row.role.wire].contains { $0.lowercased().contains(filter) }
      }
    }
    let column = state.memberList.sortColumn
    let descending = state.memberList.sortDescending
    let keys = rows.map { MemberSortKey($0, by: column) }
    var order = Array(rows.indices)
    order.sort { keys[$0].precedes(keys[$1], descending: descending) }
    Derivation.permute(&rows, by: &order)
    return rows
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
