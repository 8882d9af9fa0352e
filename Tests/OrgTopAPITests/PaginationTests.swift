import Foundation
import OrgTopCore
import Testing

@testable import OrgTopAPI

/// Test-side pagers that serve a fixed list in pages the way admin-api.md §2 describes.
enum Pager {
  static func keyJSON(_ index: Int) -> String {
    let id = "apikey_" + String(format: "%06d", index)
    return
      #"{"id":"\#(id)","type":"api_key","name":"key \#(index)","status":"active","created_at":"2026-01-01T00:00:00Z","created_by":null,"expires_at":null,"partial_key_hint":"sk-ant-api03-x...\#(index % 100)","principal":null,"scope":{"type":"workspace","workspace_id":"wrkspc_\#(index % 7)"}}"#
  }

  /// An ID-cursor page over ids `0..<count` (as `apikey_%06d`), honouring after/before/limit.
  static func idPage(_ request: SeenRequest, count: Int, render: (Int) -> String = keyJSON)
    -> Canned
  {
    let limit = Int(request.query("limit").first ?? "20") ?? 20
    func index(_ id: String) -> Int? { Int(id.dropFirst("apikey_".count)) }
    var range: Range<Int>
    if let after = request.query("after_id").first.flatMap(index) {
      range = (after + 1)..<min(after + 1 + limit, count)
    } else if let before = request.query("before_id").first.flatMap(index) {
      range = max(0, before - limit)..<before
    } else {
      range = 0..<min(limit, count)
    }
    if range.isEmpty { range = range.lowerBound..<range.lowerBound }
    let hasMore =
      request.query("before_id").isEmpty ? range.upperBound < count : range.lowerBound > 0
    let items = range.map(render).joined(separator: ",")
    let first = range.isEmpty ? "null" : "\"apikey_\(String(format: "%06d", range.lowerBound))\""
    let last = range.isEmpty ? "null" : "\"apikey_\(String(format: "%06d", range.upperBound - 1))\""
    return .json(
      #"{"data":[\#(items)],"has_more":\#(hasMore),"first_id":\#(first),"last_id":\#(last)}"#)
  }

  static func rateLimitJSON(_ index: Int) -> String {
    #"{"id":"rl_\#(index)","type":"rate_limit","group":{"type":"model_group","id":"rlg_\#(index)","display_name":"Group \#(index)"},"models":["model-\#(index)"],"limits":[{"type":"requests_per_minute","value":\#(index * 10)}]}"#
  }

  static func usageRowJSON(_ index: Int) -> String {
    #"{"starting_at":"2026-11-01T00:00:00Z","ending_at":"2026-11-01T01:00:00Z","group":{"api_key_id":"apikey_\#(index)","model":"m"},"usage":{"uncached_input_tokens":\#(index),"output_tokens":1,"cache_read_input_tokens":0,"cache_creation":{"ephemeral_5m_input_tokens":0,"ephemeral_1h_input_tokens":0},"server_tool_use":{"web_search_requests":0},"total_tokens":\#(index + 1),"requests":1}}"#
  }

  /// Offset-cursor pages (`page=o<offset>`), in the opaque style (`next_page` only) or the report
  /// style (`has_more` too). `emptyEvery` inserts an empty page with a cursor before every n-th.
  static func cursorPage(
    _ request: SeenRequest, count: Int, limit: Int, report: Bool, render: (Int) -> String,
    refreshedAt: String? = nil
  ) -> Canned {
    let offset = request.query("page").first.flatMap { Int($0.dropFirst()) } ?? 0
    let end = min(offset + limit, count)
    let items = (offset..<end).map(render).joined(separator: ",")
    let next = end < count ? "\"o\(end)\"" : "null"
    var body = #"{"data":[\#(items)],"next_page":\#(next)"#
    if report { body += #","has_more":\#(end < count)"# }
    if let refreshedAt { body += #","data_refreshed_at":"\#(refreshedAt)""# }
    return .json(body + "}")
  }
}

@Suite struct PaginationTests {
  @Test func idCursorPagesConcatenateToOneBigPage() async throws {
    try await withServer(Script { Pager.idPage($0, count: 53) }) { server in
      try await withClient(server) { client, _ in
        let small = try await client.apiKeys(limit: 7)
        let big = try await client.apiKeys(limit: 1000)
        #expect(small.count == 53)
        #expect(small == big)
        #expect(small.map(\.id) == (0..<53).map { "apikey_" + String(format: "%06d", $0) })
      }
      let requests = await server.requests
      #expect(requests.count == 8 + 1)
      // The original params are repeated with the cursor.
      #expect(requests[1].query("limit") == ["7"])
      #expect(requests[1].query("after_id") == ["apikey_000006"])
    }
  }

  @Test func backwardWalkKeepsListOrder() async throws {
    try await withServer(Script { Pager.idPage($0, count: 30) }) { server in
      try await withClient(server) { client, _ in
        let before = try await client.apiKeys(limit: 4, cursor: .before("apikey_000021"))
        #expect(before.map(\.id) == (0..<21).map { "apikey_" + String(format: "%06d", $0) })
        let after = try await client.apiKeys(limit: 4, cursor: .after("apikey_000021"))
        #expect(after.map(\.id) == (22..<30).map { "apikey_" + String(format: "%06d", $0) })
      }
    }
  }

  @Test func idCursorStopRules() async throws {
    // has_more true but an empty page, or a null last_id: stop rather than loop.
    let bodies = [
      #"{"data":[],"has_more":true,"first_id":"apikey_000001","last_id":"apikey_000002"}"#,
      #"{"data":[\#(Pager.keyJSON(1))],"has_more":true,"first_id":"apikey_000001","last_id":null}"#,
      #"{"data":[\#(Pager.keyJSON(1))],"has_more":true,"first_id":"apikey_000001","last_id":""}"#,
    ]
    for body in bodies {
      try await withServer(Script { _ in .json(body) }) { server in
        try await withClient(server) { client, _ in _ = try await client.apiKeys() }
        #expect(await server.requests.count == 1)
      }
    }
  }

  @Test func opaqueCursorWithEmptyPagesInBetween() async throws {
    try await withServer(
      Script { request in
        let page = request.query("page").first
        // An empty page that still points on must be followed, not taken as the end.
        if page == "o4" && request.query("limit").first == "2" {
          return .json(#"{"data":[],"next_page":"x4"}"#)
        }
        if page == "x4" {
          return Pager.cursorPage(
            request.settingPage("o4"), count: 9, limit: 2, report: false,
            render: Pager.rateLimitJSON)
        }
        let limit = Int(request.query("limit").first ?? "1000") ?? 1000
        return Pager.cursorPage(
          request, count: 9, limit: limit, report: false, render: Pager.rateLimitJSON)
      }
    ) { server in
      try await withClient(server) { client, _ in
        let small = try await client.rateLimits(limit: 2)
        let whole = try await client.rateLimits()
        #expect(small.count == 9)
        #expect(small == whole)
        #expect(small.map(\.groupID) == (0..<9).map { "rlg_\($0)" })
      }
      let pages = await server.requests.map { $0.query("page").first ?? "-" }
      #expect(pages == ["-", "o2", "o4", "x4", "o6", "o8", "-"])
    }
  }

  @Test func reportCursorFollowsHasMoreAndNextPage() async throws {
    try await withServer(
      Script { request in
        let limit = Int(request.query("limit").first ?? "20") ?? 20
        return Pager.cursorPage(
          request, count: 25, limit: limit, report: true, render: Pager.usageRowJSON,
          refreshedAt: "2026-11-20T10:12:00Z")
      }
    ) { server in
      try await withClient(server) { client, _ in
        let start = utc("2026-11-01T00:00:00")
        let paged = try await client.analyticsUsage(AnalyticsQuery(startingAt: start, limit: 3))
        let whole = try await client.analyticsUsage(AnalyticsQuery(startingAt: start, limit: 1000))
        #expect(paged.rows.count == 25)
        #expect(paged == whole)
        #expect(paged.dataRefreshedAt == utc("2026-11-20T10:12:00"))
      }
      let requests = await server.requests
      #expect(requests.count == 9 + 1)
      #expect(requests[1].query("starting_at") == ["2026-11-01T00:00:00Z"])
      #expect(requests[1].query("page") == ["o3"])
    }
  }

  @Test func reportStopsWhenHasMoreIsFalseEvenWithACursor() async throws {
    try await withServer(
      Script { _ in
        .json(#"{"data":[\#(Pager.usageRowJSON(1))],"has_more":false,"next_page":"page_zz"}"#)
      }
    ) { server in
      try await withClient(server) { client, _ in
        let rows = try await client.analyticsUsage(
          AnalyticsQuery(startingAt: utc("2026-11-01T00:00:00")))
        #expect(rows.rows.count == 1)
      }
      #expect(await server.requests.count == 1)
    }
  }

  @Test func expiredAnalyticsCursorRestartsTheWalkOnce() async throws {
    let expired = Counter()
    try await withServer(
      Script { request in
        if request.query("page").first == "o4", await expired.next() == 0 {
          return .error(status: 410, type: "invalid_request_error", message: "page cursor expired")
        }
        return Pager.cursorPage(
          request, count: 10, limit: 2, report: true, render: Pager.usageRowJSON)
      }
    ) { server in
      try await withClient(server) { client, _ in
        let rows = try await client.analyticsUsage(
          AnalyticsQuery(startingAt: utc("2026-11-01T00:00:00"), limit: 2))
        #expect(rows.rows.count == 10)
        #expect(rows.rows.map(\.apiKeyID) == (0..<10).map { "apikey_\($0)" })
      }
      let pages = await server.requests.map { $0.query("page").first ?? "-" }
      #expect(pages == ["-", "o2", "o4", "-", "o2", "o4", "o6", "o8"])
    }
  }

  @Test func aSecondExpiredCursorFails() async throws {
    try await withServer(
      Script { request in
        if request.query("page").first == "o2" {
          return .error(status: 410, type: "invalid_request_error", message: "page cursor expired")
        }
        return Pager.cursorPage(
          request, count: 6, limit: 2, report: true, render: Pager.usageRowJSON)
      }
    ) { server in
      try await withClient(server) { client, _ in
        let error = await clientError { () async throws(AdminClientError) in
          try await client.analyticsUsage(AnalyticsQuery(startingAt: utc("2026-11-01T00:00:00")))
        }
        guard case .api(let apiError) = error else {
          Issue.record("expected an API error, got \(String(describing: error))")
          return
        }
        #expect(apiError.status == 410)
      }
      #expect(await server.requests.count == 4)
    }
  }

  @Test func endlessPagingIsAnErrorNotATruncation() async throws {
    try await withServer(
      Script { request in
        let page = Int(request.query("page").first ?? "0") ?? 0
        return .json(#"{"data":[\#(Pager.rateLimitJSON(page))],"next_page":"\#(page + 1)"}"#)
      }
    ) { server in
      try await withClient(server, Tweak { $0.maxPages = 5 }) { client, _ in
        let error = await clientError { () async throws(AdminClientError) in
          try await client.rateLimits()
        }
        #expect(error == .tooManyPages(path: "/v1/organizations/rate_limits", maxPages: 5))
        #expect(error?.fetchFailure(host: "h").message.contains("5 pages") == true)
      }
      #expect(await server.requests.count == 5)
    }
  }

  @Test func legacyReportsPageAndMap() async throws {
    try await withServer(
      Script { request in
        let offset = request.query("page").first.flatMap { Int($0.dropFirst()) } ?? 0
        let day = 18 + offset
        let next = offset < 2 ? #""o\#(offset + 1)""# : "null"
        let bucket =
          #"{"starting_at":"2026-11-\#(day)T00:00:00Z","ending_at":"2026-11-\#(day + 1)T00:00:00Z","results":[{"amount":"100.5","currency":"USD","workspace_id":null,"description":"d","model":"m\#(offset % 2)"}]}"#
        return .json(#"{"data":[\#(bucket)],"has_more":\#(offset < 2),"next_page":\#(next)}"#)
      }
    ) { server in
      try await withClient(server) { client, _ in
        let rows = try await client.legacyCost(
          LegacyCostQuery(startingAt: utc("2026-11-18T00:00:00")))
        #expect(
          rows.map(\.start) == [
            utc("2026-11-18T00:00:00"), utc("2026-11-19T00:00:00"), utc("2026-11-20T00:00:00"),
          ])
        #expect(
          rows.map(\.amount).sum().minorUnits
            == Decimal(string: "301.5", locale: Locale(identifier: "en_US_POSIX")))
      }
    }
  }

  @Test func tenThousandKeysAcrossPages() async throws {
    try await withServer(Script { Pager.idPage($0, count: 10_000) }) { server in
      try await withClient(server) { client, _ in
        let clock = ContinuousClock()
        var keys: [APIKey] = []
        let elapsed = try await clock.measure {
          keys = try await client.apiKeys(limit: 1000)
        }
        #expect(keys.count == 10_000)
        #expect(Set(keys.map(\.id)).count == 10_000)
        #expect(keys.last?.id == "apikey_009999")
        print("orgtop-measure: 10000 keys in 10 pages of 1000 took \(elapsed)")
      }
      #expect(await server.requests.count == 10)
    }
  }
}

/// Counts calls across concurrent handler invocations.
actor Counter {
  private var value = 0
  func next() -> Int {
    defer { value += 1 }
    return value
  }
}

extension SeenRequest {
  /// The same request with another `page` cursor (for pagers that alias cursors).
  func settingPage(_ page: String) -> SeenRequest {
    var copy = self
    let others = queryPairs.filter { $0.0 != "page" }.map { "\($0.0)=\($0.1)" }
    copy.rawQuery = (others + ["page=\(page)"]).joined(separator: "&")
    return copy
  }
}

extension PaginationTests {
  /// Where a string's bytes live (nil for small strings held inline).
  private static func storage(_ text: String?) -> UnsafeRawPointer? {
    guard var copy = text else { return nil }
    return copy.withUTF8 { UnsafeRawPointer($0.baseAddress) }
  }

  @Test func repeatedIdsAndModelsInAReportShareOneCopy() async throws {
    let row =
      #"{"starting_at":"2026-11-01T00:00:00Z","ending_at":"2026-11-02T00:00:00Z","group":{"api_key_id":"apikey_0123456789abcdefghij","model":"claude-sonnet-4-6-long-name"},"usage":{"uncached_input_tokens":1,"output_tokens":1,"cache_read_input_tokens":0,"cache_creation":{"ephemeral_5m_input_tokens":0,"ephemeral_1h_input_tokens":0},"server_tool_use":{"web_search_requests":0},"total_tokens":2,"requests":1}}"#
    try await withServer(
      Script { request in
        request.query("page").isEmpty
          ? .json(#"{"data":[\#(row),\#(row)],"has_more":true,"next_page":"p2"}"#)
          : .json(#"{"data":[\#(row)],"has_more":false,"next_page":null}"#)
      }
    ) { server in
      try await withClient(server) { client, _ in
        let rows = try await client.analyticsUsage(
          AnalyticsQuery(startingAt: utc("2026-11-01T00:00:00"))
        ).rows
        #expect(rows.count == 3)
        #expect(rows.allSatisfy { $0.model == "claude-sonnet-4-6-long-name" })
        // Across rows and pages, one copy of each.
        let keys = Set(rows.map { Self.storage($0.apiKeyID) })
        let models = Set(rows.map { Self.storage($0.model) })
        #expect(keys.count == 1 && keys.first! != nil)
        #expect(models.count == 1 && models.first! != nil)
      }
    }
  }
}
