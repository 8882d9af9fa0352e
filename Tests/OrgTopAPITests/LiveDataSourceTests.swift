import Foundation
import OrgTopCore
import Testing

@testable import OrgTopAPI

/// The data source's choices: which report family, how legacy rows are shaped, and which
/// failures mean "not available".
@Suite struct LiveDataSourceTests {
  private static let emptyReport = #"{"data": [], "has_more": false, "next_page": null}"#

  private func withSource<T>(
    _ script: Script, _ body: (LiveDataSource, LoopbackServer) async throws -> T
  ) async throws -> T {
    try await withServer(script) { server in
      try await withClient(server) { client, _ in
        try await body(LiveDataSource(client: client), server)
      }
    }
  }

  private let monthToDate = ReportQuery(
    start: utc("2026-11-01T00:00:00"), end: utc("2026-11-20T10:00:00"), bucket: nil,
    groupBy: [.apiKey, .model])

  @Test func analyticsAvailableIsUsedForUsageAndCost() async throws {
    try await withSource(
      Script { request in
        if request.path.hasSuffix("/analytics/usage") {
          return .json(
            request.query("limit") == ["1"]
              ? Self.emptyReport
              : (try? fixtureText("analytics-usage"))
                .map {
                  $0.replacingOccurrences(
                    of: #""next_page": "page_Mg", "has_more": true"#,
                    with: #""next_page": null, "has_more": false"#)
                } ?? "")
        }
        if request.path.hasSuffix("/analytics/cost") {
          return .json(
            ((try? fixtureText("analytics-cost")) ?? "").replacingOccurrences(
              of: #""next_page": "page_MQ", "has_more": true"#,
              with: #""next_page": null, "has_more": false"#))
        }
        return .error(status: 500, type: "api_error", message: "unexpected \(request.path)")
      }
    ) { source, server in
      let usage = try await source.usage(monthToDate)
      let cost = try await source.cost(monthToDate)
      #expect(usage.source == .analytics && cost.source == .analytics)
      #expect(usage.rows.count == 2)
      #expect(usage.dataRefreshedAt == utc("2026-11-20T10:12:00"))
      #expect(cost.rows.map(\.apiKeyID) == ["apikey_01Rj2N8SVvo6BePZj99NhmiT"])
      #expect(try await source.reportSource() == .analytics)
      let requests = await server.requests
      // One probe, then one call each; the probe is the cheap previous-hour, limit=1 query.
      #expect(requests.count == 3)
      #expect(requests[0].query("limit") == ["1"])
      #expect(requests[1].query("ending_at") == ["2026-11-20T10:00:00Z"])
      #expect(requests[1].query("group_by[]") == ["api_key_id", "model"])
      #expect(requests[1].query("limit") == ["1000"])
    }
  }

  @Test(arguments: [
    Canned.error(status: 404, type: "not_found_error", message: "Not found"),
    Canned.error(
      status: 400, type: "invalid_request_error",
      message: "requires anthropic-beta: analytics-usage-cost-2026-08-24"),
    Canned.error(
      status: 403, type: "permission_error", message: "nope",
      code: "organization_type_not_supported"),
  ])
  func analyticsAbsentFallsBackToLegacy(_ refusal: Canned) async throws {
    try await withSource(
      Script { request in
        if request.path.contains("/analytics/") { return refusal }
        if request.path.hasSuffix("/usage_report/messages") {
          return .json(
            ((try? fixtureText("legacy-usage")) ?? "").replacingOccurrences(
              of: #""has_more": true, "next_page": "page_Mg""#,
              with: #""has_more": false, "next_page": null"#))
        }
        return .json(
          ((try? fixtureText("legacy-cost")) ?? "").replacingOccurrences(
            of: #""has_more": true, "next_page": "page_Mg""#,
            with: #""has_more": false, "next_page": null"#))
      }
    ) { source, server in
      let usage = try await source.usage(monthToDate)
      let cost = try await source.cost(monthToDate)
      #expect(usage.source == .legacy && cost.source == .legacy)
      #expect(usage.rows.allSatisfy { $0.requests == nil })
      #expect(usage.rows.map(\.model) == ["claude-sonnet-4-6", "claude-haiku-4-5-20251001"])
      #expect(usage.rows.allSatisfy { $0.start == monthToDate.start && $0.end == monthToDate.end })
      #expect(cost.rows.allSatisfy { $0.apiKeyID == nil })
      let posix = Locale(identifier: "en_US_POSIX")
      #expect(
        cost.rows.map(\.amount.minorUnits) == [
          Decimal(string: "306.399", locale: posix), Decimal(string: "37.0", locale: posix),
        ])
      let requests = await server.requests
      let analyticsCalls = requests.filter { $0.path.contains("/analytics/") }
      #expect(analyticsCalls.count == 1)
      let legacyCost = try #require(requests.first { $0.path.hasSuffix("/cost_report") })
      #expect(legacyCost.query("group_by[]") == ["description"])
      #expect(legacyCost.header("anthropic-beta").isEmpty)
    }
  }

  @Test func legacyCostSumsDescriptionsPerModel() {
    let query = ReportQuery(
      start: utc("2026-11-01T00:00:00"), end: utc("2026-11-03T00:00:00"), bucket: .day,
      groupBy: [.model])
    let day1 = utc("2026-11-01T00:00:00")
    let day2 = utc("2026-11-02T00:00:00")
    let day3 = utc("2026-11-03T00:00:00")
    func row(_ start: Date, _ end: Date, _ model: String?, _ cents: Decimal) -> CostRow {
      CostRow(start: start, end: end, model: model, amount: Money(minorUnits: cents))
    }
    let shaped = LegacyShaping.costRows(
      [
        row(day1, day2, "a", 10), row(day1, day2, "a", 5), row(day1, day2, nil, 1),
        row(day2, day3, "a", 7),
      ], query: query)
    #expect(shaped == [row(day1, day2, "a", 15), row(day1, day2, nil, 1), row(day2, day3, "a", 7)])
  }

  @Test func aParameterErrorDoesNotDecideAndA401IsFatal() async throws {
    let mode = Counter()
    try await withSource(
      Script { request in
        switch await mode.next() {
        case 0:
          return .error(status: 400, type: "invalid_request_error", message: "limit out of range")
        case 1:
          return .error(status: 401, type: "authentication_error", message: "invalid x-api-key")
        default: return .json(Self.emptyReport)
        }
      }
    ) { source, _ in
      await #expect(throws: FetchFailure.self) { try await source.reportSource() }
      do {
        _ = try await source.usage(monthToDate)
        Issue.record("expected 401")
      } catch let failure as FetchFailure {
        #expect(failure.kind == .unauthorized)
      }
      // Nothing was decided by either failure: the third probe succeeds and decides.
      #expect(try await source.reportSource() == .analytics)
    }
  }

  @Test func aTransientProbeFailureDoesNotDecide() async throws {
    let calls = Counter()
    try await withSource(
      Script { _ in
        // Three overloaded answers exhaust the first probe's retries; the next probe works.
        await calls.next() < 3
          ? .error(status: 529, type: "overloaded_error", message: "busy") : .json(Self.emptyReport)
      }
    ) { source, server in
      do {
        _ = try await source.reportSource()
        Issue.record("expected the overloaded probe to fail")
      } catch let failure as FetchFailure {
        #expect(failure.kind == .overloaded)
        #expect(failure.isTransient)
      }
      #expect(try await source.reportSource() == .analytics)
      #expect(await server.requests.count == 4)
    }
  }

  @Test func concurrentCallersShareOneProbe() async throws {
    try await withSource(Script { _ in .json(Self.emptyReport) }) { source, server in
      async let first = source.reportSource()
      async let second = source.reportSource()
      async let third = source.usage(monthToDate)
      let sources = try await [first, second, third.source]
      #expect(sources == [.analytics, .analytics, .analytics])
      let probes = await server.requests.filter { $0.query("limit") == ["1"] }
      #expect(probes.count == 1)
    }
  }

  @Test(arguments: [
    Canned.error(
      status: 400, type: "invalid_request_error", message: "not supported",
      code: "organization_type_not_supported"),
    Canned.error(status: 403, type: "permission_error", message: "scope missing"),
    Canned.error(status: 404, type: "not_found_error", message: "no"),
  ])
  func spendLimitsUnreadableIsNotAvailable(_ refusal: Canned) async throws {
    try await withSource(Script { _ in refusal }) { source, server in
      do {
        _ = try await source.spendLimits()
        Issue.record("expected a failure")
      } catch let failure as FetchFailure {
        #expect(failure.kind == .notAvailable)
        #expect(!failure.isTransient)
      }
      let request = try #require(await server.requests.first)
      #expect(request.query("scope_type[]") == ["organization", "usage_tier"])
    }
  }

  @Test func spendLimits401StaysUnauthorized() async throws {
    try await withSource(
      Script { _ in
        .error(status: 401, type: "authentication_error", message: "bad key")
      }
    ) { source, _ in
      do {
        _ = try await source.spendLimits()
        Issue.record("expected a failure")
      } catch let failure as FetchFailure {
        #expect(failure.kind == .unauthorized)
      }
    }
  }

  @Test func resourcesUseTheDocumentedQueries() async throws {
    try await withSource(
      Script { request in
        if request.path.hasSuffix("rate_limits") {
          return .json(#"{"data": [], "next_page": null}"#)
        }
        return .json(#"{"data": [], "has_more": false, "first_id": null, "last_id": null}"#)
      }
    ) { source, server in
      #expect(source.label == "127.0.0.1:\(server.port)")
      _ = try await source.apiKeys()
      _ = try await source.workspaces()
      _ = try await source.members()
      _ = try await source.invites()
      _ = try await source.rateLimits()
      let queries = await server.requests.map { "\($0.path)?\($0.rawQuery)" }
      #expect(
        queries == [
          "/v1/organizations/api_keys?limit=1000",
          "/v1/organizations/workspaces?limit=1000&include_archived=true&include_default=true",
          "/v1/organizations/users?limit=1000",
          "/v1/organizations/invites?limit=1000&statuses%5B%5D=pending",
          "/v1/organizations/rate_limits?",
        ])
    }
  }
}
