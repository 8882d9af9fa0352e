import Foundation
import OrgTopCore

/// `BetaOrganizationUser` (admin-api.md §7.1).
struct WireUser: Decodable, Sendable {
  var id: String
  var email: String
  var name: String
  var role: String
  var addedAt: Date

  private enum CodingKeys: String, CodingKey {
    case id, email, name, role
    case addedAt = "added_at"
  }

  func toDomain() -> Member {
    Member(id: id, email: email, name: name, role: MemberRole(wire: role), addedAt: addedAt)
  }
}

/// An invitation (admin-api.md §8).
struct WireInvite: Decodable, Sendable {
  var id: String
  var email: String
  var role: String
  var status: String
  var invitedAt: Date
  var expiresAt: Date
  var acceptedAt: Date?
  var rbacGroupIds: [String]?

  private enum CodingKeys: String, CodingKey {
    case id, email, role, status
    case invitedAt = "invited_at"
    case expiresAt = "expires_at"
    case acceptedAt = "accepted_at"
    case rbacGroupIds = "rbac_group_ids"
  }

  func toDomain() -> Invite {
    Invite(
      id: id, email: email, role: MemberRole(wire: role), status: InviteStatus(wire: status),
      invitedAt: invitedAt, expiresAt: expiresAt)
  }
}

/// A workspace member (admin-api.md §10); members have no `id`, the cursors are user ids.
struct WireWorkspaceMember: Decodable, Sendable {
  var userId: String
  var workspaceId: String
  var workspaceRole: String

  private enum CodingKeys: String, CodingKey {
    case userId = "user_id"
    case workspaceId = "workspace_id"
    case workspaceRole = "workspace_role"
  }

  func toDomain() -> WorkspaceMember {
    WorkspaceMember(
      userID: userId, workspaceID: workspaceId, role: WorkspaceRole(wire: workspaceRole))
  }
}

/// `BetaWorkspace` (admin-api.md §9.1); only what the dashboard shows is kept.
struct WireWorkspace: Decodable, Sendable {
  var id: String
  var name: String
  var createdAt: Date
  var archivedAt: Date?
  var displayColor: String?

  private enum CodingKeys: String, CodingKey {
    case id, name
    case createdAt = "created_at"
    case archivedAt = "archived_at"
    case displayColor = "display_color"
  }

  func toDomain() -> Workspace {
    Workspace(
      id: id, name: name, createdAt: createdAt, archivedAt: archivedAt,
      displayColor: displayColor ?? "#6B6B6B")
  }
}
