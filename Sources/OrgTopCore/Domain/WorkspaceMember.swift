/// A role inside one workspace (an open set).
package enum WorkspaceRole: OpenEnum {
  case user, developer, restrictedDeveloper, admin, billing
  case unknown(String)

  package static let known: [(WorkspaceRole, String)] = [
    (.user, "workspace_user"), (.developer, "workspace_developer"),
    (.restrictedDeveloper, "workspace_restricted_developer"), (.admin, "workspace_admin"),
    (.billing, "workspace_billing"),
  ]

  package var unknownValue: String? {
    if case .unknown(let raw) = self { return raw }
    return nil
  }
}

/// A user's membership of a workspace (`GET /v1/organizations/workspaces/{id}/members`).
package struct WorkspaceMember: Hashable, Sendable {
  package var userID: String
  package var workspaceID: String
  package var role: WorkspaceRole

  package init(userID: String, workspaceID: String, role: WorkspaceRole) {
    self.userID = userID
    self.workspaceID = workspaceID
    self.role = role
  }
}
