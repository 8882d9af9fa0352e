import Foundation

/// The models the simulated organization uses, their list prices and rate-limit groups.
package enum ModelCatalog {
  /// One model id with its display name and list prices in US cents per million tokens.
  package struct Model: Sendable {
    package var id: String
    package var displayName: String
    package var inputCents: Decimal
    package var outputCents: Decimal
    package var cacheReadCents: Decimal
    package var cacheWrite5mCents: Decimal
    package var cacheWrite1hCents: Decimal
  }

  /// Web search: $10 per 1,000 searches, i.e. one cent each.
  package static let webSearchCentsPerRequest: Decimal = 1

  /// The token types of a usage row, in wire order, with their cost-report names.
  package static let tokenTypes: [(wire: String, description: String)] = [
    ("uncached_input_tokens", "Input Tokens"),
    ("output_tokens", "Output Tokens"),
    ("cache_read_input_tokens", "Input Tokens, Cache Read"),
    ("cache_creation.ephemeral_5m_input_tokens", "Input Tokens, Cache Write 5m"),
    ("cache_creation.ephemeral_1h_input_tokens", "Input Tokens, Cache Write 1h"),
  ]

  private static func model(
    _ id: String, _ name: String, _ input: Int, _ output: Int, _ read: Int, _ write5m: Int,
    _ write1h: Int
  ) -> Model {
    // Prices are given in tenths of a cent per million tokens to stay integral.
    Model(
      id: id, displayName: name, inputCents: Decimal(input) / 10, outputCents: Decimal(output) / 10,
      cacheReadCents: Decimal(read) / 10, cacheWrite5mCents: Decimal(write5m) / 10,
      cacheWrite1hCents: Decimal(write1h) / 10)
  }

  /// Models that carry usage, each one listed in a rate-limit group below.
  package static let models: [Model] = [
    model("claude-sonnet-4-6", "Claude Sonnet 4.6", 3000, 15000, 300, 3750, 6000),
    model("claude-sonnet-4-5-20250929", "Claude Sonnet 4.5", 3000, 15000, 300, 3750, 6000),
    model("claude-haiku-4-5-20251001", "Claude Haiku 4.5", 1000, 5000, 100, 1250, 2000),
    model("claude-opus-4-6", "Claude Opus 4.6", 5000, 25000, 500, 6250, 10000),
    model("claude-opus-4-5-20251101", "Claude Opus 4.5", 5000, 25000, 500, 6250, 10000),
  ]

  /// The price of one token type (index into ``tokenTypes``) for a model, cents per MTok.
  package static func price(_ model: Model, tokenType: Int) -> Decimal {
    switch tokenType {
    case 0: return model.inputCents
    case 1: return model.outputCents
    case 2: return model.cacheReadCents
    case 3: return model.cacheWrite5mCents
    default: return model.cacheWrite1hCents
    }
  }

  /// A rate-limit group definition: the same group ids in every organization.
  package struct Group: Sendable {
    package var type: String
    package var groupID: String
    package var displayName: String?
    package var models: [String]?
    package var limits: [(String, Int)]
  }

  package static let groups: [Group] = [
    Group(
      type: "model_group", groupID: "rlg_01VPTCmyiu5ZLsWkcxYG2pY8",
      displayName: "Claude Sonnet 4.x",
      models: ["claude-sonnet-4-5", "claude-sonnet-4-5-20250929", "claude-sonnet-4-6"],
      limits: [
        ("requests_per_minute", 4000), ("input_tokens_per_minute", 2_000_000),
        ("output_tokens_per_minute", 400_000),
      ]),
    Group(
      type: "model_group", groupID: "rlg_01Jt6Yw8Zx1Av3Bc5De7Fg9H",
      displayName: "Claude Haiku 4.x",
      models: ["claude-haiku-4-5", "claude-haiku-4-5-20251001"],
      limits: [
        ("requests_per_minute", 4000), ("input_tokens_per_minute", 4_000_000),
        ("output_tokens_per_minute", 800_000),
      ]),
    Group(
      type: "model_group", groupID: "rlg_01Kq2Xe5Rt7Yu9Io3Pa6Sd8F",
      displayName: "Claude Opus 4.x",
      models: [
        "claude-opus-4-5", "claude-opus-4-5-20251101", "claude-opus-4-6",
      ],
      limits: [
        ("requests_per_minute", 2000), ("input_tokens_per_minute", 800_000),
        ("output_tokens_per_minute", 160_000),
      ]),
    Group(
      type: "batch", groupID: "rlg_01Mb5Nc7Vx9Zl2Kj4Hg6Fd8S", displayName: nil, models: nil,
      limits: [("requests_per_minute", 4000), ("enqueued_batch_requests", 500_000)]),
    Group(
      type: "token_count", groupID: "rlg_01Tc4Vb6Nm8Qw1Er3Ty5Ui7O", displayName: nil, models: nil,
      limits: [("requests_per_minute", 2000)]),
    Group(
      type: "web_search", groupID: "rlg_01Aq2Ws3Ed4Rf5Tg6Yh7Uj8I", displayName: nil, models: nil,
      limits: [("tool_uses_per_second", 30)]),
  ]
}
