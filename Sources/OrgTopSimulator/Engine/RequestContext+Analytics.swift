import Foundation

/// `GET /v1/organizations/analytics/usage` and `/analytics/cost` (admin-api.md §13.2–13.4).
extension RequestContext {
  private static let minute: Int64 = 60 * WireTime.microsPerSecond
  private static let analyticsFloor = WireTime.parse("2026-01-01T00:00:00Z") ?? 0

  /// Filter parameter → dimension, with the allowed values of enum filters.
  private static let analyticsFilters: [(String, String, [String]?)] = [
    ("api_key_ids", "api_key_id", nil), ("workspace_ids", "workspace_id", nil),
    ("models", "model", nil), ("actor_ids", "actor", nil),
    (
      "actor_types", "actor_type",
      ["user_actor", "service_account_actor", "federated_actor", "api_actor"]
    ),
    (
      "products", "product",
      [
        "chat", "chat_cowork_unified", "claude_code", "claude_console", "claude_design",
        "claude_in_chrome", "claude_tag", "cowork", "managed_agents_api", "message_batches_api",
        "messages_api", "office_agent",
      ]
    ),
    (
      "service_tiers", "service_tier",
      ["batch", "flex", "flex_discount", "priority", "priority_on_demand", "standard"]
    ),
    ("speeds", "speed", ["fast", "standard"]),
    ("context_windows", "context_window", ["0-200k", "200k-1M"]),
    ("inference_geos", "inference_geo", ["global", "us", "not_available"]),
    ("rbac_group_ids", "rbac_group_id", nil), ("user_profile_ids", "user_profile_id", nil),
    ("organization_ids", "organization_id", nil), ("agent_ids", "agent_id", nil),
    ("deployment_ids", "deployment_id", nil), ("environment_ids", "environment_id", nil),
    ("session_ids", "session_id", nil), ("slack_channel_ids", "slack_channel_id", nil),
    (
      "claude_tag_categories", "claude_tag_category",
      ["dm", "engaged", "monitoring", "proactive", "scheduled"]
    ),
    ("claude_tag_user_ids", "claude_tag_user_id", nil),
  ]

  private struct Row: Sendable {
    var bucket: Int
    var group: Int
    var counts = UsageCounts()
    var amount: Decimal = 0
    /// Cost fan-out (cost_type, token_type, amount) when grouped by those.
    var parts: [(String?, String?, Decimal)] = []
  }

  func analyticsReport(cost: Bool) throws(APIError) -> JSONValue {
    guard let start = try query.timestamp("starting_at") else {
      throw .invalid("starting_at: field required")
    }
    let width = try query.enumValue("time_bucket_width", allowed: ["1m", "1h", "1d"])
    var end = try query.timestamp("ending_at")
    if width != nil, end == nil {
      throw .invalid("ending_at: required when time_bucket_width is set")
    }
    if start < Self.analyticsFloor {
      throw .invalid("starting_at: must not be before 2026-01-01T00:00:00Z")
    }
    if start < now - 365 * 1440 * Self.minute {
      throw .invalid("starting_at: must be within the last 365 days")
    }
    let resolvedEnd = end ?? min(now, start + 31 * 1440 * Self.minute)
    end = resolvedEnd
    if resolvedEnd <= start { throw .invalid("ending_at: must be after starting_at") }
    if resolvedEnd - start > 31 * 1440 * Self.minute {
      throw .invalid("the range from starting_at to ending_at must not exceed 31 days")
    }
    if width == "1m", resolvedEnd - start > 1440 * Self.minute {
      throw .invalid("the range must not exceed 24 hours with time_bucket_width=1m")
    }
    let extra = cost ? ["cost_type", "token_type"] : []
    let requested =
      try query.enumArray(
        "group_by", allowed: ReportAggregator.analyticsDimensions + extra) ?? []
    var dimensions: [String] = []
    for name in requested where !dimensions.contains(name) && !extra.contains(name) {
      dimensions.append(name)
    }
    if dimensions.count > 5 {
      throw .invalid("group_by: at most 5 dimensions, got \(dimensions.count)")
    }
    let byCostType = requested.contains("cost_type")
    let byTokenType = requested.contains("token_type")
    let orderBy =
      try query.enumValue(
        "order_by",
        allowed: cost
          ? ["amount", "list_amount", "time"]
          : ["total_tokens", "output_tokens", "uncached_input_tokens", "requests", "time"])
      ?? (cost ? "amount" : "total_tokens")
    if orderBy == "time", width == nil {
      throw .invalid("order_by: 'time' requires time_bucket_width")
    }
    let ascending = try query.enumValue("order", allowed: ["asc", "desc"]) == "asc"
    let limit = try query.int("limit", range: 1...1000, fallback: 20) ?? 20
    if try query.bool("exclude_deleted_users") != nil, !dimensions.contains("actor") {
      throw .invalid("exclude_deleted_users: requires group_by[]=actor")
    }
    var filters: [(String, [String])] = []
    for (parameter, dimension, allowed) in Self.analyticsFilters {
      let values =
        try allowed.map { list throws(APIError) in try query.enumArray(parameter, allowed: list) }
        ?? query.array(parameter)
      if let values { filters.append((dimension, values)) }
    }
    let offset = try Paging.offset(path: request.path, query: query)

    // Time geometry, in minutes.
    let refreshed = Int(WireTime.floorDiv(now, Self.minute)) - 5
    let startMinute = Int(WireTime.floorDiv(start, Self.minute))
    let endMinute = Int(WireTime.floorDiv(resolvedEnd + Self.minute - 1, Self.minute))
    let widthMinutes = width.map { ["1m": 1, "1h": 60, "1d": 1440][$0] ?? 1 }
    let origin: Int
    let rangeEnd: Int
    if let widthMinutes {
      origin = WireTime.floorDiv(startMinute, widthMinutes) * widthMinutes
      rangeEnd = WireTime.floorDiv(endMinute + widthMinutes - 1, widthMinutes) * widthMinutes
    } else {
      origin = WireTime.floorDiv(startMinute, 60) * 60
      rangeEnd = WireTime.floorDiv(Int(WireTime.floorDiv(resolvedEnd, Self.minute)), 60) * 60
    }
    let aggregator = ReportAggregator(world: world, legacy: false)
    let summedTo = min(rangeEnd, refreshed)
    // Everything the rows depend on: the window as resolved, not as written, so a dashboard's
    // month-to-date report, whose `ending_at` moves every minute but whose rows end at the hour,
    // is summed once an hour and not once a minute. The page cursor is not part of it.
    let report =
      "\(request.path)?\(query.canonical(excluding: ["page", "starting_at", "ending_at"]))"
      + "|\(worldGeneration)"
    let cacheKey = "\(report)|\(origin)..<\(summedTo)|\(rangeEnd)"
    let result = try reportCache.value(for: cacheKey) {
      sortedRows(
        aggregator: aggregator, report: report, filters: filters, dimensions: dimensions,
        origin: origin, to: summedTo, widthMinutes: widthMinutes, cost: cost,
        byCostType: byCostType, byTokenType: byTokenType, orderBy: orderBy,
        ascending: ascending, total: widthMinutes == nil && dimensions.isEmpty && origin < rangeEnd)
    }
    let ordered = result.rows
    let pageEnd = min(ordered.count, offset + limit)
    let page = offset < ordered.count ? Array(ordered[offset..<pageEnd]) : []
    var data: [JSONValue] = []
    // A group object lists every dimension, in name order.
    let memberNames =
      (ReportAggregator.analyticsDimensions + (cost ? ["cost_type", "token_type"] : [])).sorted()
    for row in page {
      let bucketStart = widthMinutes.map { origin + row.bucket * $0 } ?? origin
      let bucketEnd = widthMinutes.map { bucketStart + $0 } ?? rangeEnd
      func group(costType: String?, tokenType: String?) -> JSONValue {
        var members: [(String, JSONValue)] = []
        for name in memberNames {
          if name == "cost_type" {
            members.append((name, .optional(costType)))
          } else if name == "token_type" {
            members.append((name, .optional(tokenType)))
          } else if row.group >= 0, let position = dimensions.firstIndex(of: name) {
            members.append(
              (
                name,
                result.groups[row.group][position] == nil
                  ? .null
                  : aggregator.wireValue(
                    name, series: world.usage.series[result.representatives[row.group]])
              ))
          } else {
            members.append((name, .null))
          }
        }
        return .object(members)
      }
      let times: [(String, JSONValue)] = [
        ("starting_at", .string(WireTime.formatMinutes(bucketStart))),
        ("ending_at", .string(WireTime.formatMinutes(bucketEnd))),
      ]
      if !cost {
        data.append(
          .object(
            times + [("group", group(costType: nil, tokenType: nil)), ("usage", usage(row.counts))])
        )
      } else if row.parts.isEmpty {
        data.append(
          .object(
            times + [
              ("group", group(costType: nil, tokenType: nil)),
              ("cost", costObject(row.amount, requests: .int(row.counts.requests))),
            ]))
      } else {
        var merged: [(String?, String?, Decimal)] = []
        for part in row.parts {
          if let index = merged.firstIndex(where: { $0.0 == part.0 && $0.1 == part.1 }) {
            merged[index].2 += part.2
          } else {
            merged.append(part)
          }
        }
        for part in merged where part.2 != 0 {
          data.append(
            .object(
              times + [
                ("group", group(costType: part.0, tokenType: part.1)),
                ("cost", costObject(part.2, requests: .null)),
              ]))
        }
      }
    }
    let next: JSONValue =
      pageEnd < ordered.count
      ? .string(Paging.cursor(offset: pageEnd, path: request.path, query: query)) : .null
    return .object([
      ("data", .array(data)), ("next_page", next), ("has_more", .bool(next != .null)),
      ("data_refreshed_at", .string(WireTime.formatMinutes(refreshed))),
    ])
  }

  /// The rows of a report, summed and priced, in the requested order, before paging.
  /// `total`: an ungrouped report without buckets, which has one row even when empty.
  /// `report`: the report's cache key but its window (see ``summedCells``).
  private func sortedRows(
    aggregator: ReportAggregator, report: String, filters: [(String, [String])],
    dimensions: [String], origin: Int, to end: Int, widthMinutes: Int?, cost: Bool,
    byCostType: Bool, byTokenType: Bool, orderBy: String, ascending: Bool, total: Bool
  ) -> (groups: [[String?]], representatives: [Int], rows: [Row]) {
    let result = summedCells(
      aggregator: aggregator, report: report,
      seriesIndices: aggregator.matchingSeries(filters: filters), dimensions: dimensions,
      origin: origin, to: end, widthMinutes: widthMinutes)

    var rows: [Int: Row] = [:]
    for (cell, counts) in result.cells {
      let id = cell.bucket * max(1, result.groups.count) + cell.group
      var row = rows[id] ?? Row(bucket: cell.bucket, group: cell.group)
      row.counts += counts
      if cost {
        let priced = ReportAggregator.cost(counts, model: cell.model)
        row.amount += priced.tokens.reduce(0, +) + priced.webSearch
        if byCostType || byTokenType {
          for (type, amount) in priced.tokens.enumerated() {
            let tokenType = byTokenType ? ModelCatalog.tokenTypes[type].wire : nil
            row.parts.append((byCostType ? "tokens" : nil, tokenType, amount))
          }
          row.parts.append((byCostType ? "web_search" : nil, nil, priced.webSearch))
        }
      }
      rows[id] = row
    }
    var ordered = rows.values.filter { !$0.counts.isZero }
    if total, ordered.isEmpty {
      ordered = [Row(bucket: 0, group: -1)]
    }
    func metric(_ row: Row) -> Decimal {
      switch orderBy {
      case "output_tokens": return Decimal(row.counts.output)
      case "uncached_input_tokens": return Decimal(row.counts.uncachedInput)
      case "requests": return Decimal(row.counts.requests)
      case "amount", "list_amount": return row.amount
      case "time": return Decimal(row.bucket)
      default: return Decimal(row.counts.totalTokens)
      }
    }
    // Sort keys computed once per row and group, not once per comparison (a month of daily
    // rows is thousands of rows, and every page request sorts them all).
    let groupTexts = result.groups.map { $0.map { $0 ?? "" }.joined(separator: "\u{1F}") }
    func groupText(_ row: Row) -> String { row.group < 0 ? "" : groupTexts[row.group] }
    ordered =
      ordered
      .map { (row: $0, metric: metric($0)) }
      .sorted { lhs, rhs in
        if lhs.metric != rhs.metric {
          return ascending ? lhs.metric < rhs.metric : lhs.metric > rhs.metric
        }
        if lhs.row.bucket != rhs.row.bucket { return lhs.row.bucket < rhs.row.bucket }
        return groupText(lhs.row) < groupText(rhs.row)
      }
      .map(\.row)
    return (result.groups, result.representatives, ordered)
  }

  /// The cells of a report summed over `[origin, end)`. Hourly and daily buckets that closed
  /// before the one `end` falls in read the same in every later request, so they are summed
  /// once and kept (``ReportCache``), and a request sums only its last bucket again: a
  /// dashboard's month of daily cost, asked every minute, sums today and not the month. Counts
  /// are integers, summed the same in any grouping, and cost is priced after the merge, so the
  /// rows are exactly those of one sum over the window. Kept only while small
  /// (``closedCellsKept``): a month of days per key is summed again every time, as before.
  private func summedCells(
    aggregator: ReportAggregator, report: String, seriesIndices: [Int], dimensions: [String],
    origin: Int, to end: Int, widthMinutes: Int?
  ) -> (groups: [[String?]], representatives: [Int], cells: [ReportAggregator.Cell: UsageCounts]) {
    func sum(_ from: Int, _ to: Int) -> (
      groups: [[String?]], representatives: [Int], cells: [ReportAggregator.Cell: UsageCounts]
    ) {
      aggregator.aggregate(
        seriesIndices: seriesIndices, dimensions: dimensions, from: from, to: to, origin: origin,
        width: widthMinutes)
    }
    // `origin` is aligned to the width, so `closedEnd` is a bucket boundary.
    guard let width = widthMinutes, width >= 60 else { return sum(origin, end) }
    let closedEnd = origin + WireTime.floorDiv(end - origin, width) * width
    guard origin < closedEnd, closedEnd < end else { return sum(origin, end) }
    let closed = reportCache.value(
      for: "\(report)|closed \(origin)..<\(closedEnd)",
      keep: { $0.cells.count <= Self.closedCellsKept }, compute: { sum(origin, closedEnd) })
    var merged = closed
    // The same series in the same order: both sums number the groups alike.
    for (cell, counts) in sum(closedEnd, end).cells {
      merged.cells[cell, default: UsageCounts()] += counts
    }
    return merged
  }

  /// The most cells of closed buckets ``summedCells`` keeps per report: a month of days per
  /// model for the organization is about 150, a month of days per key and model at 10,000
  /// keys over a million.
  private static let closedCellsKept = 5_000

  private func costObject(_ amount: Decimal, requests: JSONValue) -> JSONValue {
    let text = ReportAggregator.amountString(amount)
    return .object([
      ("amount", .string(text)), ("list_amount", .string(text)), ("currency", .string("USD")),
      ("requests", requests),
    ])
  }

  /// The analytics `usage` object.
  func usage(_ counts: UsageCounts) -> JSONValue {
    .object([
      ("uncached_input_tokens", .int(counts.uncachedInput)), ("output_tokens", .int(counts.output)),
      ("cache_read_input_tokens", .int(counts.cacheRead)),
      (
        "cache_creation",
        .object([
          ("ephemeral_5m_input_tokens", .int(counts.cacheWrite5m)),
          ("ephemeral_1h_input_tokens", .int(counts.cacheWrite1h)),
        ])
      ),
      ("server_tool_use", .object([("web_search_requests", .int(counts.webSearchRequests))])),
      ("total_tokens", .int(counts.totalTokens)), ("requests", .int(counts.requests)),
    ])
  }
}
