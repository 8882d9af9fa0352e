import Foundation
import OrgTopCore
import Testing

@testable import OrgTopAPI

/// Paths, query strings and headers as the loopback server receives them.
@Suite struct RequestShapeTests {
  private static let emptyIDPage =
    #"{"data": [], "has_more": false, "first_id": null, "last_id": null}"#
  private static let emptyCursorPage = #"{"data": [], "next_page": null}"#
  private static let emptyReportPage = #"{"data": [], "has_more": false, "next_page": null}"#

  /// Answers each path with an empty page of the right style, or a fixture.
  private static func respond(_ request: SeenRequest) -> Canned {
    let path = request.path
    if path.hasSuffix("/me") {
      return .json(#"{"id": "org", "name": "Acme", "type": "organization"}"#)
    }
    if path.contains("/api_keys/") {
      return .json((try? fixtureText("api-key-get")) ?? "")
    }
    if path.contains("rate_limits") || path.contains("spend_limits") {
      return .json(emptyCursorPage)
    }
    if path.contains("analytics") || path.contains("report") { return .json(emptyReportPage) }
    return .json(emptyIDPage)
  }

  @Test func headersOnEveryRequestAndBetaOnlyWhereListed() async throws {
    try await withServer(Script { Self.respond($0) }) { server in
      try await withClient(server) { client, _ in
        _ = try await client.organization()
        _ = try await client.apiKeys()
        _ = try await client.rateLimits()
        _ = try await client.spendLimits(scopeTypes: ["organization"])
        let start = utc("2026-11-01T00:00:00")
        _ = try await client.analyticsUsage(AnalyticsQuery(startingAt: start))
        _ = try await client.analyticsCost(AnalyticsQuery(startingAt: start))
        _ = try await client.legacyUsage(LegacyUsageQuery(startingAt: start))
        _ = try await client.legacyCost(LegacyCostQuery(startingAt: start))
        _ = try await client.updateAPIKey(id: "apikey_1", status: .inactive)
      }
      let seen = await server.requests
      #expect(seen.count == 9)
      for request in seen {
        #expect(request.header("x-api-key") == [testSecret])
        #expect(request.header("anthropic-version") == ["2026-10-21"])
        #expect(request.header("accept") == ["application/json"])
        #expect(request.header("user-agent") == ["orgtop/\(AdminClient.orgtopVersion)"])
        #expect(request.header("authorization").isEmpty)
        let beta = request.header("anthropic-beta")
        switch request.path {
        case "/v1/organizations/spend_limits": #expect(beta == ["spend-limit-reads-2026-09-26"])
        case "/v1/organizations/analytics/usage", "/v1/organizations/analytics/cost":
          #expect(beta == ["analytics-usage-cost-2026-08-24"])
        default: #expect(beta.isEmpty, "no beta on \(request.path)")
        }
        if request.method == "POST" {
          #expect(request.header("content-type") == ["application/json"])
          #expect(String(decoding: request.body, as: UTF8.self) == #"{"status":"inactive"}"#)
          #expect(request.path == "/v1/organizations/api_keys/apikey_1")
        } else {
          #expect(request.header("content-type").isEmpty)
          #expect(request.body.isEmpty)
        }
      }
    }
  }

  @Test func updateBodyHoldsOnlyTheFieldsSet() async throws {
    try await withServer(Script { Self.respond($0) }) { server in
      try await withClient(server) { client, _ in
        _ = try await client.updateAPIKey(id: "apikey_1", name: "renamed")
        _ = try await client.updateAPIKey(id: "apikey_1", name: "both", status: .archived)
        let none = await clientError { () async throws(AdminClientError) in
          try await client.updateAPIKey(id: "apikey_1")
        }
        #expect(none == .invalidRequest(detail: "an API key update needs a name or a status"))
      }
      let bodies = await server.requests.map { String(decoding: $0.body, as: UTF8.self) }
      #expect(bodies == [#"{"name":"renamed"}"#, #"{"name":"both","status":"archived"}"#])
    }
  }

  @Test func queryEncodingOfFiltersArraysAndTimestamps() async throws {
    try await withServer(Script { Self.respond($0) }) { server in
      try await withClient(server) { client, _ in
        _ = try await client.apiKeys(
          status: .active, workspaceID: "wrkspc_1", createdByUserID: "user_1", limit: 1000)
        _ = try await client.users(email: "a+b@acme.example", roles: [.admin, .developer])
        _ = try await client.invites(statuses: [.pending], roles: [.user], email: "x@y.z")
        _ = try await client.workspaces(
          includeArchived: true, includeDefault: true, ids: ["wrkspc_1", "wrkspc_2"])
        _ = try await client.workspaceMembers(workspaceID: "wrkspc_1", limit: 5)
        _ = try await client.rateLimits(groupType: "model_group", model: "claude-sonnet-4-6")
        _ = try await client.workspaceRateLimits(workspaceID: "wrkspc_1", includeInherited: true)
        _ = try await client.spendLimits(scopeTypes: ["organization", "usage_tier"])
        _ = try await client.analyticsUsage(
          AnalyticsQuery(
            startingAt: utc("2026-11-01T00:00:00"), endingAt: utc("2026-11-20T10:00:00"),
            bucketWidth: .hour, groupBy: ["api_key_id", "model"],
            filters: [.init(name: "api_key_ids", values: ["apikey_1", ""])], limit: 1000))
        _ = try await client.legacyUsage(
          LegacyUsageQuery(startingAt: utc("2026-11-18T00:00:00"), bucketWidth: .minute))
        _ = try await client.legacyCost(LegacyCostQuery(startingAt: utc("2026-11-18T00:00:00")))
      }
      let raw = await server.requests.map { "\($0.path)?\($0.rawQuery)" }
      #expect(
        raw == [
          "/v1/organizations/api_keys?limit=1000&status=active&workspace_id=wrkspc_1"
            + "&created_by_user_id=user_1",
          "/v1/organizations/users?email=a%2Bb%40acme.example&roles%5B%5D=admin"
            + "&roles%5B%5D=developer",
          "/v1/organizations/invites?email=x%40y.z&roles%5B%5D=user&statuses%5B%5D=pending",
          "/v1/organizations/workspaces?include_archived=true&include_default=true"
            + "&ids%5B%5D=wrkspc_1&ids%5B%5D=wrkspc_2",
          "/v1/organizations/workspaces/wrkspc_1/members?limit=5",
          "/v1/organizations/rate_limits?group_type=model_group&model=claude-sonnet-4-6",
          "/v1/organizations/workspaces/wrkspc_1/rate_limits?include_inherited=true",
          "/v1/organizations/spend_limits?scope_type%5B%5D=organization"
            + "&scope_type%5B%5D=usage_tier",
          "/v1/organizations/analytics/usage?starting_at=2026-11-01T00%3A00%3A00Z"
            + "&ending_at=2026-11-20T10%3A00%3A00Z&time_bucket_width=1h"
            + "&group_by%5B%5D=api_key_id&group_by%5B%5D=model&api_key_ids%5B%5D=apikey_1"
            + "&api_key_ids%5B%5D=&limit=1000",
          "/v1/organizations/usage_report/messages?starting_at=2026-11-18T00%3A00%3A00Z"
            + "&bucket_width=1m&limit=1440",
          "/v1/organizations/cost_report?starting_at=2026-11-18T00%3A00%3A00Z&bucket_width=1d"
            + "&group_by%5B%5D=description&limit=31",
        ])
      // Decoded the way a server decodes it, `+` survives as a plus (not a space).
      let users = await server.requests[1]
      #expect(users.query("email") == ["a+b@acme.example"])
      #expect(users.query("roles[]") == ["admin", "developer"])
    }
  }

  @Test func basePathPrefixIsKeptAndIDsAreEncoded() async throws {
    try await withServer(Script { Self.respond($0) }) { server in
      let http = AdminClient.makeHTTPClient()
      let client = AdminClient(
        key: try #require(AdminKey(testSecret)),
        baseURL: try AdminBaseURL(validating: server.baseURL + "/proxy/"), httpClient: http)
      _ = try await client.organization()
      _ = try await client.apiKey(id: "apikey_a/b?c")
      let empty = await clientError { () async throws(AdminClientError) in
        try await client.apiKey(id: "")
      }
      #expect(empty == .invalidRequest(detail: "empty id for /v1/organizations/api_keys/"))
      let blank = await clientError { () async throws(AdminClientError) in
        try await client.workspaceMembers(workspaceID: " ")
      }
      #expect(blank != nil)
      try await http.shutdown()
      let paths = await server.requests.map(\.path)
      #expect(
        paths == [
          "/proxy/v1/organizations/me", "/proxy/v1/organizations/api_keys/apikey_a%2Fb%3Fc",
        ])
    }
  }

  @Test func legacyLimitsFollowTheBucketWidth() {
    let start = utc("2026-11-01T00:00:00")
    let day = LegacyUsageQuery(startingAt: start, bucketWidth: .day, limit: 500).parameters
    let hour = LegacyUsageQuery(startingAt: start, bucketWidth: .hour).parameters
    let minute = LegacyUsageQuery(startingAt: start, bucketWidth: .minute, limit: 60).parameters
    #expect(day.items.last?.value == "31")
    #expect(hour.items.last?.value == "168")
    #expect(minute.items.last?.value == "60")
    #expect(LegacyCostQuery(startingAt: start, limit: 99).parameters.items.last?.value == "31")
  }
}
