import Foundation
import OrgTopCore

/// The endpoints of admin-api.md §4, one method each; list methods follow every page.
extension AdminClient {
  static let organizationsPath = "/v1/organizations"

  /// `GET /v1/organizations/me`.
  package func organization() async throws(AdminClientError) -> Organization {
    let response = try await send(Request(path: Self.organizationsPath + "/me"))
    return try decode(WireOrganization.self, from: response).toDomain()
  }

  /// `GET /v1/organizations/api_keys`, every page (`limit` 1–1000 per page).
  package func apiKeys(
    status: APIKeyStatus? = nil, workspaceID: String? = nil, createdByUserID: String? = nil,
    limit: Int? = nil, cursor: IDCursor? = nil
  ) async throws(AdminClientError) -> [APIKey] {
    var query = QueryParameters()
    query.add("limit", limit)
    query.add("status", status?.wire)
    query.add("workspace_id", workspaceID)
    query.add("created_by_user_id", createdByUserID)
    var interner = StringInterner()
    return try await walkIDPages(
      path: Self.organizationsPath + "/api_keys", query: query, cursor: cursor
    ) { (key: WireAPIKey) in key.toDomain(interning: &interner) }
  }

  /// `GET /v1/organizations/api_keys/{id}`.
  package func apiKey(id: String) async throws(AdminClientError) -> APIKey {
    let path = try Self.path("/api_keys/", id: id)
    return try decode(WireAPIKey.self, from: try await send(Request(path: path))).toDomain()
  }

  /// `POST /v1/organizations/api_keys/{id}`: the body holds only the fields given. `expired`
  /// cannot be set, and an update with no field is refused before sending.
  package func updateAPIKey(id: String, name: String? = nil, status: APIKeyStatus? = nil)
    async throws(AdminClientError) -> APIKey
  {
    let path = try Self.path("/api_keys/", id: id)
    guard name != nil || status != nil else {
      throw .invalidRequest(detail: "an API key update needs a name or a status")
    }
    if status == .expired { throw .invalidRequest(detail: "a key cannot be set to expired") }
    let update = WireAPIKeyUpdate(name: name, status: status?.wire)
    let body: Data
    do {
      let encoder = JSONEncoder()
      encoder.outputFormatting = .sortedKeys
      body = try encoder.encode(update)
    } catch {
      throw .invalidRequest(detail: "the update could not be encoded")
    }
    let response = try await send(Request(method: .POST, path: path, body: body))
    return try decode(WireAPIKey.self, from: response).toDomain()
  }

  /// `GET /v1/organizations/users`, every page.
  package func users(
    email: String? = nil, roles: [MemberRole] = [], limit: Int? = nil, cursor: IDCursor? = nil
  ) async throws(AdminClientError) -> [Member] {
    var query = QueryParameters()
    query.add("limit", limit)
    query.add("email", email)
    query.add(array: "roles", roles.map(\.wire))
    return try await walkIDPages(
      path: Self.organizationsPath + "/users", query: query, cursor: cursor
    ) { (user: WireUser) in user.toDomain() }
  }

  /// `GET /v1/organizations/users/{id}`.
  package func user(id: String) async throws(AdminClientError) -> Member {
    let path = try Self.path("/users/", id: id)
    return try decode(WireUser.self, from: try await send(Request(path: path))).toDomain()
  }

  /// `GET /v1/organizations/invites`, every page.
  package func invites(
    statuses: [InviteStatus] = [], roles: [MemberRole] = [], email: String? = nil,
    limit: Int? = nil, cursor: IDCursor? = nil
  ) async throws(AdminClientError) -> [Invite] {
    var query = QueryParameters()
    query.add("limit", limit)
    query.add("email", email)
    query.add(array: "roles", roles.map(\.wire))
    query.add(array: "statuses", statuses.map(\.wire))
    return try await walkIDPages(
      path: Self.organizationsPath + "/invites", query: query, cursor: cursor
    ) { (invite: WireInvite) in invite.toDomain() }
  }

  /// `GET /v1/organizations/workspaces`, every page.
  package func workspaces(
    includeArchived: Bool? = nil, includeDefault: Bool? = nil, ids: [String] = [],
    limit: Int? = nil, cursor: IDCursor? = nil
  ) async throws(AdminClientError) -> [Workspace] {
    var query = QueryParameters()
    query.add("limit", limit)
    query.add("include_archived", includeArchived)
    query.add("include_default", includeDefault)
    query.add(array: "ids", ids)
    return try await walkIDPages(
      path: Self.organizationsPath + "/workspaces", query: query, cursor: cursor
    ) { (workspace: WireWorkspace) in workspace.toDomain() }
  }

  /// `GET /v1/organizations/workspaces/{id}`.
  package func workspace(id: String) async throws(AdminClientError) -> Workspace {
    let path = try Self.path("/workspaces/", id: id)
    return try decode(WireWorkspace.self, from: try await send(Request(path: path))).toDomain()
  }

  /// `GET /v1/organizations/workspaces/{id}/members`, every page (cursors are user ids).
  package func workspaceMembers(
    workspaceID: String, limit: Int? = nil, cursor: IDCursor? = nil
  ) async throws(AdminClientError) -> [WorkspaceMember] {
    let path = try Self.path("/workspaces/", id: workspaceID) + "/members"
    var query = QueryParameters()
    query.add("limit", limit)
    return try await walkIDPages(path: path, query: query, cursor: cursor) {
      (member: WireWorkspaceMember) in member.toDomain()
    }
  }

  /// `GET /v1/organizations/rate_limits`, every page (no `limit` returns one page).
  package func rateLimits(groupType: String? = nil, model: String? = nil, limit: Int? = nil)
    async throws(AdminClientError) -> [RateLimitGroup]
  {
    var query = QueryParameters()
    query.add("group_type", groupType)
    query.add("model", model)
    query.add("limit", limit)
    return try await walkCursorPages(
      path: Self.organizationsPath + "/rate_limits", query: query
    ) { (entry: WireRateLimit) throws(MalformedWire) in try entry.toDomain() }
  }

  /// `GET /v1/organizations/workspaces/{id}/rate_limits`, every page.
  package func workspaceRateLimits(
    workspaceID: String, groupType: String? = nil, includeInherited: Bool? = nil,
    limit: Int? = nil
  ) async throws(AdminClientError) -> [WorkspaceRateLimit] {
    let path = try Self.path("/workspaces/", id: workspaceID) + "/rate_limits"
    var query = QueryParameters()
    query.add("group_type", groupType)
    query.add("include_inherited", includeInherited)
    query.add("limit", limit)
    return try await walkCursorPages(path: path, query: query) {
      (entry: WireWorkspaceRateLimit) throws(MalformedWire) in try entry.toDomain()
    }
  }

  /// The beta value `GET /spend_limits` requires.
  package static let spendLimitsBeta = "spend-limit-reads-2026-09-26"

  /// `GET /v1/organizations/spend_limits` (beta), every page.
  package func spendLimits(scopeTypes: [String] = [], workspaceID: String? = nil, limit: Int? = nil)
    async throws(AdminClientError) -> [SpendLimit]
  {
    var query = QueryParameters()
    query.add("limit", limit)
    query.add(array: "scope_type", scopeTypes)
    query.add("workspace_id", workspaceID)
    return try await walkCursorPages(
      path: Self.organizationsPath + "/spend_limits", query: query, beta: Self.spendLimitsBeta
    ) { (entry: WireSpendLimit) throws(MalformedWire) in try entry.toDomain() }
  }

  /// `/v1/organizations` + `prefix` + the percent-encoded id; an empty id is refused, since
  /// `…/api_keys/` would hit the list endpoint instead.
  static func path(_ prefix: String, id: String) throws(AdminClientError) -> String {
    guard !id.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw .invalidRequest(detail: "empty id for \(organizationsPath)\(prefix)")
    }
    return organizationsPath + prefix + QueryParameters.percentEncode(id)
  }
}
