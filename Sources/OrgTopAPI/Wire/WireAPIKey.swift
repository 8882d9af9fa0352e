import Foundation
import OrgTopCore

/// `BetaAPIKey` (admin-api.md §6.1), tolerating the older shapes: a top-level `workspace_id`
/// instead of `scope`, and the earlier `principal: {id, type}`.
struct WireAPIKey: Decodable, Sendable {
  var id: String
  var name: String
  var status: String
  var createdAt: Date
  var createdBy: WireCreatedBy?
  var expiresAt: Date?
  var partialKeyHint: String?
  var principal: WirePrincipal?
  var scope: WireKeyScope?
  var workspaceId: String?

  private enum CodingKeys: String, CodingKey {
    case id, name, status
    case createdAt = "created_at"
    case createdBy = "created_by"
    case expiresAt = "expires_at"
    case partialKeyHint = "partial_key_hint"
    case principal, scope
    case workspaceId = "workspace_id"
  }

  /// The domain key; ids that repeat across keys (workspace, creator, principal) go through
  /// `interner` so the keys share one copy of each.
  /// (Interned before the key is made: setting a field of an `APIKey` makes a new box.)
  func toDomain(interning interner: inout StringInterner) -> APIKey {
    let workspaceID: String?
    switch scope {
    case .workspace(let id): workspaceID = id
    case .organization: workspaceID = nil
    // An unknown or missing scope: the deprecated top-level field (null = Default) decides.
    case .unknown, nil: workspaceID = workspaceId
    }
    var creator = createdBy?.toDomain()
    if let id = creator?.id { creator?.id = interner(id) }
    var actor = principal?.toDomain()
    if let id = actor?.id { actor?.id = interner(id) }
    return APIKey(
      id: id, name: name, status: APIKeyStatus(wire: status), createdAt: createdAt,
      createdBy: creator, expiresAt: expiresAt, partialKeyHint: partialKeyHint,
      principal: actor, workspaceID: interner(workspaceID))
  }

  /// The domain key on its own (one key: nothing to share with).
  func toDomain() -> APIKey {
    var interner = StringInterner()
    return toDomain(interning: &interner)
  }
}

/// `created_by`: `{"id": …, "type": "user" | "service_account"}`.
struct WireCreatedBy: Decodable, Sendable {
  var id: String
  var type: String

  func toDomain() -> Actor {
    Actor(id: id, kind: WireActorKind.kind(type))
  }
}

/// Maps the two spellings of actor kinds (`user`/`user_actor`, …) to ``Actor/Kind``.
enum WireActorKind {
  static func kind(_ type: String) -> Actor.Kind {
    switch type {
    case "user", "user_actor": .user
    case "service_account", "service_account_actor": .serviceAccount
    default: .unknown(type)
    }
  }
}

/// `principal`: `{"type":"user_actor","user_id"}`, `{"type":"service_account_actor",
/// "service_account_id"}`, or the earlier `{"id", "type": "user" | "service_account"}`.
struct WirePrincipal: Decodable, Sendable {
  var type: String
  var id: String

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    type = try container.decode(String.self, forKey: .type)
    let candidates: [CodingKeys] =
      switch type {
      case "user_actor": [.userId, .id]
      case "service_account_actor": [.serviceAccountId, .id]
      default: [.id, .userId, .serviceAccountId]
      }
    var found: String?
    for key in candidates where found == nil {
      found = try container.decodeIfPresent(String.self, forKey: key)
    }
    guard let found else {
      throw DecodingError.keyNotFound(
        CodingKeys.id,
        .init(codingPath: container.codingPath, debugDescription: "principal without an id"))
    }
    id = found
  }

  func toDomain() -> Actor {
    Actor(id: id, kind: WireActorKind.kind(type))
  }

  private enum CodingKeys: String, CodingKey {
    case type, id
    case userId = "user_id"
    case serviceAccountId = "service_account_id"
  }
}

/// `scope` of a key: `{"type":"workspace","workspace_id"}`, `{"type":"organization"}`, or newer.
enum WireKeyScope: Decodable, Sendable {
  case workspace(String)
  case organization
  case unknown(String)

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let type = try container.decode(String.self, forKey: .type)
    switch type {
    case "workspace":
      let id = try container.decodeIfPresent(String.self, forKey: .workspaceId)
      self = id.map(WireKeyScope.workspace) ?? .unknown(type)
    case "organization": self = .organization
    default: self = .unknown(type)
    }
  }

  private enum CodingKeys: String, CodingKey {
    case type
    case workspaceId = "workspace_id"
  }
}

/// The body of `POST /v1/organizations/api_keys/{id}`: only the fields that are set are sent.
struct WireAPIKeyUpdate: Encodable, Sendable {
  var name: String?
  var status: String?

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encodeIfPresent(name, forKey: .name)
    try container.encodeIfPresent(status, forKey: .status)
  }

  private enum CodingKeys: String, CodingKey {
    case name, status
  }
}
