/// A column of the workspaces list, in display order; also the sort keys `s` cycles through.
package enum WorkspaceColumn: Int, ListSortColumn {
  case name, id, state, keys, members, tokens, cost

  /// The header text.
  package var title: String {
    switch self {
    case .name: "NAME"
    case .id: "ID"
    case .state: "STATE"
    case .keys: "KEYS"
    case .members: "MEMBERS"
    case .tokens: "TOKENS MTD"
    case .cost: "COST MTD"
    }
  }

  /// Text A→Z; the most keys, members, tokens and cost first.
  package var sortsDescendingByDefault: Bool {
    switch self {
    case .name, .id, .state: false
    case .keys, .members, .tokens, .cost: true
    }
  }
}

extension WorkspaceRow: ListRow {
  /// The workspace id (empty for a Default workspace the list left out): the selection
  /// follows it.
  package var listID: String { id }

  /// The state in words: `default`, `archived`, `unlisted` (named only by the reports) or
  /// `active`.
  package var stateText: String {
    if isDefault { return "default" }
    if isArchived { return "archived" }
    return isListed ? "active" : "unlisted"
  }
}
