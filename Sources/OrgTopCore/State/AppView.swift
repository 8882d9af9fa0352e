/// A view of the organization, reached by its number key and listed in the tab line. Only
/// views that exist are listed: a view is added here when it is built.
package enum AppView: Int, Hashable, Sendable, CaseIterable {
  case dashboard = 1
  case members = 2
  case workspaces = 3
  case rateLimits = 4

  /// The tab's title.
  package var title: String {
    switch self {
    case .dashboard: "Dashboard"
    case .members: "Members"
    case .workspaces: "Workspaces"
    case .rateLimits: "Rate limits"
    }
  }

  /// Its panes in `Tab` order; empty for a view of one list (nothing to move between). The
  /// focused one takes the list keys (`j`/`k`, `/`, `s`, `Enter`).
  package var panes: [Pane] {
    switch self {
    case .dashboard: [.overview, .keys, .usage]
    case .members: [.members, .invites]
    case .workspaces, .rateLimits: []
    }
  }

  /// The key that shows it (`1`, `2`, …).
  package var key: Character {
    Character(String(rawValue))
  }
}

/// What the key list is narrowed to by a drill-down (`Enter` on a member or a workspace): the
/// keys a member created, or the keys scoped to a workspace.
package enum KeyScope: Hashable, Sendable {
  /// Keys whose `created_by` is this user; `name` is what the title says.
  case creator(id: String, name: String)
  /// Keys whose `workspace_id` is this workspace (as the workspaces view counts them).
  case workspace(id: String, name: String)

  /// The list's title after "API keys", e.g. `created by Ada Lovelace`.
  package var title: String {
    switch self {
    case .creator(_, let name): "created by \(name)"
    case .workspace(_, let name): "in \(name)"
    }
  }

  /// Whether a key is in the scope.
  package func contains(_ key: APIKey) -> Bool {
    switch self {
    case .creator(let id, _): key.createdBy?.kind == .user && key.createdBy?.id == id
    case .workspace(let id, _): key.workspaceID == id
    }
  }
}

extension DashboardState {
  /// The focused pane of the view shown; `nil` for a view of one list.
  package var focusedPane: Pane? {
    switch view {
    case .dashboard: focus
    case .members: membersFocus
    case .workspaces, .rateLimits: nil
    }
  }
}
