import Foundation
import OrgTopCore

/// The rate-limit `group` union: `{"type", "id", "display_name"?}`; unknown types keep their name.
struct WireRateLimitGroupRef: Decodable, Sendable {
  var type: String
  var id: String
  var displayName: String?

  private enum CodingKeys: String, CodingKey {
    case type, id
    case displayName = "display_name"
  }
}

/// `BetaOrganizationRateLimit` (admin-api.md §11.1), tolerating the older shape with a
/// top-level `group_type` whose `id` is the group id.
struct WireRateLimit: Decodable, Sendable {
  /// One limiter: its open type name and configured value.
  struct Limit: Decodable, Sendable {
    var type: String
    var value: Int
  }

  var id: String
  var group: WireRateLimitGroupRef?
  var groupType: String?
  var models: [String]?
  var limits: [Limit]

  private enum CodingKeys: String, CodingKey {
    case id, group, models, limits
    case groupType = "group_type"
  }

  func toDomain() throws(MalformedWire) -> RateLimitGroup {
    let group = try resolvedGroup(group: group, groupType: groupType, fallbackID: id)
    return RateLimitGroup(
      id: id, groupType: group.type, groupID: group.id, displayName: group.displayName,
      models: models ?? [], limits: limits.map { .init(type: $0.type, value: $0.value) })
  }
}

/// Synthesizes the group of the older rate-limit shapes (`group_type` + id).
func resolvedGroup(
  group: WireRateLimitGroupRef?, groupType: String?, fallbackID: String
) throws(MalformedWire) -> WireRateLimitGroupRef {
  if let group { return group }
  guard let groupType else { throw MalformedWire(detail: "rate limit without group or group_type") }
  return WireRateLimitGroupRef(type: groupType, id: fallbackID, displayName: nil)
}

/// `GET /v1/organizations/workspaces/{id}/rate_limits` entry (admin-api.md §11.2), tolerating
/// the older shape without `source` and with a top-level `group_type`.
struct WireWorkspaceRateLimit: Decodable, Sendable {
  /// One limiter as the workspace sees it; `source` is absent in older responses.
  struct Limit: Decodable, Sendable {
    var type: String
    var value: Int
    var orgLimit: Int?
    var source: WireTypeTag?

    private enum CodingKeys: String, CodingKey {
      case type, value, source
      case orgLimit = "org_limit"
    }
  }

  var workspaceId: String
  var rateLimitId: String
  var group: WireRateLimitGroupRef?
  var groupType: String?
  var models: [String]?
  var limits: [Limit]

  private enum CodingKeys: String, CodingKey {
    case group, models, limits
    case workspaceId = "workspace_id"
    case rateLimitId = "rate_limit_id"
    case groupType = "group_type"
  }

  func toDomain() throws(MalformedWire) -> WorkspaceRateLimit {
    let group = try resolvedGroup(group: group, groupType: groupType, fallbackID: rateLimitId)
    return WorkspaceRateLimit(
      workspaceID: workspaceId, rateLimitID: rateLimitId, groupType: group.type,
      groupID: group.id, displayName: group.displayName, models: models ?? [],
      limits: limits.map {
        WorkspaceRateLimit.Limit(
          type: $0.type, value: $0.value, orgLimit: $0.orgLimit,
          source: $0.source.map { LimitSource(wire: $0.type) })
      })
  }
}

/// `BetaSpendLimit` (admin-api.md §12.1).
struct WireSpendLimit: Decodable, Sendable {
  var id: String
  var amount: String?
  var currency: String?
  var isEnabled: Bool?
  var period: String
  var scope: WireSpendScope

  private enum CodingKeys: String, CodingKey {
    case id, amount, currency, period, scope
    case isEnabled = "is_enabled"
  }

  func toDomain() throws(MalformedWire) -> SpendLimit {
    let currency = currency ?? "USD"
    let money = try amount.map { text throws(MalformedWire) in
      try WireMoney.parse(text, currency: currency, field: "spend limit \(id) amount")
    }
    return SpendLimit(
      id: id, amount: money, isEnabled: isEnabled ?? true, period: SpendPeriod(wire: period),
      scope: scope.domain)
  }
}

/// The spend-limit `scope` union; Enterprise and newer types keep their wire name.
struct WireSpendScope: Decodable, Sendable {
  var domain: SpendScope

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let type = try container.decode(String.self, forKey: .type)
    switch type {
    case "organization": domain = .organization
    case "usage_tier": domain = .usageTier
    case "workspace":
      let id = try container.decodeIfPresent(String.self, forKey: .workspaceId)
      domain = id.map { .workspace(id: $0) } ?? .other(type: type)
    case "user":
      let id = try container.decodeIfPresent(String.self, forKey: .userId)
      domain = id.map { .user(id: $0) } ?? .other(type: type)
    default: domain = .other(type: type)
    }
  }

  private enum CodingKeys: String, CodingKey {
    case type
    case workspaceId = "workspace_id"
    case userId = "user_id"
  }
}
