import Foundation
import OrgTopCore
import Testing

@testable import OrgTopAPI

/// Older shapes, unknown enums and fields, absent optional keys, and malformed values.
@Suite struct LenientDecodingTests {
  private func key(_ json: String) throws -> APIKey {
    try WireDecoding.decode(WireAPIKey.self, from: Data(json.utf8)).toDomain()
  }

  @Test func olderKeyShapeWithTopLevelWorkspaceAndPrincipal() throws {
    let legacy = try key(
      #"{"id":"apikey_1","type":"api_key","name":"old","status":"active","created_at":"2026-01-01T00:00:00Z","workspace_id":"wrkspc_9","principal":{"id":"user_7","type":"user"}}"#
    )
    #expect(legacy.workspaceID == "wrkspc_9")
    #expect(legacy.principal == Actor(id: "user_7", kind: .user))
    #expect(legacy.createdBy == nil && legacy.expiresAt == nil && legacy.partialKeyHint == nil)

    let defaultWorkspace = try key(
      #"{"id":"apikey_2","name":"d","status":"active","created_at":"2026-01-01T00:00:00Z","workspace_id":null,"principal":{"id":"svac_1","type":"service_account"}}"#
    )
    #expect(defaultWorkspace.workspaceID == nil)
    #expect(defaultWorkspace.principal == Actor(id: "svac_1", kind: .serviceAccount))
  }

  @Test func scopeWinsOverTheDeprecatedField() throws {
    let both = try key(
      #"{"id":"k","name":"n","status":"active","created_at":"2026-01-01T00:00:00Z","workspace_id":"wrkspc_old","scope":{"type":"workspace","workspace_id":"wrkspc_new"}}"#
    )
    #expect(both.workspaceID == "wrkspc_new")
  }

  @Test func unknownEnumsAndUnionsAreKept() throws {
    let future = try key(
      #"{"id":"k","name":"n","status":"suspended","created_at":"2026-01-01T00:00:00Z","created_by":{"id":"x_1","type":"robot"},"principal":{"type":"federated_actor","id":"fed_1"},"scope":{"type":"project","project_id":"p"},"workspace_id":"wrkspc_fallback","brand_new_field":{"a":[1,2]}}"#
    )
    #expect(future.status == .unknown("suspended"))
    #expect(future.status.wire == "suspended")
    #expect(future.createdBy == Actor(id: "x_1", kind: .unknown("robot")))
    #expect(future.principal == Actor(id: "fed_1", kind: .unknown("federated_actor")))
    #expect(future.workspaceID == "wrkspc_fallback")

    let user = try WireDecoding.decode(
      WireUser.self,
      from: Data(
        #"{"id":"u","type":"user","email":"e","name":"n","role":"chief_wizard","added_at":"2026-01-01T00:00:00Z","extra":true}"#
          .utf8)
    ).toDomain()
    #expect(user.role == .unknown("chief_wizard"))

    let spend = try WireDecoding.decode(
      WireSpendLimit.self,
      from: Data(
        #"{"id":"spl_1","type":"spend_limit","amount":null,"currency":"USD","is_enabled":true,"period":"fortnightly","scope":{"type":"seat_tier","seat_tier":"premium"},"created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z"}"#
          .utf8)
    ).toDomain()
    #expect(spend.period == .unknown("fortnightly"))
    #expect(spend.scope == .other(type: "seat_tier"))
    #expect(spend.amount == nil)

    let member = try WireDecoding.decode(
      WireWorkspaceMember.self,
      from: Data(
        #"{"type":"workspace_member","user_id":"u","workspace_id":"w","workspace_role":"workspace_owner"}"#
          .utf8)
    ).toDomain()
    #expect(member.role == .unknown("workspace_owner"))
  }

  @Test func olderRateLimitShapes() throws {
    let entry = try WireDecoding.decode(
      WireRateLimit.self,
      from: Data(
        #"{"id":"rlg_01","type":"rate_limit","group_type":"model_group","models":["m1"],"limits":[{"type":"requests_per_minute","value":50}]}"#
          .utf8)
    ).toDomain()
    #expect(entry.groupType == "model_group")
    #expect(entry.groupID == "rlg_01")
    #expect(entry.displayName == nil)
    #expect(entry.value(of: "requests_per_minute") == 50)

    let workspace = try WireDecoding.decode(
      WireWorkspaceRateLimit.self,
      from: Data(
        #"{"type":"workspace_rate_limit","workspace_id":"w","rate_limit_id":"rl_1","group_type":"batch","models":null,"limits":[{"type":"requests_per_minute","value":10,"org_limit":null}]}"#
          .utf8)
    ).toDomain()
    #expect(workspace.groupType == "batch")
    #expect(
      workspace.limits == [
        .init(type: "requests_per_minute", value: 10, orgLimit: nil, source: nil)
      ])

    let unknownGroup = try WireDecoding.decode(
      WireRateLimit.self,
      from: Data(
        #"{"id":"rl_2","type":"rate_limit","group":{"type":"hologram","id":"rlg_9"},"models":null,"limits":[{"type":"photons_per_second","value":3}]}"#
          .utf8)
    ).toDomain()
    #expect(unknownGroup.groupType == "hologram")
    #expect(unknownGroup.limits == [.init(type: "photons_per_second", value: 3)])
  }

  @Test func missingOptionalKeysDecode() throws {
    let workspace = try WireDecoding.decode(
      WireWorkspace.self,
      from: Data(#"{"id":"w","name":"n","created_at":"2026-01-01T00:00:00Z"}"#.utf8)
    ).toDomain()
    #expect(workspace.archivedAt == nil)
    let row = try WireDecoding.decode(
      WireAnalyticsUsageRow.self,
      from: Data(
        #"{"starting_at":"2026-11-01T00:00:00Z","ending_at":"2026-11-01T01:00:00Z","group":{},"usage":{"uncached_input_tokens":5,"output_tokens":7,"cache_read_input_tokens":0,"total_tokens":12}}"#
          .utf8)
    ).toDomain()
    #expect(row.tokens.total == 12)
    #expect(row.requests == nil)
    #expect(row.apiKeyID == nil)
  }

  @Test func largeCountsBeyond32Bits() throws {
    let row = try WireDecoding.decode(
      WireAnalyticsUsageRow.self,
      from: Data(
        #"{"starting_at":"2026-11-01T00:00:00Z","ending_at":"2026-11-02T00:00:00Z","group":null,"usage":{"uncached_input_tokens":9000000000,"output_tokens":1,"cache_read_input_tokens":0,"cache_creation":{"ephemeral_5m_input_tokens":0,"ephemeral_1h_input_tokens":0},"server_tool_use":{"web_search_requests":0},"total_tokens":9000000001,"requests":3000000000}}"#
          .utf8)
    ).toDomain()
    #expect(row.tokens.total == 9_000_000_001)
    #expect(row.requests == 3_000_000_000)
  }

  @Test(arguments: ["12abc", "", "1.2.3", "$5", "1e5", "five", " "])
  func malformedMoneyIsAnErrorNotZero(_ amount: String) throws {
    let json =
      #"{"starting_at":"2026-11-01T00:00:00Z","ending_at":"2026-11-02T00:00:00Z","group":null,"cost":{"amount":"\#(amount)","list_amount":"1","currency":"USD","requests":null}}"#
    let row = try WireDecoding.decode(WireAnalyticsCostRow.self, from: Data(json.utf8))
    #expect(throws: MalformedWire.self) { try row.toDomain() }
  }

  @Test func moneyAsAJSONNumberIsMalformed() {
    let json =
      #"{"id":"spl_1","amount":500000,"currency":"USD","is_enabled":true,"period":"monthly","scope":{"type":"organization"}}"#
    #expect(throws: MalformedWire.self) {
      try WireDecoding.decode(WireSpendLimit.self, from: Data(json.utf8))
    }
  }

  @Test func malformedTimestampAndTruncatedJSON() {
    #expect(throws: MalformedWire.self) {
      try WireDecoding.decode(
        WireUser.self,
        from: Data(
          #"{"id":"u","email":"e","name":"n","role":"user","added_at":"2026-13-01T00:00:00Z"}"#
            .utf8))
    }
    #expect(throws: MalformedWire.self) {
      try WireDecoding.decode(WireIDPage<WireUser>.self, from: Data(#"{"data": [{"id": "u""#.utf8))
    }
    #expect(throws: MalformedWire.self) {
      try WireDecoding.decode(WireOrganization.self, from: Data("<html>502</html>".utf8))
    }
  }
}

extension LenientDecodingTests {
  /// Where a string's bytes live (nil for small strings held inline).
  private static func storage(_ text: String) -> UnsafeRawPointer? {
    var copy = text
    return copy.withUTF8 { UnsafeRawPointer($0.baseAddress) }
  }

  @Test func repeatedIdsOfKeysShareOneCopy() throws {
    func json(_ id: String) -> String {
      #"{"id":"\#(id)","name":"n","status":"active","created_at":"2026-01-01T00:00:00Z","created_by":{"id":"user_0123456789abcdefghij","type":"user"},"scope":{"type":"workspace","workspace_id":"wrkspc_0123456789abcdefghij"}}"#
    }
    var interner = StringInterner()
    let keys = try ["apikey_1", "apikey_2"].map {
      try WireDecoding.decode(WireAPIKey.self, from: Data(json($0).utf8))
        .toDomain(interning: &interner)
    }
    #expect(keys[0].workspaceID == "wrkspc_0123456789abcdefghij")
    #expect(keys[1].createdBy?.id == "user_0123456789abcdefghij")
    // Decoded separately, the ids are equal; interned, they are the same bytes.
    let workspaces = keys.map { Self.storage($0.workspaceID ?? "") }
    let creators = keys.map { Self.storage($0.createdBy?.id ?? "") }
    #expect(workspaces[0] != nil && workspaces[0] == workspaces[1])
    #expect(creators[0] != nil && creators[0] == creators[1])
    let plain = try ["apikey_1", "apikey_2"].map {
      try WireDecoding.decode(WireAPIKey.self, from: Data(json($0).utf8)).toDomain()
    }
    #expect(Self.storage(plain[0].workspaceID ?? "") != Self.storage(plain[1].workspaceID ?? ""))
  }
}
