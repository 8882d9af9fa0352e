import Foundation
import OrgTopCore

/// Token counts as both report families send them; sub-objects tolerate absence.
struct WireTokenUsage: Decodable, Sendable {
  /// `{"ephemeral_5m_input_tokens", "ephemeral_1h_input_tokens"}`.
  struct CacheCreation: Decodable, Sendable {
    var ephemeral5mInputTokens: Int?
    var ephemeral1hInputTokens: Int?

    private enum CodingKeys: String, CodingKey {
      case ephemeral5mInputTokens = "ephemeral_5m_input_tokens"
      case ephemeral1hInputTokens = "ephemeral_1h_input_tokens"
    }
  }

  /// `{"web_search_requests": int}`.
  struct ServerToolUse: Decodable, Sendable {
    var webSearchRequests: Int?

    private enum CodingKeys: String, CodingKey {
      case webSearchRequests = "web_search_requests"
    }
  }

  var uncachedInputTokens: Int?
  var outputTokens: Int?
  var cacheReadInputTokens: Int?
  var cacheCreation: CacheCreation?
  var serverToolUse: ServerToolUse?

  private enum CodingKeys: String, CodingKey {
    case uncachedInputTokens = "uncached_input_tokens"
    case outputTokens = "output_tokens"
    case cacheReadInputTokens = "cache_read_input_tokens"
    case cacheCreation = "cache_creation"
    case serverToolUse = "server_tool_use"
  }

  var counts: TokenCounts {
    TokenCounts(
      uncachedInput: uncachedInputTokens ?? 0, output: outputTokens ?? 0,
      cacheRead: cacheReadInputTokens ?? 0,
      cacheCreation5m: cacheCreation?.ephemeral5mInputTokens ?? 0,
      cacheCreation1h: cacheCreation?.ephemeral1hInputTokens ?? 0,
      webSearchRequests: serverToolUse?.webSearchRequests ?? 0)
  }
}

/// The analytics `group` object; only the dimensions orgtop groups by are read.
struct WireAnalyticsGroup: Decodable, Sendable {
  var apiKeyId: String?
  var model: String?
  var workspaceId: String?

  private enum CodingKeys: String, CodingKey {
    case model
    case apiKeyId = "api_key_id"
    case workspaceId = "workspace_id"
  }
}

/// A row of `GET /v1/organizations/analytics/usage` (admin-api.md §13.3).
struct WireAnalyticsUsageRow: Decodable, Sendable {
  /// The `usage` object: token counts plus the nullable request count.
  struct Usage: Decodable, Sendable {
    var tokens: WireTokenUsage
    var requests: Int?

    init(from decoder: any Decoder) throws {
      tokens = try WireTokenUsage(from: decoder)
      let container = try decoder.container(keyedBy: CodingKeys.self)
      requests = try container.decodeIfPresent(Int.self, forKey: .requests)
    }

    private enum CodingKeys: String, CodingKey {
      case requests
    }
  }

  var startingAt: Date
  var endingAt: Date
  var group: WireAnalyticsGroup?
  var usage: Usage

  private enum CodingKeys: String, CodingKey {
    case group, usage
    case startingAt = "starting_at"
    case endingAt = "ending_at"
  }

  func toDomain() -> UsageRow {
    UsageRow(
      start: startingAt, end: endingAt, apiKeyID: group?.apiKeyId, model: group?.model,
      workspaceID: group?.workspaceId, tokens: usage.tokens.counts, requests: usage.requests)
  }
}

/// A row of `GET /v1/organizations/analytics/cost` (admin-api.md §13.4).
struct WireAnalyticsCostRow: Decodable, Sendable {
  /// The `cost` object; amounts are fractional cents as strings.
  struct Cost: Decodable, Sendable {
    var amount: String
    var listAmount: String?
    var currency: String?
    var requests: Int?

    private enum CodingKeys: String, CodingKey {
      case amount, currency, requests
      case listAmount = "list_amount"
    }
  }

  var startingAt: Date
  var endingAt: Date
  var group: WireAnalyticsGroup?
  var cost: Cost

  private enum CodingKeys: String, CodingKey {
    case group, cost
    case startingAt = "starting_at"
    case endingAt = "ending_at"
  }

  func toDomain() throws(MalformedWire) -> CostRow {
    let amount = try WireMoney.parse(
      cost.amount, currency: cost.currency ?? "USD", field: "cost.amount")
    if let listAmount = cost.listAmount {
      _ = try WireMoney.parse(listAmount, currency: "USD", field: "cost.list_amount")
    }
    return CostRow(
      start: startingAt, end: endingAt, apiKeyID: group?.apiKeyId, model: group?.model,
      workspaceID: group?.workspaceId, amount: amount)
  }
}

/// A bucket of the legacy reports: `{starting_at, ending_at, results: [row]}`.
struct WireLegacyBucket<Row: Decodable & Sendable>: Decodable, Sendable {
  var startingAt: Date
  var endingAt: Date
  var results: [Row]?

  private enum CodingKeys: String, CodingKey {
    case results
    case startingAt = "starting_at"
    case endingAt = "ending_at"
  }
}

/// A row of the legacy `usage_report/messages` (admin-api.md §13.5).
struct WireLegacyUsageRow: Decodable, Sendable {
  var tokens: WireTokenUsage
  var apiKeyId: String?
  var workspaceId: String?
  var model: String?

  init(from decoder: any Decoder) throws {
    tokens = try WireTokenUsage(from: decoder)
    let container = try decoder.container(keyedBy: CodingKeys.self)
    apiKeyId = try container.decodeIfPresent(String.self, forKey: .apiKeyId)
    workspaceId = try container.decodeIfPresent(String.self, forKey: .workspaceId)
    model = try container.decodeIfPresent(String.self, forKey: .model)
  }

  private enum CodingKeys: String, CodingKey {
    case model
    case apiKeyId = "api_key_id"
    case workspaceId = "workspace_id"
  }
}

/// A row of the legacy `cost_report` (admin-api.md §13.6): per-key cost does not exist here.
struct WireLegacyCostRow: Decodable, Sendable {
  var amount: String
  var currency: String?
  var workspaceId: String?
  var description: String?
  var costType: String?
  var model: String?
  var tokenType: String?

  private enum CodingKeys: String, CodingKey {
    case amount, currency, description, model
    case workspaceId = "workspace_id"
    case costType = "cost_type"
    case tokenType = "token_type"
  }
}

extension WireLegacyBucket where Row == WireLegacyUsageRow {
  /// One ``UsageRow`` per result; the legacy report has no request counts.
  func usageRows() -> [UsageRow] {
    (results ?? []).map { row in
      UsageRow(
        start: startingAt, end: endingAt, apiKeyID: row.apiKeyId, model: row.model,
        workspaceID: row.workspaceId, tokens: row.tokens.counts, requests: nil)
    }
  }
}

extension WireLegacyBucket where Row == WireLegacyCostRow {
  /// One ``CostRow`` per result, with no key (the legacy report cannot group by key).
  func costRows() throws(MalformedWire) -> [CostRow] {
    var rows: [CostRow] = []
    for row in results ?? [] {
      let amount = try WireMoney.parse(
        row.amount, currency: row.currency ?? "USD", field: "cost_report amount")
      rows.append(
        CostRow(
          start: startingAt, end: endingAt, apiKeyID: nil, model: row.model,
          workspaceID: row.workspaceId, amount: amount))
    }
    return rows
  }
}

/// `GET /v1/organizations/me`.
struct WireOrganization: Decodable, Sendable {
  var id: String
  var name: String
  /// `"organization"` today; an open string, kept as sent.
  var type: String?

  func toDomain() -> Organization {
    Organization(id: id, name: name, type: type ?? "organization")
  }
}
