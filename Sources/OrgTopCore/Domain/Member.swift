import Foundation

/// An organization role; roles are an open set (Console and Enterprise roles differ).
package enum MemberRole: OpenEnum {
  case user, claudeCodeUser, developer, billing, admin, owner, primaryOwner, membershipAdmin,
    managed
  case unknown(String)

  package static let known: [(MemberRole, String)] = [
    (.user, "user"), (.claudeCodeUser, "claude_code_user"), (.developer, "developer"),
    (.billing, "billing"), (.admin, "admin"), (.owner, "owner"), (.primaryOwner, "primary_owner"),
    (.membershipAdmin, "membership_admin"), (.managed, "managed"),
  ]

  package var unknownValue: String? {
    if case .unknown(let raw) = self { return raw }
    return nil
  }
}

/// A member (user) of the organization (`GET /v1/organizations/users`).
package struct Member: Hashable, Sendable, Identifiable {
  package var id: String
  package var email: String
  package var name: String
  package var role: MemberRole
  package var addedAt: Date

  package init(id: String, email: String, name: String, role: MemberRole, addedAt: Date) {
    self.id = id
    self.email = email
    self.name = name
    self.role = role
    self.addedAt = addedAt
  }
}

/// A state of an invitation to join the organization.
package enum InviteStatus: OpenEnum {
  case pending, accepted, expired, deleted
  case unknown(String)

  package static let known: [(InviteStatus, String)] = [
    (.pending, "pending"), (.accepted, "accepted"), (.expired, "expired"), (.deleted, "deleted"),
  ]

  package var unknownValue: String? {
    if case .unknown(let raw) = self { return raw }
    return nil
  }
}

/// An invitation to the organization (`GET /v1/organizations/invites`).
package struct Invite: Hashable, Sendable, Identifiable {
  package var id: String
  package var email: String
  package var role: MemberRole
  package var status: InviteStatus
  package var invitedAt: Date
  package var expiresAt: Date

  package init(
    id: String, email: String, role: MemberRole, status: InviteStatus, invitedAt: Date,
    expiresAt: Date
  ) {
    self.id = id
    self.email = email
    self.role = role
    self.status = status
    self.invitedAt = invitedAt
    self.expiresAt = expiresAt
  }
}
