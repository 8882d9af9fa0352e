import Testing

@testable import OrgTopSimulator

/// Request validation like the real API (admin-api.md §15.3, §16).
@Suite struct ValidationTests {
  let harness = SimulatorHarness()
  let beta = SimulatorHarness.analyticsBeta

  @Test func authentication() {
    let version = ["anthropic-version": "2023-06-01"]
    let cases: [[String: String]] = [
      version, version.merging(["x-api-key": "sk-ant-admin01-wrong"]) { $1 },
      version.merging(["authorization": "Bearer nope"]) { $1 },
      // x-api-key decides when both are present.
      version.merging(["x-api-key": "wrong", "authorization": "Bearer " + harness.engine.adminKey])
      { $1 },
    ]
    for headers in cases {
      let reply = harness.send("GET", "/v1/organizations/me", headers: headers)
      #expect(reply.status == 401)
      #expect(reply.errorType == "authentication_error")
      #expect(reply.header("x-should-retry") == "false")
      #expect(!reply.message.contains(harness.engine.adminKey))
    }
    let bearer = harness.send(
      "GET", "/v1/organizations/me",
      headers: version.merging(["Authorization": "Bearer " + harness.engine.adminKey]) { $1 })
    #expect(bearer.status == 200)
  }

  @Test func versionHeaderRequired() {
    let reply = harness.send(
      "GET", "/v1/organizations/me", headers: ["x-api-key": harness.engine.adminKey])
    #expect(reply.status == 400)
    #expect(reply.message.contains("anthropic-version"))
  }

  @Test func unknownPathsAndMethodsAre404() {
    #expect(harness.get("balance").status == 404)
    #expect(harness.send("GET", "/v2/organizations/me").status == 404)
    #expect(harness.send("DELETE", "/v1/organizations/api_keys").status == 404)
    #expect(harness.send("POST", "/v1/organizations/users").status == 404)
    let reply = harness.get("users/user_01NoSuchUser")
    #expect(reply.status == 404 && reply.errorType == "not_found_error")
    #expect(harness.get("workspaces/wrkspc_nope/members").status == 404)
    #expect(harness.get("rate_limits", "model=claude-unknown").status == 404)
  }

  @Test(arguments: [
    ("api_keys", "limit=0"), ("api_keys", "limit=1001"), ("api_keys", "limit=abc"),
    ("api_keys", "status=revoked"), ("api_keys", "after_id=apikey_nope"),
    ("users", "roles[]=emperor"), ("invites", "statuses[]=deleted"),
    ("workspaces", "include_archived=yes"), ("rate_limits", "group_type=planet"),
    ("usage_report/messages", ""), ("usage_report/messages", "starting_at=yesterday"),
    ("usage_report/messages", "starting_at=2026-11-01T00:00:00Z&bucket_width=1w"),
    ("usage_report/messages", "starting_at=2026-11-01T00:00:00Z&limit=32"),
    ("usage_report/messages", "starting_at=2026-11-01T00:00:00Z&bucket_width=1h&limit=169"),
    ("usage_report/messages", "starting_at=2026-11-01T00:00:00Z&group_by[]=speed"),
    ("cost_report", "starting_at=2026-11-01T00:00:00Z&bucket_width=1h"),
    ("cost_report", "starting_at=2026-11-01T00:00:00Z&group_by[]=api_key_id"),
    ("cost_report", "starting_at=2026-11-10T00:00:00Z&ending_at=2026-11-09T00:00:00Z"),
  ])
  func badParameters(path: String, query: String) {
    let reply = harness.get(path, query)
    #expect(reply.status == 400, "\(path)?\(query)")
    #expect(reply.errorType == "invalid_request_error")
    #expect(reply.header("x-should-retry") == "false")
  }

  @Test func afterAndBeforeTogether() {
    let keys = harness.get("api_keys", "limit=2").json["data"].array
    let query = "after_id=\(keys[0]["id"].string ?? "")&before_id=\(keys[1]["id"].string ?? "")"
    #expect(harness.get("api_keys", query).status == 400)
  }

  @Test(arguments: [
    ("", "starting_at"),
    ("starting_at=2025-12-31T00:00:00Z", "2026-01-01"),
    ("starting_at=2026-11-01T00:00:00Z&ending_at=2026-12-03T00:00:00Z", "31 days"),
    (
      "starting_at=2026-11-18T00:00:00Z&ending_at=2026-11-20T00:00:00Z&time_bucket_width=1m",
      "24 hours"
    ),
    ("starting_at=2026-11-18T00:00:00Z&time_bucket_width=1h", "ending_at"),
    ("starting_at=2026-11-18T00:00:00Z&ending_at=2026-11-17T00:00:00Z", "after"),
    (
      "starting_at=2026-11-18T00:00:00Z&time_bucket_width=2h&ending_at=2026-11-19T00:00:00Z",
      "time_bucket_width"
    ),
    (
      "starting_at=2026-11-18T00:00:00Z&group_by[]=model&group_by[]=api_key_id&group_by[]=workspace_id"
        + "&group_by[]=product&group_by[]=speed&group_by[]=actor", "at most 5"
    ),
    ("starting_at=2026-11-18T00:00:00Z&group_by[]=planet", "group_by"),
    ("starting_at=2026-11-18T00:00:00Z&order_by=time", "time"),
    ("starting_at=2026-11-18T00:00:00Z&order=sideways", "order"),
    ("starting_at=2026-11-18T00:00:00Z&limit=1001", "limit"),
    ("starting_at=2026-11-18T00:00:00Z&service_tiers[]=gold", "service_tiers"),
  ])
  func analyticsValidation(query: String, mentions: String) {
    let reply = harness.analytics("usage", query)
    #expect(reply.status == 400, "\(query)")
    #expect(reply.message.contains(mentions), "\(reply.message)")
  }

  @Test func analyticsOlderThanAYear() {
    let later = SimulatorHarness()
    later.clock.advance(by: 400 * 86_400)
    let reply = later.analytics("usage", "starting_at=2026-11-01T00:00:00Z")
    #expect(reply.status == 400 && reply.message.contains("365"))
  }

  @Test func betaHeaders() {
    let query = "starting_at=2026-11-18T00:00:00Z"
    let missing = harness.get("analytics/usage", query)
    #expect(missing.status == 400 && missing.message.contains("anthropic-beta: " + beta))
    let wrong = harness.get("analytics/cost", query, beta: "analytics-usage-cost-2025-01-01")
    #expect(wrong.status == 400)
    #expect(harness.get("analytics/usage", query, beta: "foo-2026-01-01, " + beta).status == 200)
    let spend = harness.get("spend_limits")
    #expect(spend.status == 400 && spend.message.contains("spend-limit-reads-2026-09-26"))
  }

  @Test func switches() {
    let absent = SimulatorHarness(analytics: .absent)
    let reply = absent.analytics("usage", "starting_at=2026-11-18T00:00:00Z")
    #expect(reply.status == 404 && reply.errorType == "not_found_error")
    #expect(absent.get("usage_report/messages", "starting_at=2026-11-18T00:00:00Z").status == 200)
    let unsupported = SimulatorHarness(spendLimits: .unsupported)
    let spend = unsupported.get("spend_limits", "", beta: SimulatorHarness.spendBeta)
    #expect(spend.status == 400)
    #expect(
      spend.json["error"]["details"]["error_code"].string == "organization_type_not_supported")
    #expect(
      harness.get("spend_limits", "scope_type[]=seat_tier", beta: SimulatorHarness.spendBeta).status
        == 400)
  }

  @Test func arraySpellingsAndPlusSign() {
    let spellings = [
      "roles[]=admin&roles[]=billing", "roles%5B%5D=admin&roles%5B%5D=billing",
      "roles=admin&roles=billing", "roles=admin,billing",
    ]
    let results = spellings.map { harness.get("users", $0).json["data"] }
    #expect(results[0].array.count >= 2)
    #expect(results.allSatisfy { $0 == results[0] })
    let plus = harness.analytics("usage", "starting_at=2026-11-18T00:00:00+00:00")
    let encoded = harness.analytics("usage", "starting_at=2026-11-18T00:00:00%2B00:00")
    let zulu = harness.analytics("usage", "starting_at=2026-11-18T00:00:00Z")
    #expect(plus.status == 200 && plus.json == zulu.json && encoded.json == zulu.json)
    #expect(harness.get("me", "beta=true").status == 200)
  }
}
