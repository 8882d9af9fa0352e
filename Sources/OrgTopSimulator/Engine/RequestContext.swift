/// One read request against a snapshot of the world: routing and the list/get endpoints.
struct RequestContext {
  let request: SimRequest
  let query: QueryParameters
  let world: SimWorld
  /// The simulator's now, in microseconds.
  let now: Int64
  let analytics: SimulatorConfiguration.Analytics
  let spendLimits: SimulatorConfiguration.SpendLimits
  /// Reports' rows before paging, shared by the engine's requests.
  let reportCache: ReportCache
  /// The generation of `world` (see ``ReportCache``).
  let worldGeneration: Int

  static let prefix = ["v1", "organizations"]

  var segments: [String] {
    request.path.split(separator: "/").map(String.init)
  }

  /// The key id of `POST /v1/organizations/api_keys/{id}`, if that is the request.
  var apiKeyUpdateTarget: String? {
    let parts = segments
    guard parts.count == 4, Array(parts.prefix(2)) == Self.prefix, parts[2] == "api_keys" else {
      return nil
    }
    return parts[3]
  }

  /// Dispatches a GET; any other method or unknown path is 404 (admin-api.md §16 #28).
  func route() throws(APIError) -> JSONValue {
    let parts = segments
    let notFound = APIError.notFound("Not found: \(request.method) \(request.path)")
    guard request.method == "GET", parts.count >= 3, Array(parts.prefix(2)) == Self.prefix else {
      throw notFound
    }
    let rest = Array(parts.dropFirst(2))
    switch (rest.count, rest[0]) {
    case (1, "me"): return WireEncoding.organization(world.organization)
    case (1, "api_keys"): return try listKeys()
    case (2, "api_keys"): return try getKey(rest[1])
    case (1, "users"): return try listUsers()
    case (2, "users"): return try getUser(rest[1])
    case (1, "invites"): return try listInvites()
    case (1, "workspaces"): return try listWorkspaces()
    case (2, "workspaces"): return WireEncoding.workspace(try workspace(rest[1]))
    case (3, "workspaces") where rest[2] == "members": return try listMembers(rest[1])
    case (3, "workspaces") where rest[2] == "rate_limits": return try workspaceRateLimits(rest[1])
    case (1, "rate_limits"): return try organizationRateLimits()
    case (1, "spend_limits"): return try listSpendLimits()
    case (2, "spend_limits") where rest[1] == "effective":
      throw .invalid(
        "This endpoint is not supported for this organization type.",
        code: "organization_type_not_supported")
    case (2, "analytics") where rest[1] == "usage" || rest[1] == "cost":
      try requireAnalytics()
      return try analyticsReport(cost: rest[1] == "cost")
    case (2, "usage_report") where rest[1] == "messages": return try legacyUsageReport()
    case (1, "cost_report"): return try legacyCostReport()
    default: throw notFound
    }
  }

  /// The `anthropic-beta` values, split on commas and trimmed.
  var betas: [String] {
    (request.headers["anthropic-beta"] ?? "").split(separator: ",").map {
      $0.trimmingCharacters(in: .whitespaces)
    }
  }

  func requireBeta(_ value: String) throws(APIError) {
    guard betas.contains(value) else {
      throw .invalid(
        "This endpoint is in beta: requests must send the header `anthropic-beta: \(value)`")
    }
  }

  private func requireAnalytics() throws(APIError) {
    guard analytics == .available else {
      throw .notFound("Not found: \(request.method) \(request.path)")
    }
    try requireBeta("analytics-usage-cost-2026-08-24")
  }

  // MARK: Entities

  private func listKeys() throws(APIError) -> JSONValue {
    let status = try query.enumValue(
      "status", allowed: ["active", "inactive", "archived", "expired"])
    let workspaceID = try query.string("workspace_id")
    let creator = try query.string("created_by_user_id")
    let keys = world.keys.filter { key in
      (status == nil || key.status(at: now) == status)
        && (workspaceID == nil || key.workspaceID == workspaceID)
        && (creator == nil
          || (key.createdBy?.id == creator && key.createdBy?.isServiceAccount == false))
    }
    let ids = keys.map(\.id)
    let page = try Paging.idPage(ids: ids, query: query)
    return Paging.idEnvelope(
      data: keys[page.range].map { WireEncoding.apiKey($0, now: now) }, ids: ids[page.range],
      hasMore: page.hasMore)
  }

  private func getKey(_ id: String) throws(APIError) -> JSONValue {
    guard let index = world.keyIndex[id] else { throw .notFound("API key \(id) not found") }
    return WireEncoding.apiKey(world.keys[index], now: now)
  }

  private func listUsers() throws(APIError) -> JSONValue {
    let email = try query.string("email")?.lowercased()
    let roles = try query.enumArray("roles", allowed: Self.roles)
    let users = world.users.filter { user in
      (email == nil || user.email.lowercased() == email)
        && (roles == nil || roles?.contains(user.role) == true)
    }
    let ids = users.map(\.id)
    let page = try Paging.idPage(ids: ids, query: query)
    return Paging.idEnvelope(
      data: users[page.range].map(WireEncoding.user), ids: ids[page.range], hasMore: page.hasMore)
  }

  static let roles = [
    "user", "developer", "billing", "admin", "claude_code_user", "managed", "membership_admin",
    "owner", "primary_owner",
  ]

  private func getUser(_ id: String) throws(APIError) -> JSONValue {
    guard let user = world.users.first(where: { $0.id == id }) else {
      throw .notFound("User \(id) not found")
    }
    return WireEncoding.user(user)
  }

  private func listInvites() throws(APIError) -> JSONValue {
    let email = try query.string("email")?.lowercased()
    let roles = try query.enumArray("roles", allowed: Self.roles)
    let statuses = try query.enumArray("statuses", allowed: ["pending", "accepted", "expired"])
    let invites = world.invites.filter { invite in
      let status = WireEncoding.inviteStatus(invite, now: now)
      return (email == nil || invite.email.lowercased() == email)
        && (roles == nil || roles?.contains(invite.role) == true)
        && (statuses ?? ["pending", "accepted", "expired"]).contains(status)
    }
    let ids = invites.map(\.id)
    let page = try Paging.idPage(ids: ids, query: query)
    return Paging.idEnvelope(
      data: invites[page.range].map { WireEncoding.invite($0, now: now) }, ids: ids[page.range],
      hasMore: page.hasMore)
  }

  private func listWorkspaces() throws(APIError) -> JSONValue {
    let includeArchived = try query.bool("include_archived") ?? false
    let includeDefault = try query.bool("include_default") ?? false
    let requested = query.array("ids")
    if let requested, requested.count > 100 {
      throw .invalid("ids: at most 100 ids, got \(requested.count)")
    }
    let workspaces = world.workspaces.filter { workspace in
      (includeArchived || workspace.archivedAt == nil) && (includeDefault || !workspace.isDefault)
        && (requested == nil || requested?.contains(workspace.id) == true)
    }
    let ids = workspaces.map(\.id)
    let page = try Paging.idPage(ids: ids, query: query)
    return Paging.idEnvelope(
      data: workspaces[page.range].map(WireEncoding.workspace), ids: ids[page.range],
      hasMore: page.hasMore)
  }

  func workspace(_ id: String) throws(APIError) -> SimWorld.Workspace {
    guard let workspace = world.workspaces.first(where: { $0.id == id }) else {
      throw .notFound("Workspace \(id) not found")
    }
    return workspace
  }

  private func listMembers(_ workspaceID: String) throws(APIError) -> JSONValue {
    _ = try workspace(workspaceID)
    let members = world.memberships[workspaceID] ?? []
    let ids = members.map(\.userID)
    let page = try Paging.idPage(ids: ids, query: query)
    return Paging.idEnvelope(
      data: members[page.range].map { WireEncoding.member($0, workspaceID: workspaceID) },
      ids: ids[page.range], hasMore: page.hasMore)
  }
}
