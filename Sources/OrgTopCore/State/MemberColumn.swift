/// A column of the members list, in display order; also the sort keys `s` cycles through.
package enum MemberColumn: Int, ListSortColumn {
  case name, email, role, added, keys, cost

  /// The header text.
  package var title: String {
    switch self {
    case .name: "NAME"
    case .email: "EMAIL"
    case .role: "ROLE"
    case .added: "ADDED"
    case .keys: "KEYS"
    case .cost: "COST MTD"
    }
  }

  /// Text A→Z; the newest member, the most keys and the highest cost first.
  package var sortsDescendingByDefault: Bool {
    switch self {
    case .name, .email, .role: false
    case .added, .keys, .cost: true
    }
  }
}

extension MemberRow: ListRow {
  /// The member's id: the list's selection follows it.
  package var listID: String { id }
}
