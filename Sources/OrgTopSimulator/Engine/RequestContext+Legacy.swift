import Foundation

/// The legacy reports: `GET /v1/organizations/usage_report/messages` and `/cost_report`
/// (admin-api.md §13.5–13.6): buckets oldest first, empty ones included, paged by bucket.
extension RequestContext {
  private static let minuteMicros: Int64 = 60 * WireTime.microsPerSecond

  private static let legacyDimensions = [
    "api_key_id", "workspace_id", "model", "service_tier", "context_window", "inference_geo",
    "account_id", "service_account_id",
  ]

  /// The bucket window of a legacy request: origin minute, width, first bucket of the page,
  /// the number of buckets on it, and whether more follow.
  private struct Window {
    var origin: Int
    var width: Int
    var firstBucket: Int
    var count: Int
    var hasMore: Bool
  }

  private func legacyWindow(widths: [String: (Int, Int, Int)], defaultWidth: String)
    throws(APIError)
    -> (Window, refreshed: Int)
  {
    guard let start = try query.timestamp("starting_at") else {
      throw .invalid("starting_at: field required")
    }
    let widthName =
      try query.enumValue("bucket_width", allowed: widths.keys.sorted()) ?? defaultWidth
    let (width, defaultLimit, maxLimit) = widths[widthName] ?? (1440, 7, 31)
    let limit = try query.int("limit", range: 1...maxLimit, fallback: defaultLimit) ?? defaultLimit
    let end = try query.timestamp("ending_at") ?? now
    if end <= start { throw .invalid("ending_at: must be after starting_at") }
    let origin = WireTime.floorDiv(Int(WireTime.floorDiv(start, Self.minuteMicros)), width) * width
    let endMinuteCeil = Int(WireTime.floorDiv(end + Self.minuteMicros - 1, Self.minuteMicros))
    let total = max(1, WireTime.floorDiv(endMinuteCeil - origin + width - 1, width))
    let offset = try Paging.offset(path: request.path, query: query)
    let first = min(offset, total)
    let count = min(limit, total - first)
    let refreshed = Int(WireTime.floorDiv(now, Self.minuteMicros)) - 5
    return (
      Window(
        origin: origin, width: width, firstBucket: first, count: count,
        hasMore: first + count < total),
      refreshed
    )
  }

  private func legacyEnvelope(_ buckets: [JSONValue], window: Window) -> JSONValue {
    let next: JSONValue =
      window.hasMore
      ? .string(
        Paging.cursor(
          offset: window.firstBucket + window.count, path: request.path, query: query))
      : .null
    return .object([
      ("data", .array(buckets)), ("has_more", .bool(window.hasMore)), ("next_page", next),
    ])
  }

  private func bucketTimes(_ bucket: Int, window: Window) -> [(String, JSONValue)] {
    let start = window.origin + bucket * window.width
    return [
      ("starting_at", .string(WireTime.formatMinutes(start))),
      ("ending_at", .string(WireTime.formatMinutes(start + window.width))),
    ]
  }

  func legacyUsageReport() throws(APIError) -> JSONValue {
    let (window, refreshed) = try legacyWindow(
      widths: ["1m": (1, 60, 1440), "1h": (60, 24, 168), "1d": (1440, 7, 31)], defaultWidth: "1d")
    let requested = query.array("group_by") ?? []
    if requested.contains("speed") {
      throw .invalid("group_by: 'speed' is not supported by this report")
    }
    let dimensions = try query.enumArray("group_by", allowed: Self.legacyDimensions) ?? []
    let enumFilters: [(String, String, [String])] = [
      (
        "service_tiers", "service_tier",
        ["standard", "batch", "priority", "priority_on_demand", "flex", "flex_discount"]
      ),
      ("context_window", "context_window", ["0-200k", "200k-1M"]),
      ("inference_geos", "inference_geo", ["global", "us", "not_available"]),
    ]
    var filters: [(String, [String])] = []
    for (parameter, dimension) in [
      ("api_key_ids", "api_key_id"), ("models", "model"), ("account_ids", "account_id"),
      ("service_account_ids", "service_account_id"),
    ] {
      if let values = query.array(parameter) { filters.append((dimension, values)) }
    }
    if let workspaces = query.array("workspace_ids") {
      // Reports show the Default workspace as null; its real id still filters it.
      let defaultID = world.defaultWorkspace.id
      filters.append(("workspace_id", workspaces.map { $0 == defaultID ? "" : $0 }))
    }
    for (parameter, dimension, allowed) in enumFilters {
      if let values = try query.enumArray(parameter, allowed: allowed) {
        filters.append((dimension, values))
      }
    }
    if query.values["speeds"] != nil {
      try requireBeta("fast-mode-2026-02-01")
      _ = try query.enumArray("speeds", allowed: ["standard", "fast"])
    }
    let aggregator = ReportAggregator(world: world, legacy: true)
    let from = window.origin + window.firstBucket * window.width
    let to = min(from + window.count * window.width, refreshed)
    let result = aggregator.aggregate(
      seriesIndices: aggregator.matchingSeries(filters: filters), dimensions: dimensions,
      from: from, to: to, origin: window.origin, width: window.width)
    var perBucket: [Int: [Int: UsageCounts]] = [:]
    for (cell, counts) in result.cells {
      perBucket[cell.bucket, default: [:]][cell.group, default: UsageCounts()] += counts
    }
    var buckets: [JSONValue] = []
    for bucket in window.firstBucket..<(window.firstBucket + window.count) {
      let groups = (perBucket[bucket] ?? [:]).filter { !$0.value.isZero }
      let ordered = groups.sorted { lhs, rhs in
        lhs.value.totalTokens != rhs.value.totalTokens
          ? lhs.value.totalTokens > rhs.value.totalTokens : lhs.key < rhs.key
      }
      let rows = ordered.map { group, counts -> JSONValue in
        var members: [(String, JSONValue)] = [
          ("uncached_input_tokens", .int(counts.uncachedInput)),
          (
            "cache_creation",
            .object([
              ("ephemeral_1h_input_tokens", .int(counts.cacheWrite1h)),
              ("ephemeral_5m_input_tokens", .int(counts.cacheWrite5m)),
            ])
          ),
          ("cache_read_input_tokens", .int(counts.cacheRead)),
          ("output_tokens", .int(counts.output)),
          ("server_tool_use", .object([("web_search_requests", .int(counts.webSearchRequests))])),
        ]
        for name in Self.legacyDimensions {
          let position = dimensions.firstIndex(of: name)
          members.append((name, .optional(position.flatMap { result.groups[group][$0] })))
        }
        return .object(members)
      }
      buckets.append(.object(bucketTimes(bucket, window: window) + [("results", .array(rows))]))
    }
    return legacyEnvelope(buckets, window: window)
  }

  func legacyCostReport() throws(APIError) -> JSONValue {
    let (window, refreshed) = try legacyWindow(
      widths: ["1d": (1440, 7, 31)], defaultWidth: "1d")
    let grouping = try query.enumArray("group_by", allowed: ["workspace_id", "description"]) ?? []
    let byDescription = grouping.contains("description")
    let dimensions = grouping.contains("workspace_id") ? ["workspace_id"] : []
    let aggregator = ReportAggregator(world: world, legacy: true)
    let from = window.origin + window.firstBucket * window.width
    let to = min(from + window.count * window.width, refreshed)
    let result = aggregator.aggregate(
      seriesIndices: Array(world.usage.series.indices), dimensions: dimensions, from: from, to: to,
      origin: window.origin, width: window.width)
    // (bucket, workspace, description key) -> amount; the key is (model index or -1, type).
    struct Line: Hashable {
      var bucket: Int
      var group: Int
      var model: Int
      var tokenType: Int
    }
    var lines: [Line: Decimal] = [:]
    for (cell, counts) in result.cells {
      let priced = ReportAggregator.cost(counts, model: cell.model)
      for (type, amount) in priced.tokens.enumerated() where amount != 0 {
        let line = Line(
          bucket: cell.bucket, group: cell.group, model: byDescription ? cell.model : -1,
          tokenType: byDescription ? type : -1)
        lines[line, default: 0] += amount
      }
      if priced.webSearch != 0 {
        let line = Line(
          bucket: cell.bucket, group: cell.group, model: byDescription ? Int.max : -1,
          tokenType: byDescription ? 99 : -1)
        lines[line, default: 0] += priced.webSearch
      }
    }
    var buckets: [JSONValue] = []
    for bucket in window.firstBucket..<(window.firstBucket + window.count) {
      let entries = lines.filter { $0.key.bucket == bucket }.sorted { lhs, rhs in
        (lhs.key.group, lhs.key.model, lhs.key.tokenType)
          < (rhs.key.group, rhs.key.model, rhs.key.tokenType)
      }
      let rows = entries.map { line, amount -> JSONValue in
        let workspace: String? = dimensions.isEmpty ? nil : result.groups[line.group][0]
        var description: String?
        var costType: String?
        var model: String?
        var tokenType: String?
        var tier: String?
        var window: String?
        var geo: String?
        if line.tokenType == 99 {
          (description, costType) = ("Web Search", "web_search")
        } else if line.tokenType >= 0 {
          let info = ModelCatalog.models[line.model]
          let type = ModelCatalog.tokenTypes[line.tokenType]
          description = info.displayName + " Usage - " + type.description
          (costType, model, tokenType) = ("tokens", info.id, type.wire)
          (tier, window, geo) = ("standard", "0-200k", "global")
        }
        return .object([
          ("amount", .string(ReportAggregator.amountString(amount))), ("currency", .string("USD")),
          ("workspace_id", .optional(workspace)), ("description", .optional(description)),
          ("cost_type", .optional(costType)), ("model", .optional(model)),
          ("token_type", .optional(tokenType)), ("service_tier", .optional(tier)),
          ("context_window", .optional(window)), ("inference_geo", .optional(geo)),
        ])
      }
      buckets.append(.object(bucketTimes(bucket, window: window) + [("results", .array(rows))]))
    }
    return legacyEnvelope(buckets, window: window)
  }
}
