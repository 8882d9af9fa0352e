import Foundation
import OrgTopCore

/// `BetaOrganizationUser` (admin-api.md §7.1).
struct WireUser: Decodable, Sendable {
  var id: String
  var email: String
  var name: String
  var role: String
  var addedAt: Date

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

  func toDomain() -> Workspace {
    Workspace(
      id: id, name: name, createdAt: createdAt, archivedAt: archivedAt,
      displayColor: displayColor ?? "#6B6B6B")
  }
}
