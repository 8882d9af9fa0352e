import Foundation
import OrgTopCore
import Testing

/// Expected figures are computed by hand in the comments, in cents, from the rows built here.
@Suite("Figures")
struct FigureTests {
  static func at(_ day: Int, _ hour: Int = 0, _ minute: Int = 0, month: Int = 11) -> Date {
    UTCCalendar.date(year: 2026, month: month, day: day, hour: hour, minute: minute)
  }

  static func cents(_ text: String) -> Money { Money(minorUnits: text)! }

  static func costRow(_ day: Int, _ key: String?, _ model: String?, _ cents: String) -> CostRow {
    CostRow(
      start: at(day), end: at(day + 1), apiKeyID: key, model: model, amount: Self.cents(cents))
  }

  static let monthQuery = ReportQuery(
    start: at(1), end: at(20, 14, 52), bucket: .day, groupBy: [.apiKey, .model])

  static let costRows = [
    costRow(1, "A", "sonnet", "1000.5"), costRow(1, "A", "haiku", "200.25"),
    costRow(1, "B", "sonnet", "300"), costRow(1, nil, "sonnet", "50.125"),
    costRow(2, "A", "sonnet", "999.5"), costRow(2, "B", nil, "10"),
  ]

  @Test func costSummaryReconciles() {
    let summary = CostSummary(
      report: CostReport(
        query: Self.monthQuery, rows: Self.costRows, source: .analytics, dataRefreshedAt: nil))
    // 1000.5 + 200.25 + 300 + 50.125 + 999.5 + 10
    #expect(summary.total == Self.cents("2560.375"))
    #expect(summary.byKey == ["A": Self.cents("2200.25"), "B": Self.cents("310")])
    #expect(summary.unattributed == Self.cents("50.125"))
    #expect(
      summary.byModel
        == [
          "sonnet": Self.cents("2350.125"), "haiku": Self.cents("200.25"),
          CostSummary.noModel: Self.cents("10"),
        ])
    #expect(summary.byKeyAndModel["A"]?["sonnet"] == Self.cents("2000"))
    // Keys plus unattributed equal the total.
    #expect(summary.attributed == Self.cents("2510.25"))  // 2200.25 + 310
    #expect(summary.attributed + summary.unattributed == summary.total)
  }

  @Test func dailyCostSumsEachUTCDay() {
    let daily = DailyCost(
      report: CostReport(
        query: Self.monthQuery, rows: Self.costRows, source: .analytics, dataRefreshedAt: nil))
    // Nov 1: 1000.5 + 200.25 + 300 + 50.125; Nov 2: 999.5 + 10; Nov 3: no rows.
    #expect(
      daily.dailySeries(from: Self.at(1), through: Self.at(3, 5))
        == [Self.cents("1550.875"), Self.cents("1009.5"), .zero()])
    #expect(daily.cost(onDayOf: Self.at(2, 23, 59)) == Self.cents("1009.5"))
    #expect(daily.cost(onDayOf: Self.at(3)) == .zero())
    // Drawn in dollars: 15.50875, 10.095, 0 (as Double, so compared within a rounding error).
    let dollars = daily.dailyDollars(from: Self.at(1), through: Self.at(3))
    #expect(zip(dollars, [15.50875, 10.095, 0]).allSatisfy { abs($0 - $1) < 1e-9 })
    #expect(dollars.count == 3)
  }

  @Test func legacyCostHasNoPerKeySplit() {
    let summary = CostSummary(
      report: CostReport(
        query: Self.monthQuery, rows: Self.costRows, source: .legacy, dataRefreshedAt: nil))
    #expect(!summary.isPerKeyAvailable)
    #expect(summary.byKey.isEmpty)
    #expect(summary.unattributed == .zero())
    #expect(summary.total == Self.cents("2560.375"))
  }

  @Test func emptyReportIsZero() {
    let summary = CostSummary(
      report: CostReport(query: Self.monthQuery, rows: [], source: .analytics, dataRefreshedAt: nil)
    )
    #expect(summary.total == .zero())
    let tokens = TokenSummary(
      report: UsageReport(
        query: Self.monthQuery, rows: [], source: .analytics, dataRefreshedAt: nil))
    #expect(tokens.total == 0)
    #expect(tokens.requests == 0)
  }

  @Test func tokenSummaryReconciles() {
    let rows = [
      UsageRow(
        start: Self.at(1), end: Self.at(20), apiKeyID: "A", model: "sonnet",
        tokens: TokenCounts(uncachedInput: 100, output: 50, cacheRead: 1000, cacheCreation5m: 7),
        requests: 3),
      UsageRow(
        start: Self.at(1), end: Self.at(20), apiKeyID: nil, model: "haiku",
        tokens: TokenCounts(uncachedInput: 20, output: 5, cacheCreation1h: 1), requests: 2),
      UsageRow(
        start: Self.at(1), end: Self.at(20), apiKeyID: "A", model: "haiku",
        tokens: TokenCounts(uncachedInput: 4), requests: 1),
    ]
    let report = UsageReport(
      query: Self.monthQuery, rows: rows, source: .analytics, dataRefreshedAt: nil)
    let summary = TokenSummary(report: report)
    // 1157 + 26 + 4
    #expect(summary.total == 1187)
    #expect(summary.byKey == ["A": 1161])
    #expect(summary.unattributed == 26)
    #expect(summary.byModel == ["sonnet": 1157, "haiku": 30])
    #expect(summary.requests == 6)
    var legacy = report
    legacy.source = .legacy
    #expect(TokenSummary(report: legacy).requests == nil)
  }

  static func dailyCosts(_ amounts: [Int: Int]) -> DailyCost {
    let rows = amounts.map { costRow($0.key, nil, nil, String($0.value)) }
    return DailyCost(
      report: CostReport(query: monthQuery, rows: rows, source: .analytics, dataRefreshedAt: nil))
  }

  @Test func burnRateIsTheMeanOfTheLastSevenCompleteDays() throws {
    // Day d costs d × 100 cents, days 1…20; as of Nov 20 14:47 the complete days are 13…19:
    // (13 + … + 19) × 100 / 7 = 11,200 / 7 = 1,600 cents a day.
    let costs = Self.dailyCosts(Dictionary(uniqueKeysWithValues: (1...20).map { ($0, $0 * 100) }))
    let rate = try #require(
      BurnRate.measure(costs, monthStart: Self.at(1), asOf: Self.at(20, 14, 47)))
    #expect(rate.perDay == Self.cents("1600"))
    #expect(rate.window == .completeDays(7))
    #expect(rate.windowLabel == "7-day avg")
  }

  @Test func burnRateEarlyInTheMonthUsesTheDaysThereAre() throws {
    let costs = Self.dailyCosts([1: 100, 2: 200, 3: 5000])
    let rate = try #require(
      BurnRate.measure(costs, monthStart: Self.at(1), asOf: Self.at(3, 10)))
    #expect(rate.perDay == Self.cents("150"))  // (100 + 200) / 2
    #expect(rate.windowLabel == "2-day avg")
  }

  @Test func burnRateCountsDaysWithoutRowsAsZero() throws {
    let costs = Self.dailyCosts([19: 700])
    let rate = try #require(
      BurnRate.measure(costs, monthStart: Self.at(1), asOf: Self.at(20, 1)))
    #expect(rate.perDay == Self.cents("100"))  // 700 / 7
  }

  @Test func burnRateOnTheFirstDayIsTodaysPace() throws {
    let costs = Self.dailyCosts([1: 300])
    let rate = try #require(
      BurnRate.measure(costs, monthStart: Self.at(1), asOf: Self.at(1, 6)))
    #expect(rate.perDay == Self.cents("1200"))  // 300 cents in 6 h → × 24 / 6
    #expect(rate.windowLabel == "today's pace")
    #expect(BurnRate.measure(costs, monthStart: Self.at(1), asOf: Self.at(1, 0, 30)) == nil)
  }

  @Test func projectionAndLimitDate() {
    let rate = BurnRate(perDay: Self.cents("10000"), window: .completeDays(7))
    let asOf = Self.at(20, 12)
    // 10.5 days to Dec 1 00:00: 100,000 + 10.5 × 10,000 = 205,000 cents.
    let under = SpendProjection.project(
      monthToDate: Self.cents("100000"), rate: rate, asOf: asOf, limit: Self.cents("150000"))
    #expect(under.monthEnd == Self.cents("205000"))
    // (150,000 − 100,000) / 10,000 = 5 days after Nov 20 12:00.
    #expect(under.limitOutlook == .reached(on: Self.at(25, 12)))
    let far = SpendProjection.project(
      monthToDate: Self.cents("100000"), rate: rate, asOf: asOf, limit: Self.cents("300000"))
    #expect(far.limitOutlook == .notAtThisRate)
    let over = SpendProjection.project(
      monthToDate: Self.cents("100000"), rate: rate, asOf: asOf, limit: Self.cents("90000"))
    #expect(over.limitOutlook == .alreadyReached)
    let idle = SpendProjection.project(
      monthToDate: Self.cents("100"), rate: BurnRate(perDay: .zero(), window: .todayPace),
      asOf: asOf, limit: Self.cents("90000"))
    #expect(idle.limitOutlook == .notAtThisRate)
    #expect(idle.monthEnd == Self.cents("100"))
    let unlimited = SpendProjection.project(
      monthToDate: Self.cents("1"), rate: rate, asOf: asOf, limit: nil)
    #expect(unlimited.limitOutlook == nil)
  }

  static func limit(_ scope: SpendScope, _ cents: Int?, _ period: SpendPeriod = .monthly)
    -> SpendLimit
  {
    SpendLimit(
      id: "spl_\(cents ?? 0)", amount: cents.map { Money(minorUnits: Decimal($0)) },
      isEnabled: true, period: period, scope: scope)
  }

  @Test func gaugeLimitChoice() {
    let organization = Self.limit(.organization, 500_000)
    let tier = Self.limit(.usageTier, 20_000_000)
    #expect(
      GaugeLimit.choose(limits: [tier, organization], settled: false, budgetDollars: 10)
        == GaugeLimit(amount: Self.cents("500000"), source: .organization))
    #expect(
      GaugeLimit.choose(
        limits: [Self.limit(.organization, 900_000), Self.limit(.organization, 400_000)],
        settled: false, budgetDollars: nil)?.amount == Self.cents("400000"))
    // An organization entry without an amount, or not monthly, falls through to the tier cap.
    let tierOnly = GaugeLimit.choose(
      limits: [Self.limit(.organization, nil), Self.limit(.organization, 100, .daily), tier],
      settled: false, budgetDollars: 10)
    #expect(tierOnly == GaugeLimit(amount: Self.cents("20000000"), source: .usageTier))
    #expect(tierOnly?.label == "tier cap")
    #expect(
      GaugeLimit.choose(limits: [], settled: false, budgetDollars: Decimal(string: "2500.50"))
        == GaugeLimit(amount: Self.cents("250050"), source: .budget))
    #expect(GaugeLimit.choose(limits: nil, settled: false, budgetDollars: 10) == nil)
    #expect(GaugeLimit.choose(limits: nil, settled: true, budgetDollars: 10)?.source == .budget)
    #expect(GaugeLimit.choose(limits: nil, settled: true, budgetDollars: nil) == nil)
  }

  static func minuteRow(
    _ minute: Int, _ model: String, _ tokens: TokenCounts, requests: Int?
  ) -> UsageRow {
    UsageRow(
      start: at(20, 14, minute), end: at(20, 14, minute + 1), model: model, tokens: tokens,
      requests: requests)
  }

  static let recentQuery = ReportQuery(
    start: at(20, 13, 52), end: at(20, 14, 52).addingTimeInterval(7), bucket: .minute,
    groupBy: [.model])

  static let recentRows = [
    minuteRow(
      0, "claude-sonnet-4-6",
      TokenCounts(uncachedInput: 600, output: 200, cacheRead: 100, cacheCreation5m: 100),
      requests: 5),
    minuteRow(0, "claude-haiku-4-5", TokenCounts(uncachedInput: 500), requests: 3),
    minuteRow(
      10, "claude-sonnet-4-6", TokenCounts(uncachedInput: 2000, output: 500, cacheRead: 500),
      requests: 12),
    // After the data's as-of instant (14:47): an incomplete minute, ignored.
    minuteRow(50, "claude-sonnet-4-6", TokenCounts(uncachedInput: 99_999), requests: 1),
  ]

  @Test func recentUsageSeriesUsesCompleteMinutesOnly() throws {
    let report = UsageReport(
      query: Self.recentQuery, rows: Self.recentRows, source: .analytics,
      dataRefreshedAt: Self.at(20, 14, 47))
    let recent = RecentUsage(report: report, asOf: Self.at(20, 14, 47))
    // Minutes 13:52 … 14:46 are complete: 55 of them; 14:00 is index 8, 14:10 index 18.
    #expect(recent.perMinute.count == 55)
    #expect(recent.perMinute[8] == 1500)
    #expect(recent.perMinute[18] == 3000)
    #expect(recent.perMinute.reduce(0, +) == 4500)
    #expect(recent.peak == 3000)
    #expect(recent.average == 81)  // 4500 / 55, floored
  }

  @Test func headroomPerModelGroup() throws {
    let report = UsageReport(
      query: Self.recentQuery, rows: Self.recentRows, source: .analytics,
      dataRefreshedAt: Self.at(20, 14, 47))
    let groups = [
      RateLimitGroup(
        id: "rl_1", groupType: "model_group", groupID: "rlg_1", displayName: "Sonnet",
        models: ["claude-sonnet-4-6"],
        limits: [
          .init(type: "requests_per_minute", value: 4000),
          .init(type: "input_tokens_per_minute", value: 2_000_000),
          .init(type: "output_tokens_per_minute", value: 400_000),
        ]),
      RateLimitGroup(
        id: "rl_2", groupType: "model_group", groupID: "rlg_2", displayName: "Haiku",
        models: ["claude-haiku-4-5"], limits: [.init(type: "input_tokens_per_minute", value: 4000)]),
      RateLimitGroup(
        id: "rl_3", groupType: "model_group", groupID: "rlg_3", displayName: "Opus",
        models: ["claude-opus-4-1"], limits: [.init(type: "input_tokens_per_minute", value: 1)]),
    ]
    let headroom = RecentUsage.headroom(report: report, groups: groups, asOf: Self.at(20, 14, 47))
    #expect(headroom.map(\.groupName) == ["Sonnet", "Haiku"])  // Opus had no usage
    let sonnet = headroom[0]
    // Input counts uncached + cache creation (not reads): max(600 + 100, 2000) = 2000.
    #expect(sonnet.peakInput == 2000)
    #expect(sonnet.peakOutput == 500)
    #expect(sonnet.peakRequests == 12)
    #expect(sonnet.input == 1 - 2000.0 / 2_000_000)
    #expect(sonnet.output == 1 - 500.0 / 400_000)
    #expect(sonnet.requests == 1 - 12.0 / 4000)
    let haiku = headroom[1]
    #expect(haiku.input == 1 - 500.0 / 4000)
    #expect(haiku.output == nil)
    var legacy = report
    legacy.source = .legacy
    let legacyHeadroom = RecentUsage.headroom(
      report: legacy, groups: groups, asOf: Self.at(20, 14, 47))
    #expect(legacyHeadroom[0].requests == nil)
    #expect(legacyHeadroom[0].peakRequests == nil)
  }

  @Test func lastActivePerKey() {
    let query = ReportQuery(
      start: Self.at(21, month: 10), end: Self.at(20, 14, 52), bucket: .day, groupBy: [.apiKey])
    func row(_ day: Int, _ key: String?, _ tokens: Int) -> UsageRow {
      UsageRow(
        start: Self.at(day), end: Self.at(day + 1), apiKeyID: key,
        tokens: TokenCounts(uncachedInput: tokens))
    }
    let activity = KeyActivity(
      report: UsageReport(
        query: query, rows: [row(19, "A", 10), row(5, "A", 20), row(3, "B", 0), row(20, nil, 5)],
        source: .analytics, dataRefreshedAt: nil))
    func key(_ id: String, created: Date) -> APIKey {
      APIKey(id: id, name: id, status: .active, createdAt: created)
    }
    #expect(activity.lastActive(for: key("A", created: Self.at(1, month: 1))) == .day(Self.at(19)))
    #expect(activity.lastActive(for: key("B", created: Self.at(1, month: 1))) == .beforeWindow)
    #expect(activity.lastActive(for: key("D", created: Self.at(10))) == .never)
    let series = activity.dailyTokens(for: "A", through: Self.at(20, 14))
    #expect(series.count == 31)  // Oct 21 … Nov 20
    #expect(series[29] == 10)  // Nov 19
    #expect(series[15] == 20)  // Nov 5
    #expect(series.reduce(0, +) == 30)
  }
}

extension FigureTests {
  @Test func noBurnRateWhileTheDataIsStillLastMonths() {
    let costs = Self.dailyCosts([:])
    // Dec 1 00:30, data as of Nov 30 23:56: nothing of December is measured yet.
    #expect(
      BurnRate.measure(
        costs, monthStart: Self.at(1, month: 12), asOf: Self.at(30, 23, 56, month: 11)) == nil)
  }
}
