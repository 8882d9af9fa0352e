import Foundation
import Testing

@testable import OrgTopSimulator

/// Exact key sets and JSON types (admin-api.md §15.2), checked on the parsed bytes.
@Suite struct WireShapeTests {
  let harness = SimulatorHarness(seed: 9)

  private func isTimestamp(_ node: JSONNode) -> Bool {
    guard let text = node.string, text.hasSuffix("Z") else { return false }
    return WireTime.parse(text) != nil
  }

  @Test func organization() {
    let me = harness.get("me").json
    #expect(me.keys == ["id", "name", "type"])
    #expect(me["type"].string == "organization")
  }

  @Test func apiKeyObjects() {
    for key in harness.get("api_keys", "limit=1000").json["data"].array {
      #expect(
        key.keys == [
          "id", "type", "name", "status", "created_at", "created_by", "expires_at",
          "partial_key_hint", "principal", "scope",
        ])
      #expect(key["type"].string == "api_key")
      #expect(isTimestamp(key["created_at"]))
      #expect(key["expires_at"].isNull || isTimestamp(key["expires_at"]))
      #expect(key["partial_key_hint"].isNull || key["partial_key_hint"].string != nil)
      if !key["created_by"].isNull { #expect(key["created_by"].keys == ["id", "type"]) }
      switch key["principal"]["type"].string {
      case "user_actor": #expect(key["principal"].keys == ["type", "user_id"])
      case "service_account_actor":
        #expect(key["principal"].keys == ["type", "service_account_id"])
      default: #expect(key["principal"].isNull)
      }
      switch key["scope"]["type"].string {
      case "workspace": #expect(key["scope"].keys == ["type", "workspace_id"])
      case "organization": #expect(key["scope"].keys == ["type"])
      default: Issue.record("bad scope \(key["scope"])")
      }
    }
  }

  @Test func usersInvitesWorkspacesMembers() throws {
    for user in harness.get("users", "limit=100").json["data"].array {
      #expect(user.keys == ["id", "type", "email", "name", "role", "added_at"])
      #expect(isTimestamp(user["added_at"]))
    }
    for invite in harness.get("invites").json["data"].array {
      #expect(
        invite.keys == [
          "id", "type", "email", "role", "status", "invited_at", "expires_at", "accepted_at",
          "rbac_group_ids",
        ])
      #expect(invite["rbac_group_ids"] == .array([]))
      let invited = try #require(invite["invited_at"].string.flatMap(WireTime.parse))
      let expires = try #require(invite["expires_at"].string.flatMap(WireTime.parse))
      #expect(expires - invited == 21 * 86_400 * 1_000_000)
    }
    let workspaces = harness.get("workspaces", "include_default=true&include_archived=true").json
    for workspace in workspaces["data"].array {
      #expect(
        workspace.keys == [
          "id", "type", "name", "created_at", "archived_at", "display_color", "compartment_id",
          "external_key_id", "data_residency", "tags", "user_profile_id",
        ])
      #expect(
        workspace["data_residency"].keys == [
          "workspace_geo", "default_inference_geo", "allowed_inference_geos",
        ])
      let allowed = workspace["data_residency"]["allowed_inference_geos"]
      #expect(allowed.string == "unrestricted" || !allowed.array.isEmpty)
      if case .object = workspace["tags"] {} else { Issue.record("tags must be an object") }
    }
    let id = try #require(workspaces["data"][0]["id"].string)
    for member in harness.get("workspaces/\(id)/members").json["data"].array {
      #expect(member.keys == ["type", "user_id", "workspace_id", "workspace_role"])
    }
  }

  @Test func limits() throws {
    for entry in harness.get("rate_limits").json["data"].array {
      #expect(entry.keys == ["id", "type", "group", "models", "limits"])
      #expect(entry["id"].string?.hasPrefix("rl_01") == true)
      let isModelGroup = entry["group"]["type"].string == "model_group"
      #expect(
        entry["group"].keys == (isModelGroup ? ["type", "id", "display_name"] : ["type", "id"]))
      #expect(isModelGroup ? !entry["models"].array.isEmpty : entry["models"].isNull)
      for limit in entry["limits"].array {
        #expect(limit.keys == ["type", "value"] && limit["value"].int != nil)
      }
    }
    let workspaces = harness.get("workspaces").json["data"].array
    for workspace in workspaces {
      let id = try #require(workspace["id"].string)
      for entry in harness.get("workspaces/\(id)/rate_limits", "include_inherited=true").json[
        "data"
      ].array {
        #expect(
          entry.keys == ["type", "workspace_id", "rate_limit_id", "group", "models", "limits"])
        for limit in entry["limits"].array {
          #expect(limit.keys == ["type", "value", "org_limit", "source"])
          #expect(limit["value"].int != nil && limit["org_limit"].int != nil)
        }
      }
    }
    let spend = harness.get("spend_limits", "", beta: SimulatorHarness.spendBeta).json["data"].array
    for limit in spend {
      #expect(
        limit.keys == [
          "id", "type", "amount", "currency", "is_enabled", "period", "scope", "created_at",
          "updated_at",
        ])
      #expect(limit["amount"].string.map { $0.allSatisfy(\.isNumber) } == true)
      #expect(limit["is_enabled"].bool == true)
    }
    let organization = spend.first { $0["scope"]["type"].string == "organization" }
    #expect(organization?["amount"].string == "500000")
  }

  @Test func analyticsRows() {
    let query = "starting_at=2026-11-19T00:00:00Z&group_by[]=api_key_id&group_by[]=actor&limit=50"
    let usage = harness.analytics("usage", query).json
    #expect(usage.keys == ["data", "next_page", "has_more", "data_refreshed_at"])
    #expect(usage["data_refreshed_at"].string == "2026-11-20T10:07:00Z")
    #expect(!usage["data"].array.isEmpty)
    for row in usage["data"].array {
      #expect(row.keys == ["starting_at", "ending_at", "group", "usage"])
      #expect(row["group"].keys.count == 20)
      #expect(
        row["usage"].keys == [
          "uncached_input_tokens", "output_tokens", "cache_read_input_tokens", "cache_creation",
          "server_tool_use", "total_tokens", "requests",
        ])
      #expect(row["usage"]["total_tokens"].int != nil && row["usage"]["requests"].int != nil)
      let actor = row["group"]["actor"]
      if row["group"]["api_key_id"].isNull {
        #expect(actor.keys == ["type", "user_id", "name", "email_address", "deleted"])
      } else {
        #expect(
          actor
            == .object(["type": .string("api_actor"), "api_key_id": row["group"]["api_key_id"]]))
      }
    }
    let cost = harness.analytics("cost", query + "&group_by[]=token_type").json
    for row in cost["data"].array {
      #expect(row.keys == ["starting_at", "ending_at", "group", "cost"])
      #expect(row["group"].keys.count == 22)
      #expect(row["cost"].keys == ["amount", "list_amount", "currency", "requests"])
      #expect(row["cost"]["amount"].string != nil && row["cost"]["requests"].isNull)
    }
  }

  @Test func legacyRows() {
    let usage = harness.get(
      "usage_report/messages", "starting_at=2026-11-19T00:00:00Z&group_by[]=api_key_id"
    ).json
    #expect(usage.keys == ["data", "has_more", "next_page"])
    let rows = usage["data"].array.flatMap { $0["results"].array }
    #expect(!rows.isEmpty)
    for row in rows {
      #expect(
        row.keys == [
          "uncached_input_tokens", "cache_creation", "cache_read_input_tokens", "output_tokens",
          "server_tool_use", "api_key_id", "workspace_id", "model", "service_tier",
          "context_window",
          "inference_geo", "account_id", "service_account_id",
        ])
      #expect(row["model"].isNull && row["workspace_id"].isNull)
    }
    let cost = harness.get("cost_report", "starting_at=2026-11-19T00:00:00Z&group_by[]=description")
      .json
    for row in cost["data"].array.flatMap({ $0["results"].array }) {
      #expect(
        row.keys == [
          "amount", "currency", "workspace_id", "description", "cost_type", "model", "token_type",
          "service_tier", "context_window", "inference_geo",
        ])
      #expect(row["amount"].string != nil)
    }
  }

  @Test func everyResponseCarriesTheHeaders() {
    for reply in [harness.get("me"), harness.get("nope"), harness.get("api_keys/apikey_x")] {
      #expect(reply.header("request-id")?.hasPrefix("req_011C") == true)
      #expect(reply.header("content-type") == "application/json")
      #expect(reply.header("anthropic-organization-id") == harness.get("me").json["id"].string)
    }
  }

  @Test func errorEnvelopeIsExact() {
    let reply = harness.get("api_keys/apikey_01Zz9Yy8Xx7Ww6Vv5Uu4Tt3S")
    #expect(reply.status == 404)
    #expect(reply.json.keys == ["type", "error", "request_id"])
    #expect(reply.json["type"].string == "error")
    #expect(reply.json["error"].keys == ["type", "message"])
    #expect(reply.json["request_id"].string == reply.header("request-id"))
    let effective = harness.get("spend_limits/effective")
    #expect(effective.status == 400)
    #expect(
      effective.json["error"]["details"]
        == .object(["error_code": .string("organization_type_not_supported")]))
  }

  @Test func hostileNamesAreEscapedInJSON() throws {
    let raw = harness.get("api_keys", "limit=1000").response.body
    #expect(!raw.contains(0x1B))
    #expect(String(decoding: raw, as: UTF8.self).contains("\\u001b]0;pwned\\u0007evil"))
  }
}
