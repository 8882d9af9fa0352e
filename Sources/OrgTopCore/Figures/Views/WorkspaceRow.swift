import Foundation

/// One workspace as the workspaces view shows it: identity, keys, members, and its
/// month-to-date tokens and cost from the reports grouped by `workspace_id`.
///
/// A figure whose data is not loaded is `nil`, never 0. Where usage with no key and keys with
/// no workspace go is decided by ``WorkspaceFigures`` (and written in docs/views.md).
package struct WorkspaceRow: Hashable, Sendable, Identifiable {
  /// The workspace id; empty for the Default workspace when the list did not include it (the
  /// legacy reports name it `null`, docs/admin-api.md §13.5).
  package var id: String
  /// The name, or the id for a workspace the reports name but the list does not hold.
  package var name: String
  package var isArchived: Bool
  /// The Default workspace, labelled as such.
  package var isDefault: Bool
  /// `false` for a workspace that appears only in the reports (not in `GET /workspaces`).
  package var isListed: Bool
  /// Keys whose scope is this workspace, of any status; `nil` while the keys are not loaded.
  package var totalKeys: Int?
  /// Of ``totalKeys``, those with status `active`.
  package var activeKeys: Int?
  /// Members of the workspace, from `/workspaces/{id}/members` (loaded on demand); `nil`
  /// until it is.
  package var members: Int?
  /// Month-to-date tokens (every token type) the usage report puts in this workspace.
  package var monthTokens: Int?
  /// Month-to-date cost the cost report puts in this workspace (exact cents).
  package var monthCost: Money?

  package init(
    id: String, name: String, isArchived: Bool, isDefault: Bool, isListed: Bool,
    totalKeys: Int?, activeKeys: Int?, members: Int?, monthTokens: Int?, monthCost: Money?
  ) {
    self.id = id
    self.name = name
    self.isArchived = isArchived
    self.isDefault = isDefault
    self.isListed = isListed
    self.totalKeys = totalKeys
    self.activeKeys = activeKeys
    self.members = members
    self.monthTokens = monthTokens
    self.monthCost = monthCost
  }
}
