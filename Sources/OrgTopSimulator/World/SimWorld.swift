/// The simulated organization at one instant: every entity the Admin API lists, plus the usage
/// model. A value: the engine keeps one behind a lock and replaces it on updates.
package struct SimWorld: Sendable {
  /// `GET /me`.
  package struct Organization: Sendable {
    package var id: String
    package var name: String
    package var createdAt: Int64
  }

  /// A workspace (`BetaWorkspace`).
  package struct Workspace: Sendable {
    package var id: String
    package var name: String
    package var createdAt: Int64
    package var archivedAt: Int64?
    package var displayColor: String
    package var compartmentID: String
    package var defaultInferenceGeo: String
    /// `nil` = `"unrestricted"`.
    package var allowedInferenceGeos: [String]?
    package var tags: [(String, String)]
    package var isDefault: Bool
  }

  /// An organization member (`BetaOrganizationUser`).
  package struct User: Sendable {
    package var id: String
    package var email: String
    package var name: String
    package var role: String
    package var addedAt: Int64
  }

  /// An invitation (`invite`).
  package struct Invite: Sendable {
    package var id: String
    package var email: String
    package var role: String
    /// `pending`, `accepted` or `deleted`; `expired` is derived from `expiresAt`.
    package var status: String
    package var invitedAt: Int64
    package var acceptedAt: Int64?
    package var expiresAt: Int64 { invitedAt + 21 * 86_400 * WireTime.microsPerSecond }
  }

  /// Who created a key or whom it acts as.
  package struct Actor: Sendable, Hashable {
    package var id: String
    package var isServiceAccount: Bool
  }

  /// An API key (`BetaAPIKey`) and the minutes during which it could make requests.
  package struct Key: Sendable {
    package var id: String
    package var name: String
    /// `active`, `inactive`, `archived` or `expired` as stored; see ``status(at:)``.
    package var storedStatus: String
    package var createdAt: Int64
    package var createdBy: Actor?
    package var expiresAt: Int64?
    package var partialKeyHint: String?
    package var principal: Actor?
    /// `nil` for an organization-scoped key (principal-bound, no workspace).
    package var workspaceID: String?
    /// Half-open minute ranges `[start, end)` during which the key was active.
    package var activeMinutes: [Range<Int>]

    /// The status as the API shows it at `micros`: an active or inactive key past its expiry
    /// reads `expired`.
    package func status(at micros: Int64) -> String {
      if let expiresAt, expiresAt <= micros, storedStatus == "active" || storedStatus == "inactive"
      {
        return "expired"
      }
      return storedStatus
    }
  }

  /// One limiter of a rate-limit entry.
  package struct Limiter: Sendable {
    package var type: String
    package var value: Int
  }

  /// An organization rate-limit entry (`BetaOrganizationRateLimit`).
  package struct RateLimit: Sendable {
    package var id: String
    package var groupType: String
    package var groupID: String
    package var displayName: String?
    package var models: [String]?
    package var limits: [Limiter]
  }

  /// A workspace override of one limiter.
  package struct RateLimitOverride: Sendable {
    package var workspaceID: String
    package var rateLimitID: String
    package var limiterType: String
    package var value: Int
  }

  /// A spend limit (`BetaSpendLimit`), Console kinds only.
  package struct SpendLimit: Sendable {
    package var id: String
    package var amountCents: Int?
    package var isEnabled: Bool
    package var period: String
    /// `organization`, `workspace` or `usage_tier`.
    package var scopeType: String
    package var workspaceID: String?
    package var createdAt: Int64
    package var updatedAt: Int64
  }

  /// A workspace membership.
  package struct Membership: Sendable {
    package var userID: String
    package var role: String
  }

  package var organization: Organization
  /// Newest first; the Default workspace included.
  package var workspaces: [Workspace]
  /// Newest first.
  package var users: [User]
  /// Newest first.
  package var invites: [Invite]
  /// Newest first (the list order, admin-api.md §16 #1).
  package var keys: [Key]
  package var keyIndex: [String: Int]
  package var serviceAccountIDs: [String]
  package var rateLimits: [RateLimit]
  package var rateLimitOverrides: [RateLimitOverride]
  /// Newest first.
  package var spendLimits: [SpendLimit]
  /// Members per workspace id, in the order of the user list.
  package var memberships: [String: [Membership]]
  package var usage: UsageModel

  /// The Default workspace.
  package var defaultWorkspace: Workspace {
    workspaces.first(where: \.isDefault) ?? workspaces[0]
  }
}
