import Foundation

/// A workspace of the organization. The Default workspace has a real id and the name "Default".
package struct Workspace: Hashable, Sendable, Identifiable {
  package var id: String
  package var name: String
  package var createdAt: Date
  /// `nil` while the workspace is live.
  package var archivedAt: Date?
  /// Hex colour the Console shows for it, e.g. `#D97757`.
  package var displayColor: String

  package init(
    id: String, name: String, createdAt: Date, archivedAt: Date? = nil,
    displayColor: String = "#6B6B6B"
  ) {
    self.id = id
    self.name = name
    self.createdAt = createdAt
    self.archivedAt = archivedAt
    self.displayColor = displayColor
  }
}

extension Workspace {
  /// Whether this is the Default workspace: the one named "Default", a name it cannot lose
  /// (it cannot be renamed or archived, admin-api.md §9.1).
  package var isDefault: Bool { name == "Default" && archivedAt == nil }
}
