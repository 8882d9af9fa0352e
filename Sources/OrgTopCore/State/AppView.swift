/// A view of the organization, reached by its number key and listed in the tab line. Only
/// views that exist are listed: a view is added here when it is built.
package enum AppView: Int, Hashable, Sendable, CaseIterable {
  case dashboard = 1
  case members = 2

  /// The tab's title.
  package var title: String {
    switch self {
    case .dashboard: "Dashboard"
    case .members: "Members"
    }
  }

  /// The key that shows it (`1`, `2`, …).
  package var key: Character {
    Character(String(rawValue))
  }
}

/// The member whose keys the key list is narrowed to (`Enter` on a member): their id, and the
/// name the list's title says.
package struct KeyCreator: Hashable, Sendable {
  package var id: String
  package var name: String

  package init(id: String, name: String) {
    self.id = id
    self.name = name
  }
}
