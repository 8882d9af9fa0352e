import Foundation
import Testing

@testable import OrgTopSimulator

/// Usage and cost figures: families agree, cost is tokens times list price, time moves the world.
@Suite struct ReportTests {
  let harness = SimulatorHarness(seed: 21)

  /// Token totals per model: [model: [uncached, output, cache read, 5m, 1h, web searches]].
  private func analyticsTotals(_ query: String) -> [String: [Int]] {
    var totals: [String: [Int]] = [:]
    let rows = harness.walkCursorPages(
      "analytics/usage", query + "&group_by[]=model&limit=7", beta: SimulatorHarness.analyticsBeta)
    for row in rows {
      let usage = row["usage"]
      let values = [
        usage["uncached_input_tokens"].int, usage["output_tokens"].int,
        usage["cache_read_input_tokens"].int,
        usage["cache_creation"]["ephemeral_5m_input_tokens"].int,
        usage["cache_creation"]["ephemeral_1h_input_tokens"].int,
        usage["server_tool_use"]["web_search_requests"].int,
      ].map { $0 ?? -1 }
      let model = row["group"]["model"].string ?? "?"
      totals[model] = zip(totals[model] ?? [0, 0, 0, 0, 0, 0], values).map { $0 + $1 }
    }
    return totals
  }

  private func legacyTotals(_ query: String, limit: Int = 4) -> [String: [Int]] {
    var totals: [String: [Int]] = [:]
    let buckets = harness.walkCursorPages(
      "usage_report/messages", query + "&group_by[]=model&limit=\(limit)")
    for row in buckets.flatMap({ $0["results"].array }) {
      let values = [
        row["uncached_input_tokens"].int, row["output_tokens"].int,
        row["cache_read_input_tokens"].int,
        row["cache_creation"]["ephemeral_5m_input_tokens"].int,
        row["cache_creation"]["ephemeral_1h_input_tokens"].int,
        row["server_tool_use"]["web_search_requests"].int,
      ].map { $0 ?? -1 }
      let model = row["model"].string ?? "?"
      totals[model] = zip(totals[model] ?? [0, 0, 0, 0, 0, 0], values).map { $0 + $1 }
    }
    return totals
  }

  @Test func analyticsAndLegacyTokenTotalsAgree() {
    let range = "starting_at=2026-11-01T00:00:00Z&ending_at=2026-11-20T00:00:00Z"
    let analytics = analyticsTotals(range)
    #expect(analytics.count >= 3)
    #expect(analytics == legacyTotals(range))
    // Bucketed analytics (1h, over one day) agree with the legacy minute report of that day.
    let day = "starting_at=2026-11-19T00:00:00Z&ending_at=2026-11-20T00:00:00Z"
    #expect(
      analyticsTotals(day + "&time_bucket_width=1h")
        == legacyTotals(day + "&bucket_width=1m", limit: 500))
  }

  /// List prices in dollars per million tokens, written independently of the simulator.
  private static let dollarsPerMTok: [String: [String]] = [
    "claude-sonnet-4-6": ["3", "15", "0.30", "3.75", "6"],
    "claude-sonnet-4-5-20250929": ["3", "15", "0.30", "3.75", "6"],
    "claude-haiku-4-5-20251001": ["1", "5", "0.10", "1.25", "2"],
    "claude-opus-4-6": ["5", "25", "0.50", "6.25", "10"],
    "claude-opus-4-5-20251101": ["5", "25", "0.50", "6.25", "10"],
  ]

  private func decimal(_ text: String?) -> Decimal {
    Decimal(string: text ?? "x", locale: Locale(identifier: "en_US_POSIX")) ?? -1
  }

  @Test func costIsTokensTimesListPrice() throws {
    let range = "starting_at=2026-11-10T00:00:00Z&ending_at=2026-11-20T00:00:00Z"
    var expected: [String: Decimal] = [:]
    for (model, values) in analyticsTotals(range) {
      let prices = try #require(Self.dollarsPerMTok[model]).map { decimal($0) }
      var cents: Decimal = Decimal(values[5])  // web search: $10 per 1,000 = 1 cent each
      for index in 0..<5 { cents += Decimal(values[index]) * prices[index] * 100 / 1_000_000 }
      expected[model] = cents
    }
    let rows = harness.walkCursorPages(
      "analytics/cost", range + "&group_by[]=model&limit=2", beta: SimulatorHarness.analyticsBeta)
    var actual: [String: Decimal] = [:]
    for row in rows {
      #expect(row["cost"]["currency"].string == "USD")
      #expect(row["cost"]["amount"] == row["cost"]["list_amount"])
      actual[row["group"]["model"].string ?? "?", default: 0] += decimal(
        row["cost"]["amount"].string)
    }
    #expect(actual == expected)
    // The legacy cost report, by description, sums to the same per model and overall.
    let legacy = harness.walkCursorPages("cost_report", range + "&group_by[]=description&limit=4")
    var legacyTotal: Decimal = 0
    for row in legacy.flatMap({ $0["results"].array }) {
      legacyTotal += decimal(row["amount"].string)
      if let description = row["description"].string, row["cost_type"].string == "tokens" {
        #expect(description.contains(" Usage - "))
        #expect(row["model"].string != nil && row["token_type"].string != nil)
      }
    }
    #expect(legacyTotal == expected.values.reduce(0, +))
  }

  @Test func costTypeAndTokenTypeFanOut() {
    let query = "starting_at=2026-11-19T00:00:00Z&ending_at=2026-11-20T00:00:00Z"
    let total = harness.analytics("cost", query).json["data"][0]["cost"]["amount"].string
    let fanned = harness.walkCursorPages(
      "analytics/cost", query + "&group_by[]=cost_type&group_by[]=token_type&limit=1",
      beta: SimulatorHarness.analyticsBeta)
    #expect(fanned.count > 1)
    let sum = fanned.map { decimal($0["cost"]["amount"].string) }.reduce(0, +)
    #expect(sum == decimal(total))
    #expect(fanned.allSatisfy { $0["cost"]["requests"].isNull })
    #expect(
      Set(fanned.compactMap { $0["group"]["cost_type"].string }).isSubset(of: [
        "tokens", "web_search",
      ]))
  }

  @Test func noWidthRowsRoundToTheHour() {
    let reply = harness.analytics(
      "usage", "starting_at=2026-11-19T03:27:00Z&ending_at=2026-11-19T09:45:10Z")
    let rows = reply.json["data"].array
    #expect(rows.count == 1)
    #expect(rows[0]["starting_at"].string == "2026-11-19T03:00:00Z")
    #expect(rows[0]["ending_at"].string == "2026-11-19T09:00:00Z")
    let empty = harness.analytics(
      "usage", "starting_at=2026-11-19T03:10:00Z&ending_at=2026-11-19T03:50:00Z")
    #expect(empty.json["data"].array.isEmpty && empty.json["has_more"].bool == false)
    // Nothing after data_refreshed_at (now - 5 min = 10:07).
    let recent = harness.analytics(
      "usage",
      "starting_at=2026-11-20T10:00:00Z&ending_at=2026-11-20T10:12:00Z&time_bucket_width=1m"
        + "&limit=1000")
    let minutes = recent.json["data"].array.compactMap { $0["starting_at"].string }
    #expect(!minutes.isEmpty)
    #expect(minutes.allSatisfy { $0 < "2026-11-20T10:07:00Z" })
  }

  @Test func filtersSelectKeysModelsAndKeylessUsage() throws {
    let query = "starting_at=2026-11-10T00:00:00Z&group_by[]=api_key_id&limit=1000"
    let all = harness.analytics("usage", query).json["data"].array
    let keyed = all.compactMap { $0["group"]["api_key_id"].string }
    #expect(keyed.count >= 2 && all.contains { $0["group"]["api_key_id"].isNull })
    let one = harness.analytics("usage", query + "&api_key_ids[]=\(keyed[0])").json["data"].array
    #expect(one.count == 1 && one[0] == all.first { $0["group"]["api_key_id"].string == keyed[0] })
    let keyless = harness.analytics("usage", query + "&api_key_ids[]=").json["data"].array
    #expect(keyless.count == 1 && keyless[0]["group"]["api_key_id"].isNull)
    let models = harness.analytics("usage", query + "&models[]=claude-nonexistent").json["data"]
      .array
    #expect(models.isEmpty)
  }

  @Test func theWorldAdvancesWithTheClockUnlessFrozen() {
    let query =
      "starting_at=2026-11-20T00:00:00Z&ending_at=2026-11-21T00:00:00Z&time_bucket_width=1h"
    let live = SimulatorHarness(seed: 21)
    let frozen = SimulatorHarness(seed: 21, frozen: true)
    func total(_ harness: SimulatorHarness) -> Int {
      harness.walkCursorPages(
        "analytics/usage", query + "&limit=1000", beta: SimulatorHarness.analyticsBeta
      )
      .compactMap { $0["usage"]["total_tokens"].int }.reduce(0, +)
    }
    let before = total(live)
    #expect(before == total(frozen))
    live.clock.advance(by: 3 * 3600)
    frozen.clock.advance(by: 3 * 3600)
    #expect(total(live) > before)
    #expect(total(frozen) == before)
    let refreshed = live.analytics("usage", query).json["data_refreshed_at"].string
    #expect(refreshed == "2026-11-20T13:07:00Z")
  }

  /// The report cache keys on the window a request resolves to, not on its literal
  /// `ending_at`, and keeps the closed hourly and daily buckets of a report apart from its last
  /// one: a dashboard's queries asked again as the clock moves (within the hour, across it, in
  /// the first minutes of the next, when the rows end at the lagging data instead of the hour,
  /// and across midnight) must answer exactly what a simulator that never answered them does.
  @Test func aRepeatedReportAnswersWhatAFreshSimulatorDoesAtEachInstant() {
    let asked = SimulatorHarness(seed: 21)
    let queries = [
      ("usage", "&group_by[]=api_key_id&group_by[]=model&limit=50"),
      ("cost", "&group_by[]=api_key_id&group_by[]=model&limit=50"),
      ("cost", "&time_bucket_width=1d&limit=7"),
      ("cost", "&time_bucket_width=1d&group_by[]=model&group_by[]=token_type&limit=1000"),
      ("usage", "&time_bucket_width=1h&group_by[]=model&limit=1000"),
    ]
    var elapsed: TimeInterval = 0
    // 10:12:34, 10:13:34, 11:00:34, 11:01:34, 11:06:34, 12:06:34, then 00:06:34 and 03:06:34
    // on the next day.
    let steps: [TimeInterval] = [0, 60, 2_820, 60, 300, 3_600, 43_200, 10_800]
    for step in steps {
      asked.clock.advance(by: step)
      elapsed += step
      let fresh = SimulatorHarness(seed: 21)
      fresh.clock.advance(by: elapsed)
      let end = ISO8601DateFormatter().string(from: asked.clock.now)
      // Daily from the month's start; hourly from the day before (1h buckets reach 31 days).
      for (kind, grouping) in queries {
        let start = grouping.contains("1h") ? "2026-11-19T00:00:00Z" : "2026-11-01T00:00:00Z"
        let query = "starting_at=\(start)&ending_at=\(end)" + grouping
        let beta = SimulatorHarness.analyticsBeta
        let rows = asked.walkCursorPages("analytics/\(kind)", query, beta: beta)
        #expect(rows.count > 1, "\(kind) \(grouping) at \(end)")
        #expect(
          rows == fresh.walkCursorPages("analytics/\(kind)", query, beta: beta),
          "\(kind) \(grouping) at \(end)")
      }
    }
  }

  /// A daily report whose last day is still open sums its closed days and its open one apart
  /// (the closed ones are kept between requests); the days add up to the same window summed
  /// in one piece, which a report without buckets is. At 12:05:30 both end at 12:00, where the
  /// data stops (five minutes back) and the hour floor is.
  @Test func dailyBucketsAddUpToTheWholeWindow() {
    let harness = SimulatorHarness(seed: 21)
    harness.clock.advance(by: 6_776)  // 2026-11-20T12:05:30Z
    let window = "starting_at=2026-11-01T00:00:00Z&ending_at=2026-11-20T12:05:30Z"
    let beta = SimulatorHarness.analyticsBeta
    func perModel(_ kind: String, _ query: String) -> [String: Decimal] {
      var totals: [String: Decimal] = [:]
      for row in harness.walkCursorPages("analytics/\(kind)", query, beta: beta) {
        let value =
          kind == "cost"
          ? decimal(row["cost"]["amount"].string) : Decimal(row["usage"]["total_tokens"].int ?? -1)
        totals[row["group"]["model"].string ?? "?", default: 0] += value
      }
      return totals
    }
    for kind in ["usage", "cost"] {
      let whole = perModel(kind, window + "&group_by[]=model&limit=1000")
      let daily = perModel(kind, window + "&time_bucket_width=1d&group_by[]=model&limit=1000")
      #expect(whole.count >= 3)
      #expect(daily == whole, "\(kind)")
    }
  }
}
