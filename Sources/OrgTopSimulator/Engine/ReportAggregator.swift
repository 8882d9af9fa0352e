import Foundation

/// Groups the usage model's series by report dimensions and sums their usage into time
/// buckets: the shared core of the analytics and legacy reports, so the two always agree.
struct ReportAggregator {
  /// One (bucket, group, model) cell: the finest grain, kept so cost is priced per model.
  struct Cell: Hashable {
    var bucket: Int
    var group: Int
    var model: Int
  }

  let world: SimWorld
  /// `true` for the legacy reports: the Default workspace reads `null` (admin-api.md §16 #10).
  let legacy: Bool

  static let analyticsDimensions = [
    "actor", "actor_type", "agent_id", "api_key_id", "claude_tag_category", "claude_tag_user_id",
    "context_window", "deployment_id", "environment_id", "inference_geo", "model",
    "organization_id", "product", "rbac_group_id", "service_tier", "session_id",
    "slack_channel_id", "speed", "user_profile_id", "workspace_id",
  ]

  /// The value of a dimension for a series (`actor` gives the actor's id).
  func value(_ dimension: String, series: UsageModel.Series) -> String? {
    let key = series.keyIndex.map { world.keys[$0] }
    switch dimension {
    case "api_key_id": return key?.id
    case "model": return ModelCatalog.models[series.modelIndex].id
    case "workspace_id":
      let workspace = world.workspaces[series.workspaceIndex]
      return legacy && workspace.isDefault ? nil : workspace.id
    case "actor": return key?.id ?? series.userIndex.map { world.users[$0].id }
    case "actor_type": return key == nil ? "user_actor" : "api_actor"
    case "organization_id": return world.organization.id
    case "product": return key == nil ? "claude_console" : "messages_api"
    case "service_tier": return "standard"
    case "context_window": return "0-200k"
    case "inference_geo": return "global"
    case "speed": return "standard"
    case "service_account_id":
      guard let principal = key?.principal, principal.isServiceAccount else { return nil }
      return principal.id
    default: return nil
    }
  }

  /// The wire value of a dimension for a group whose representative series is `series`.
  func wireValue(_ dimension: String, series: UsageModel.Series) -> JSONValue {
    guard dimension == "actor" else { return .optional(value(dimension, series: series)) }
    if let keyIndex = series.keyIndex {
      return .object([
        ("type", .string("api_actor")), ("api_key_id", .string(world.keys[keyIndex].id)),
      ])
    }
    guard let userIndex = series.userIndex else { return .null }
    let user = world.users[userIndex]
    return .object([
      ("type", .string("user_actor")), ("user_id", .string(user.id)),
      ("name", .string(user.name)), ("email_address", .string(user.email)),
      ("deleted", .bool(false)),
    ])
  }

  /// Indices of the series passing every filter (`dimension`: allowed values; for
  /// `api_key_id` an empty value matches usage made without a key).
  func matchingSeries(filters: [(String, [String])]) -> [Int] {
    world.usage.series.indices.filter { index in
      let series = world.usage.series[index]
      return filters.allSatisfy { dimension, allowed in
        allowed.contains(value(dimension, series: series) ?? "")
      }
    }
  }

  /// The minutes during which a series could have traffic.
  func activeMinutes(_ series: UsageModel.Series) -> [Range<Int>] {
    series.keyIndex.map { world.keys[$0].activeMinutes } ?? [Int.min..<Int.max]
  }

  /// Sums usage of `seriesIndices` in `[from, to)` minutes into cells.
  /// Returns the group value lists, a representative series per group, and the cells.
  func aggregate(
    seriesIndices: [Int], dimensions: [String], from: Int, to: Int, origin: Int, width: Int?
  ) -> (groups: [[String?]], representatives: [Int], cells: [Cell: UsageCounts]) {
    var groupIndex: [[String?]: Int] = [:]
    var groups: [[String?]] = []
    var representatives: [Int] = []
    var cells: [Cell: UsageCounts] = [:]
    guard from < to else { return (groups, representatives, cells) }
    for index in seriesIndices {
      let series = world.usage.series[index]
      let values = dimensions.map { value($0, series: series) }
      let group: Int
      if let existing = groupIndex[values] {
        group = existing
      } else {
        group = groups.count
        groupIndex[values] = group
        groups.append(values)
        representatives.append(index)
      }
      world.usage.accumulate(
        index, active: activeMinutes(series), from: from, to: to, origin: origin, width: width
      ) { bucket, counts in
        cells[
          Cell(bucket: bucket, group: group, model: series.modelIndex), default: UsageCounts()] +=
          counts
      }
    }
    return (groups, representatives, cells)
  }

  /// The cost of some usage of one model, in cents, per token type (index into
  /// ``ModelCatalog/tokenTypes``) and for web search.
  static func cost(_ counts: UsageCounts, model: Int) -> (tokens: [Decimal], webSearch: Decimal) {
    let prices = ModelCatalog.models[model]
    let perToken = (0..<ModelCatalog.tokenTypes.count).map { type in
      Decimal(counts.tokens(ofType: type)) * ModelCatalog.price(prices, tokenType: type)
        / 1_000_000
    }
    return (perToken, Decimal(counts.webSearchRequests) * ModelCatalog.webSearchCentsPerRequest)
  }

  /// A decimal amount of cents as the API writes it: plain digits, `.` separator.
  static func amountString(_ value: Decimal) -> String {
    var rounded = value
    var source = value
    NSDecimalRound(&rounded, &source, 9, .plain)
    return rounded.description
  }
}
