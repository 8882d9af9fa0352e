import Foundation

/// One key with the figures the table shows and sorts by, resolved from the other slots.
/// Facts, not text: the key table's view model formats the rows it shows (``KeyList``).
package struct KeyRowFacts: Hashable, Sendable, ListRow {
  package var key: APIKey
  package var workspaceName: String
  package var creatorName: String
  package var lastActive: KeyActivity.LastActive
  /// `nil` while month-to-date usage is not loaded.
  package var tokensMTD: Int?
  /// `nil` while month-to-date cost is not loaded, or when reports cannot split cost by key.
  package var costMTD: Money?
  /// The key's flags as of the row's derivation (``KeyFlags``).
  package var flags: KeyFlagSet

  /// The key's id: the list's selection follows it.
  package var listID: String { key.id }

  package init(
    key: APIKey, workspaceName: String, creatorName: String,
    lastActive: KeyActivity.LastActive, tokensMTD: Int?, costMTD: Money?, flags: KeyFlagSet = []
  ) {
    self.flags = flags
    self.key = key
    self.workspaceName = workspaceName
    self.creatorName = creatorName
    self.lastActive = lastActive
    self.tokensMTD = tokensMTD
    self.costMTD = costMTD
  }
}
