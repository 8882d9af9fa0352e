import Foundation

/// One pending invitation as the members view shows it (`GET /v1/organizations/invites`):
/// email, role, when it was sent and when it lapses, marked when it lapses within 48 hours.
package struct InviteRow: Hashable, Sendable, Identifiable {
  /// How close to its expiry an invite is marked: an admin who wants the person in has two
  /// days to resend it.
  package static let expiringWindow: TimeInterval = 48 * 3600

  package var id: String
  package var email: String
  /// As sent; unknown roles kept.
  package var role: MemberRole
  package var invitedAt: Date
  package var expiresAt: Date
  /// Still open but lapsing within ``expiringWindow`` of the instant: `now < expiresAt ≤ now +
  /// 48 h` (exactly 48 h counts).
  package var expiresSoon: Bool
  /// Reported pending but already past its expiry at the instant (the list is fetched every
  /// few minutes, so an invite can lapse between fetches).
  package var hasExpired: Bool

  package init(invite: Invite, now: Date) {
    id = invite.id
    email = invite.email
    role = invite.role
    invitedAt = invite.invitedAt
    expiresAt = invite.expiresAt
    hasExpired = invite.expiresAt <= now
    expiresSoon = !hasExpired && invite.expiresAt <= now.addingTimeInterval(Self.expiringWindow)
  }
}

extension InviteRow {
  /// The pending invites at `now`, soonest to expire first (the API's order is not stated,
  /// docs/admin-api.md §16 #1), ties by id; empty while invites are not loaded.
  package static func rows(state: DashboardState, now: Date) -> [InviteRow] {
    rows(invites: state.invites.value ?? [], now: now)
  }

  /// The rows from the facts: accepted, expired and deleted invites are not pending.
  package static func rows(invites: [Invite], now: Date) -> [InviteRow] {
    invites.filter { $0.status == .pending }
      .map { InviteRow(invite: $0, now: now) }
      .sorted { ($0.expiresAt, $0.id) < ($1.expiresAt, $1.id) }
  }
}
