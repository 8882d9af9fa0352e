import Testing

@testable import OrgTopSimulator

/// One seed, one organization.
@Suite struct DeterminismTests {
  private let paths = [
    ("me", ""), ("api_keys", "limit=1000"), ("users", "limit=1000"), ("invites", ""),
    ("workspaces", "include_default=true&include_archived=true"), ("rate_limits", ""),
  ]

  @Test func sameSeedGivesTheSameOrganization() {
    let first = SimulatorHarness(seed: 11)
    let second = SimulatorHarness(seed: 11)
    for (path, query) in paths {
      #expect(first.get(path, query).json == second.get(path, query).json, "\(path)")
    }
    let usage = "starting_at=2026-11-01T00:00:00Z&group_by[]=api_key_id&group_by[]=model&limit=1000"
    #expect(first.analytics("usage", usage).json == second.analytics("usage", usage).json)
    #expect(first.engine.adminKey == second.engine.adminKey)
  }

  @Test func differentSeedsGiveDifferentOrganizations() {
    let first = SimulatorHarness(seed: 11)
    let second = SimulatorHarness(seed: 12)
    #expect(first.get("me").json["id"] != second.get("me").json["id"])
    #expect(first.get("api_keys", "limit=5").json != second.get("api_keys", "limit=5").json)
  }

  @Test func worldHasTheDocumentedVariety() {
    let harness = SimulatorHarness(seed: 3, keyCount: 45)
    let keys = harness.get("api_keys", "limit=1000").json["data"].array
    #expect(keys.count == 45)
    let statuses = Set(keys.compactMap { $0["status"].string })
    #expect(statuses == ["active", "inactive", "archived", "expired"])
    let creators = Set(keys.map { $0["created_by"]["type"].string ?? "null" })
    #expect(creators == ["user", "service_account", "null"])
    let names = keys.compactMap { $0["name"].string }
    #expect(names.contains { $0.contains("\u{1B}") })
    #expect(
      names.contains { $0.unicodeScalars.contains { $0.value >= 0x3040 && $0.value < 0xA000 } })
    #expect(names.contains { $0.unicodeScalars.contains { $0.properties.isEmojiPresentation } })
    let roles = Set(
      harness.get("users", "limit=1000").json["data"].array.compactMap { $0["role"].string })
    #expect(roles.isSuperset(of: ["user", "claude_code_user", "developer", "billing", "admin"]))
    let workspaces = harness.get(
      "workspaces", "include_default=true&include_archived=true&limit=100"
    )
    .json["data"].array
    #expect((5...7).contains(workspaces.count))
    #expect(workspaces.contains { $0["name"].string == "Default" })
    #expect(workspaces.contains { !$0["archived_at"].isNull })
    let pending = harness.get("invites", "statuses[]=pending").json["data"].array
    #expect(!pending.isEmpty)
    // Every key points at a real workspace and a real creator.
    let workspaceIDs = Set(workspaces.compactMap { $0["id"].string })
    let userIDs = Set(
      harness.get("users", "limit=1000").json["data"].array.compactMap { $0["id"].string })
    for key in keys {
      if let workspace = key["scope"]["workspace_id"].string {
        #expect(workspaceIDs.contains(workspace))
      }
      if key["created_by"]["type"].string == "user" {
        #expect(userIDs.contains(key["created_by"]["id"].string ?? ""))
      }
    }
  }

  @Test func idsFollowTheDocumentedFormats() throws {
    let harness = SimulatorHarness()
    let base62 = Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
    for key in harness.get("api_keys", "limit=1000").json["data"].array {
      let id = try #require(key["id"].string)
      #expect(id.hasPrefix("apikey_01") && id.count == 9 + 22)
      #expect(id.dropFirst(9).allSatisfy { base62.contains($0) })
    }
    let orgID = try #require(harness.get("me").json["id"].string)
    let parts = orgID.split(separator: "-").map(\.count)
    #expect(parts == [8, 4, 4, 4, 12])
    #expect(Array(orgID)[14] == "4")
    #expect(orgID == orgID.lowercased())
    let requestID = try #require(harness.get("me").header("request-id"))
    #expect(requestID.hasPrefix("req_011C") && requestID.count == 28)
    #expect(harness.engine.adminKey.hasPrefix("sk-ant-admin01-"))
  }
}
