import Testing

@testable import OrgTopSimulator

/// Pages of any size concatenate exactly to the single big page (admin-api.md §15.1).
@Suite struct PagingTests {
  let harness = SimulatorHarness(seed: 5, keyCount: 57)

  @Test(arguments: [1, 2, 7, 20, 56, 57, 58])
  func apiKeyPagesConcatenate(limit: Int) {
    let whole = harness.get("api_keys", "limit=1000").json
    #expect(whole["has_more"].bool == false)
    #expect(harness.walkIDPages("api_keys", "x=1", limit: limit) == whole["data"].array)
  }

  @Test func idEnvelopeIsExact() {
    let page = harness.get("api_keys", "limit=3").json
    let data = page["data"].array
    #expect(page.keys == ["data", "has_more", "first_id", "last_id"])
    #expect(page["first_id"] == data[0]["id"])
    #expect(page["last_id"] == data[2]["id"])
    #expect(page["has_more"].bool == true)
    let empty = harness.get("api_keys", "status=active&workspace_id=wrkspc_none").json
    #expect(empty["data"].array.isEmpty)
    #expect(empty["first_id"].isNull && empty["last_id"].isNull && empty["has_more"].bool == false)
  }

  @Test func beforeIDWalksBackwardsInListOrder() throws {
    let whole = harness.get("api_keys", "limit=1000").json["data"].array
    var collected: [JSONNode] = []
    var before = try #require(whole.last?["id"].string)
    collected.append(whole[whole.count - 1])
    while true {
      let page = harness.get("api_keys", "limit=5&before_id=" + before).json
      collected.insert(contentsOf: page["data"].array, at: 0)
      guard page["has_more"].bool == true, let first = page["first_id"].string else { break }
      before = first
    }
    #expect(collected == whole)
  }

  @Test(arguments: ["users", "invites", "workspaces"])
  func otherIDListsConcatenate(path: String) {
    let query = path == "workspaces" ? "include_default=true&include_archived=true" : "x=1"
    let whole = harness.get(path, query + "&limit=1000").json["data"].array
    #expect(!whole.isEmpty)
    for limit in [1, 2, 3] {
      #expect(harness.walkIDPages(path, query, limit: limit) == whole)
    }
  }

  @Test func workspaceMembersPageByUserID() throws {
    let workspace = try #require(
      harness.get("workspaces", "include_default=true").json["data"].array.first?["id"].string)
    let whole = harness.get("workspaces/\(workspace)/members", "limit=1000").json
    #expect(whole["first_id"] == whole["data"][0]["user_id"])
    for limit in [1, 4] {
      #expect(
        harness.walkIDPages("workspaces/\(workspace)/members", "x=1", limit: limit)
          == whole["data"].array)
    }
  }

  @Test func opaqueCursorPagesConcatenate() {
    let whole = harness.get("rate_limits").json
    #expect(whole.keys == ["data", "next_page"])
    #expect(whole["next_page"].isNull)
    for limit in [1, 2, 5] {
      #expect(harness.walkCursorPages("rate_limits", "limit=\(limit)") == whole["data"].array)
    }
    let spend = harness.get("spend_limits", "", beta: SimulatorHarness.spendBeta).json["data"].array
    #expect(spend.count == 3)
    #expect(
      harness.walkCursorPages("spend_limits", "limit=1", beta: SimulatorHarness.spendBeta) == spend)
  }

  @Test(arguments: [1, 3, 17])
  func analyticsPagesConcatenate(limit: Int) {
    let query =
      "starting_at=2026-11-13T00:00:00Z&ending_at=2026-11-20T00:00:00Z&time_bucket_width=1d"
      + "&group_by[]=api_key_id&group_by[]=model"
    let whole = harness.analytics("usage", query + "&limit=1000").json
    #expect(whole["has_more"].bool == false && whole["next_page"].isNull)
    #expect(whole["data"].array.count > 17)
    let walked = harness.walkCursorPages(
      "analytics/usage", query + "&limit=\(limit)", beta: SimulatorHarness.analyticsBeta)
    #expect(walked == whole["data"].array)
    let first = harness.analytics("usage", query + "&limit=\(limit)").json
    #expect(first["has_more"].bool == !first["next_page"].isNull)
  }

  @Test func legacyPagesConcatenate() {
    let usage = "starting_at=2026-11-18T00:00:00Z&bucket_width=1h&group_by[]=model"
    let whole = harness.get("usage_report/messages", usage + "&limit=168").json
    #expect(whole["data"].array.count == 59)  // 2026-11-18T00:00 up to 10:12 on the 20th
    for limit in [1, 5, 24] {
      #expect(
        harness.walkCursorPages("usage_report/messages", usage + "&limit=\(limit)")
          == whole["data"].array)
    }
    let cost = "starting_at=2026-11-01T00:00:00Z&group_by[]=description"
    let wholeCost = harness.get("cost_report", cost + "&limit=31").json["data"].array
    #expect(wholeCost.count == 20)
    #expect(harness.walkCursorPages("cost_report", cost + "&limit=3") == wholeCost)
    let page = harness.get("cost_report", cost + "&limit=3").json
    #expect(page.keys == ["data", "has_more", "next_page"])
    #expect(page["has_more"].bool == true && page["next_page"].string?.hasPrefix("page_") == true)
  }

  @Test func cursorBoundToItsQuery() throws {
    let first = harness.get("rate_limits", "limit=1").json
    let next = try #require(first["next_page"].string)
    let reply = harness.get("rate_limits", "limit=2&page=" + next)
    #expect(reply.status == 400)
    #expect(reply.message.contains("cursor does not match"))
    #expect(harness.get("rate_limits", "limit=1&page=bogus").status == 400)
  }
}
