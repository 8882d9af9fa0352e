import Testing

@testable import OrgTopSimulator

/// `POST /api_keys/{id}` changes the world (admin-api.md §6.4, §16 #11–12).
@Suite struct UpdateTests {
  let harness = SimulatorHarness(seed: 4)

  private func key(status: String) throws -> String {
    try #require(harness.get("api_keys", "status=\(status)&limit=1").json["data"][0]["id"].string)
  }

  private func post(_ id: String, _ body: String) -> Reply {
    harness.send(
      "POST", "/v1/organizations/api_keys/" + id, body: body)
  }

  @Test func renameChangesOnlyTheName() throws {
    let id = try key(status: "active")
    let before = harness.get("api_keys/" + id).json
    let reply = post(id, #"{"name":"renamed ✨"}"#)
    #expect(reply.status == 200)
    #expect(reply.json["name"].string == "renamed ✨")
    #expect(
      reply.json["status"] == before["status"] && reply.json["created_at"] == before["created_at"])
    #expect(harness.get("api_keys/" + id).json == reply.json)
    #expect(post(id, #"{"name":null}"#).json["name"].string == "renamed ✨")
  }

  @Test func statusTransitions() throws {
    let id = try key(status: "active")
    #expect(post(id, #"{"status":"inactive"}"#).json["status"].string == "inactive")
    #expect(
      harness.get("api_keys", "status=inactive&limit=1000").json["data"].array.contains {
        $0["id"].string == id
      })
    #expect(post(id, #"{"status":"active"}"#).json["status"].string == "active")
    #expect(post(id, #"{"status":"archived"}"#).json["status"].string == "archived")
    let reactivate = post(id, #"{"status":"active"}"#)
    #expect(reactivate.status == 400 && reactivate.message.contains("archived"))
    #expect(post(id, #"{"name":"still renameable"}"#).status == 200)
    let expired = try key(status: "expired")
    #expect(post(expired, #"{"status":"inactive"}"#).status == 400)
  }

  @Test func badBodies() throws {
    let id = try key(status: "active")
    for body in [
      #"{"status":"expired"}"#, #"{"status":"paused"}"#, #"{"name":5}"#, "not json", "[]",
      #"{"colour":"red"}"#, #"{"name":""}"#,
    ] {
      let reply = post(id, body)
      #expect(reply.status == 400, "\(body)")
      #expect(reply.errorType == "invalid_request_error")
    }
    #expect(post("apikey_01NoSuchKeyAtAllXXXXXXXX", #"{"name":"x"}"#).status == 404)
    #expect(harness.get("api_keys/" + id).json["status"].string == "active")
  }

  @Test func deactivatedKeysStopMakingUsage() throws {
    let query = "starting_at=2026-11-01T00:00:00Z&group_by[]=api_key_id&limit=1000"
    let rows = harness.analytics("usage", query).json["data"].array
    let busy = try #require(
      rows.compactMap { row -> String? in
        guard let id = row["group"]["api_key_id"].string,
          harness.get("api_keys/" + id).json["status"].string == "active"
        else { return nil }
        return id
      }.first)
    #expect(post(busy, #"{"status":"inactive"}"#).status == 200)
    harness.clock.advance(by: 6 * 3600)
    let later = harness.analytics(
      "usage",
      "starting_at=2026-11-20T11:00:00Z&ending_at=2026-11-20T16:00:00Z&api_key_ids[]=\(busy)")
    #expect(later.status == 200)
    #expect(later.json["data"][0]["usage"]["total_tokens"].int == 0)
  }
}
