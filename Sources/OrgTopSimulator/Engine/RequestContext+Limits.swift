/// Rate limits and spend limits: the opaque-cursor endpoints.
extension RequestContext {
  static let groupTypes = ["model_group", "batch", "token_count", "files", "skills", "web_search"]

  /// An opaque-cursor page over `items`; `limit` omitted gives everything at once when
  /// `unlimitedByDefault`.
  func cursorPage(_ items: [JSONValue], defaultLimit: Int?) throws(APIError) -> JSONValue {
    let limit = try query.int("limit", range: 1...1000, fallback: defaultLimit)
    let offset = try Paging.offset(path: request.path, query: query)
    let start = min(offset, items.count)
    let end = limit.map { min(items.count, start + $0) } ?? items.count
    let next: JSONValue =
      end < items.count
      ? .string(Paging.cursor(offset: end, path: request.path, query: query)) : .null
    return .object([("data", .array(Array(items[start..<end]))), ("next_page", next)])
  }

  func organizationRateLimits() throws(APIError) -> JSONValue {
    let groupType = try query.enumValue("group_type", allowed: Self.groupTypes)
    let model = try query.string("model")
    var entries = world.rateLimits.filter { groupType == nil || $0.groupType == groupType }
    if let model {
      entries = entries.filter { $0.models?.contains(model) == true }
      if entries.isEmpty { throw .notFound("No rate limits found for model '\(model)'") }
    }
    return try cursorPage(entries.map(WireEncoding.rateLimit), defaultLimit: nil)
  }

  func workspaceRateLimits(_ workspaceID: String) throws(APIError) -> JSONValue {
    _ = try workspace(workspaceID)
    let groupType = try query.enumValue("group_type", allowed: Self.groupTypes)
    let inherited = try query.bool("include_inherited") ?? false
    let overrides = world.rateLimitOverrides.filter { $0.workspaceID == workspaceID }
    var items: [JSONValue] = []
    for entry in world.rateLimits where groupType == nil || entry.groupType == groupType {
      var limits: [JSONValue] = []
      for limiter in entry.limits {
        let override = overrides.first {
          $0.rateLimitID == entry.id && $0.limiterType == limiter.type
        }
        guard override != nil || inherited else { continue }
        limits.append(
          .object([
            ("type", .string(limiter.type)), ("value", .int(override?.value ?? limiter.value)),
            ("org_limit", .int(limiter.value)),
            (
              "source", .object([("type", .string(override == nil ? "organization" : "workspace"))])
            ),
          ]))
      }
      guard !limits.isEmpty else { continue }
      items.append(
        .object([
          ("type", .string("workspace_rate_limit")), ("workspace_id", .string(workspaceID)),
          ("rate_limit_id", .string(entry.id)), ("group", WireEncoding.group(entry)),
          ("models", WireEncoding.models(entry)), ("limits", .array(limits)),
        ]))
    }
    return try cursorPage(items, defaultLimit: nil)
  }

  func listSpendLimits() throws(APIError) -> JSONValue {
    try requireBeta("spend-limit-reads-2026-09-26")
    guard spendLimits == .readable else {
      throw .invalid(
        "Spend limits are not supported for this organization type.",
        code: "organization_type_not_supported")
    }
    let allScopes = [
      "organization", "workspace", "usage_tier", "user", "seat_tier", "rbac_group",
      "organization_service",
    ]
    let scopes = try query.enumArray("scope_type", allowed: allScopes)
    if let scopes {
      for scope in scopes where !["organization", "workspace", "usage_tier"].contains(scope) {
        throw .invalid("scope_type: '\(scope)' does not apply to this organization")
      }
    }
    let workspaceID = try query.string("workspace_id")
    let limits = world.spendLimits.filter { limit in
      (scopes == nil || scopes?.contains(limit.scopeType) == true)
        && (workspaceID == nil || limit.workspaceID == workspaceID)
    }
    return try cursorPage(limits.map(WireEncoding.spendLimit), defaultLimit: 20)
  }
}
