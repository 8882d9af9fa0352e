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
///
/// A value, but its fields live in one shared, immutable box: the key list and the table's
/// sorted rows hold the same keys, and a copy is then one reference instead of some 230 bytes
/// (2.2 MB at 10,000 keys). Setting a field replaces the box, so copies never see it change.
package struct APIKey: Hashable, Sendable, Identifiable {
  /// The stored fields.
  private struct Fields: Hashable, Sendable {
    var id: String
    var name: String
    var status: APIKeyStatus
    var createdAt: Date
    var createdBy: Actor?
    var expiresAt: Date?
    var partialKeyHint: String?
    var principal: Actor?
    var workspaceID: String?
  }

  /// The shared box; never mutated once made.
  private final class Box: Sendable {
    let fields: Fields
    init(_ fields: Fields) { self.fields = fields }
  }

  private var box: Box

  package init(
    id: String, name: String, status: APIKeyStatus, createdAt: Date, createdBy: Actor? = nil,
    expiresAt: Date? = nil, partialKeyHint: String? = nil, principal: Actor? = nil,
    workspaceID: String? = nil
  ) {
    box = Box(
      Fields(
        id: id, name: name, status: status, createdAt: createdAt, createdBy: createdBy,
        expiresAt: expiresAt, partialKeyHint: partialKeyHint, principal: principal,
        workspaceID: workspaceID))
  }

  /// A field, for writing: a write makes a new box with the field changed. (Reads go to the box
  /// directly: a key-path read is slower, and keys are read in every sort comparison.)
  private subscript<Value>(field field: WritableKeyPath<Fields, Value>) -> Value {
    get { box.fields[keyPath: field] }
    set {
      var fields = box.fields
      fields[keyPath: field] = newValue
      box = Box(fields)
    }
  }

  package var id: String {
    get { box.fields.id }
    set { self[field: \.id] = newValue }
  }
  package var name: String {
    get { box.fields.name }
    set { self[field: \.name] = newValue }
  }
  package var status: APIKeyStatus {
    get { box.fields.status }
    set { self[field: \.status] = newValue }
  }
  package var createdAt: Date {
    get { box.fields.createdAt }
    set { self[field: \.createdAt] = newValue }
  }
  /// `nil` for legacy, workload-identity or system keys.
  package var createdBy: Actor? {
    get { box.fields.createdBy }
    set { self[field: \.createdBy] = newValue }
  }
  /// `nil` when the key never expires.
  package var expiresAt: Date? {
    get { box.fields.expiresAt }
    set { self[field: \.expiresAt] = newValue }
  }
  /// Redacted hint such as `sk-ant-api03-R2D...AA`, when the API gives one.
  package var partialKeyHint: String? {
    get { box.fields.partialKeyHint }
    set { self[field: \.partialKeyHint] = newValue }
  }
  /// Whom the key acts as, when it is bound to a principal.
  package var principal: Actor? {
    get { box.fields.principal }
    set { self[field: \.principal] = newValue }
  }
  /// The workspace the key belongs to; `nil` for an organization-scoped key. Legacy shapes with
  /// a null `workspace_id` (the Default workspace) map to the Default workspace's id at the API
  /// edge when it is known, else stay `nil` and show as "Default".
  package var workspaceID: String? {
    get { box.fields.workspaceID }
    set { self[field: \.workspaceID] = newValue }
  }

  package static func == (lhs: APIKey, rhs: APIKey) -> Bool {
    lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
  }

  package func hash(into hasher: inout Hasher) {
    hasher.combine(box.fields)
  }
}
