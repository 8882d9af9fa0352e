import Foundation

/// The lifecycle state of an API key (an open set).
package enum APIKeyStatus: OpenEnum {
  case active, inactive, archived, expired
  case unknown(String)

  package static let known: [(APIKeyStatus, String)] = [
    (.active, "active"), (.inactive, "inactive"), (.archived, "archived"), (.expired, "expired"),
  ]

  package var unknownValue: String? {
    if case .unknown(let raw) = self { return raw }
    return nil
  }
}

/// Who created a key, or whom it acts as: a user or a service account, by id.
package struct Actor: Hashable, Sendable {
  /// The kind of actor.
  package enum Kind: Hashable, Sendable {
    case user
    case serviceAccount
    case unknown(String)
  }

  package var id: String
  package var kind: Kind

  package init(id: String, kind: Kind) {
    self.id = id
    self.kind = kind
  }
}

/// An API key of the organization (`GET /v1/organizations/api_keys`). The API never returns the
/// secret, only a redacted hint; it has no `last_used_at` and no cost: both are derived from the
/// usage and cost reports.
package struct APIKey: Hashable, Sendable, Identifiable {
  package var id: String
  package var name: String
  package var status: APIKeyStatus
  package var createdAt: Date
  /// `nil` for legacy, workload-identity or system keys.
  package var createdBy: Actor?
  /// `nil` when the key never expires.
  package var expiresAt: Date?
  /// Redacted hint such as `sk-ant-api03-R2D...AA`, when the API gives one.
  package var partialKeyHint: String?
  /// Whom the key acts as, when it is bound to a principal.
  package var principal: Actor?
  /// The workspace the key belongs to; `nil` for an organization-scoped key. Legacy shapes with a
  /// null `workspace_id` (the Default workspace) map to the Default workspace's id at the API edge
  /// when it is known, else stay `nil` and show as "Default".
  package var workspaceID: String?

  package init(
    id: String, name: String, status: APIKeyStatus, createdAt: Date, createdBy: Actor? = nil,
    expiresAt: Date? = nil, partialKeyHint: String? = nil, principal: Actor? = nil,
    workspaceID: String? = nil
  ) {
    self.id = id
    self.name = name
    self.status = status
    self.createdAt = createdAt
    self.createdBy = createdBy
    self.expiresAt = expiresAt
    self.partialKeyHint = partialKeyHint
    self.principal = principal
    self.workspaceID = workspaceID
  }
}
