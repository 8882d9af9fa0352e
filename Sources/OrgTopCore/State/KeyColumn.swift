/// A column of the key table, in display order; also the sort keys `s` cycles through.
package enum KeyColumn: Int, ListSortColumn {
  case name, status, flags, workspace, createdBy, created, expires, lastActive, tokens, cost

  /// The header text.
  package var title: String {
    switch self {
    case .name: "NAME"
    case .status: "STATUS"
    case .flags: "FLAGS"
    case .workspace: "WORKSPACE"
    case .createdBy: "CREATED BY"
    case .created: "CREATED"
    case .expires: "EXPIRES"
    case .lastActive: "LAST ACTIVE"
    case .tokens: "TOKENS MTD"
    case .cost: "COST MTD"
    }
  }

  /// The direction a column sorts in when `s` selects it: text A→Z, figures and dates with the
  /// largest or newest first, the most flags first.
  package var sortsDescendingByDefault: Bool {
    switch self {
    case .name, .status, .workspace, .createdBy: false
    case .flags, .created, .expires, .lastActive, .tokens, .cost: true
    }
  }
}
