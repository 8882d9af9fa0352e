import Foundation
import OrgTopCore
import OrgTopTestSupport
import Testing

/// Each flag at its boundary on a manual clock, against thresholds written out here: idle after
/// more than 30 days, expiring within 7 days inclusive, a burst strictly above 5 times the
/// median and at least 100,000 tokens; and nothing raised on data that is not loaded.
@Suite struct KeyFlagTests {
  private static let now = UTCCalendar.date(
    year: 2026, month: 11, day: 20, hour: 14, minute: 52, second: 7)
  private static let day: TimeInterval = 86_400
  private static let rules = KeyFlagRules()

  /// An active key with an expiry 100 days out, so that only the flag under test shows.
  private static func key(
    status: APIKeyStatus = .active, expiresAt: Date? = now.addingTimeInterval(100 * day),
    createdBy: Actor? = nil
  ) -> APIKey {
    APIKey(
      id: "apikey_01Flag", name: "flag", status: status,
      createdAt: UTCCalendar.date(year: 2026, month: 1, day: 2), createdBy: createdBy,
      expiresAt: expiresAt, workspaceID: "wrkspc_01Team")
  }

  private static func codes(_ facts: KeyFlagFacts, at now: Date = now) -> [String] {
    KeyFlags.evaluate(facts, rules: rules, now: now).map(\.code)
  }

  @Test func defaultsAreThirtyDaysAndFiveTimes() {
    #expect(Self.rules.idleDays == 30)
    #expect(Self.rules.anomalyFactor == 5)
    #expect(Self.rules.expiryWindow == 7 * 86_400)
  }

  /// Last used on day D means possibly used until D + 24 h: idle is counted from there.
  @Test func idleIsMoreThanThirtyDaysAfterTheLastDayWithUsage() throws {
    let lastDay = UTCCalendar.date(year: 2026, month: 10, day: 1)
    let facts = KeyFlagFacts(key: Self.key(), lastActive: .day(lastDay))
    let exactly = lastDay.addingTimeInterval(Self.day + 30 * Self.day)
    #expect(Self.codes(facts, at: exactly) == [])
    let flags = KeyFlags.evaluate(facts, rules: Self.rules, now: exactly.addingTimeInterval(1))
    #expect(flags.map(\.code) == ["idle"])
    #expect(flags.first?.reason == "idle 30 days: last used 2026-10-01 (UTC day)")
    // 47 days after the day's end.
    let later = lastDay.addingTimeInterval(Self.day + 47 * Self.day + 3600)
    let reason = try #require(KeyFlags.evaluate(facts, rules: Self.rules, now: later).first)
    #expect(reason.reason.hasPrefix("idle 47 days"))
  }

  @Test func noUseInTheWholeReportIsIdleOnlyOnceTheReportSpansMoreThanThirtyDays() {
    let start = UTCCalendar.date(year: 2026, month: 10, day: 21)
    let facts = KeyFlagFacts(key: Self.key(), lastActive: .beforeWindow, activityWindowStart: start)
    #expect(Self.codes(facts, at: start.addingTimeInterval(30 * Self.day)) == [])
    #expect(Self.codes(facts, at: start.addingTimeInterval(30 * Self.day + 1)) == ["idle"])
    // Without the report's start, how long is unknown.
    let unknown = KeyFlagFacts(key: Self.key(), lastActive: .beforeWindow)
    #expect(Self.codes(unknown, at: start.addingTimeInterval(40 * Self.day)) == [])
  }

  @Test func neverUsedIsIdleAndUnknownActivityIsNot() {
    let never = KeyFlagFacts(key: Self.key(), lastActive: .never)
    let flags = KeyFlags.evaluate(never, rules: Self.rules, now: Self.now)
    #expect(flags.map(\.code) == ["idle"])
    #expect(flags.first?.reason == "never used: created 2026-01-02 00:00 UTC")
    #expect(Self.codes(KeyFlagFacts(key: Self.key(), lastActive: .unknown)) == [])
  }

  @Test func expiringWithinSevenDaysInclusiveAndNoExpiry() {
    let inSeven = KeyFlagFacts(key: Self.key(expiresAt: Self.now.addingTimeInterval(7 * Self.day)))
    let flags = KeyFlags.evaluate(inSeven, rules: Self.rules, now: Self.now)
    #expect(flags.map(\.code) == ["exp7d"])
    #expect(flags.first?.reason == "expires 2026-11-27 14:52 UTC (in 7 days)")
    let later = KeyFlagFacts(
      key: Self.key(expiresAt: Self.now.addingTimeInterval(7 * Self.day + 1)))
    #expect(Self.codes(later) == [])
    #expect(Self.codes(KeyFlagFacts(key: Self.key(expiresAt: nil))) == ["noexp"])
  }

  @Test func defaultWorkspaceOnlyWhenTheWorkspacesSaySo() {
    var facts = KeyFlagFacts(key: Self.key())
    #expect(Self.codes(facts) == [])
    facts.isInDefaultWorkspace = false
    #expect(Self.codes(facts) == [])
    facts.isInDefaultWorkspace = true
    #expect(Self.codes(facts) == ["dflt"])
  }

  @Test func creatorGoneOnlyWhenTheMembersAreLoadedAndLackThem() {
    let user = Actor(id: "user_01Left", kind: .user)
    var facts = KeyFlagFacts(key: Self.key(createdBy: user))
    #expect(Self.codes(facts) == [], "members not loaded: unknown, not gone")
    facts.memberIDs = ["user_01Left", "user_01Other"]
    #expect(Self.codes(facts) == [])
    facts.memberIDs = ["user_01Other"]
    let flags = KeyFlags.evaluate(facts, rules: Self.rules, now: Self.now)
    #expect(flags.map(\.code) == ["gone"])
    #expect(flags.first?.reason == "created by user_01Left, no longer a member of the organization")
    // A service account is not a member: never "gone".
    let account = KeyFlagFacts(
      key: Self.key(createdBy: Actor(id: "svac_01", kind: .serviceAccount)), memberIDs: [])
    #expect(Self.codes(account) == [])
  }

  @Test func spikeIsAboveFiveTimesTheMedianAndAtLeastTheFloor() {
    let hour = UTCCalendar.date(year: 2026, month: 11, day: 20, hour: 13)
    func facts(_ last: Int, median: Double) -> KeyFlagFacts {
      KeyFlagFacts(
        key: Self.key(),
        hourly: (hour, KeyHourlyUsage.Figures(lastHour: last, median: median)))
    }
    #expect(Self.codes(facts(500_000, median: 100_000)) == [], "exactly 5x is not above")
    #expect(Self.codes(facts(500_001, median: 100_000)) == ["spike"])
    // The floor: a small key with a zero median does not flap.
    #expect(Self.codes(facts(99_999, median: 0)) == [])
    #expect(Self.codes(facts(100_000, median: 0)) == ["spike"])
    let flags = KeyFlags.evaluate(
      facts(1_200_000, median: 128_000), rules: Self.rules, now: Self.now)
    // 1,200,000 / 128,000 = 9.375, one decimal: 9.4.
    #expect(
      flags.first?.reason
        == "last complete hour (2026-11-20 13:00Z–14:00Z) 1.20 M tokens, 9.4x its 7-day hourly"
        + " median of 128 k")
    // Hourly report not loaded: no anomaly, whatever else.
    #expect(Self.codes(KeyFlagFacts(key: Self.key())) == [])
  }

  @Test func onlyActiveKeysAreFlagged() {
    for status in [APIKeyStatus.inactive, .archived, .expired, .unknown("suspended")] {
      let facts = KeyFlagFacts(
        key: Self.key(status: status, expiresAt: nil), lastActive: .never,
        memberIDs: [], isInDefaultWorkspace: true)
      #expect(Self.codes(facts) == [], "\(status)")
    }
  }

  @Test func theFlagSetKeepsKindsInOrderAndJoinsTheirCodes() {
    let set = KeyFlagSet([.spike, .idle, .noExpiry])
    #expect(set.kinds == [.idle, .noExpiry, .spike])
    #expect(set.text == "idle,noexp,spike")
    #expect(set.count == 3)
    #expect(KeyFlagSet().text == "")
  }
}

/// The median and the per-key hourly figures from a report, against medians worked out by hand.
@Suite struct KeyHourlyUsageTests {
  @Test func medianOfOddAndEvenCounts() {
    #expect(KeyHourlyUsage.median([7, 1, 3]) == 3)
    #expect(KeyHourlyUsage.median([4, 1, 3, 2]) == 2.5)
    #expect(KeyHourlyUsage.median([5]) == 5)
    #expect(KeyHourlyUsage.median([]) == 0)
  }

  /// 168 baseline hours: key A used 1,000 tokens in 100 of them (the other 68 are zeros, so the
  /// median is 1,000); key B in 84 of them (84 zeros and 84 × 1,000: the two middle values are 0
  /// and 1,000, so 500); the judged hour is the window's last.
  @Test func figuresFromAnHourlyReport() throws {
    let now = UTCCalendar.date(year: 2026, month: 11, day: 20, hour: 14, minute: 52, second: 7)
    let query = ReportWindows.keyHourly(at: now)
    let judged = UTCCalendar.date(year: 2026, month: 11, day: 20, hour: 13)
    #expect(query.end == judged.addingTimeInterval(3600))
    #expect(query.start == judged.addingTimeInterval(-168 * 3600))
    #expect(query.bucket == .hour && query.groupBy == [.apiKey] && query.source == .legacy)
    func row(_ hour: Int, _ key: String?, _ tokens: Int) -> UsageRow {
      let start = query.start.addingTimeInterval(TimeInterval(hour) * 3600)
      return UsageRow(
        start: start, end: start.addingTimeInterval(3600), apiKeyID: key,
        tokens: TokenCounts(uncachedInput: tokens / 2, output: tokens - tokens / 2))
    }
    var rows = (0..<100).map { row($0, "A", 1_000) } + (0..<84).map { row($0 + 50, "B", 1_000) }
    rows.append(row(168, "A", 2_000_000))
    rows.append(row(168, nil, 9_999_999))  // Console usage: no key
    let usage = KeyHourlyUsage(
      report: UsageReport(query: query, rows: rows, source: .legacy, dataRefreshedAt: nil))
    #expect(usage.hourStart == judged)
    #expect(usage.baselineHours == 168)
    #expect(usage.figures(for: "A") == KeyHourlyUsage.Figures(lastHour: 2_000_000, median: 1_000))
    #expect(usage.figures(for: "B") == KeyHourlyUsage.Figures(lastHour: 0, median: 500))
    #expect(usage.figures(for: "C") == KeyHourlyUsage.Figures(lastHour: 0, median: 0))
    #expect(usage.byKey.count == 2)
  }

  /// Five minutes after an hour ends, its bucket is judged complete; a minute earlier, the hour
  /// before it is judged.
  @Test func theJudgedHourWaitsForTheReportsLag() {
    let ten = UTCCalendar.date(year: 2026, month: 11, day: 20, hour: 10)
    #expect(
      ReportWindows.judgedHour(at: ten.addingTimeInterval(300)) == ten.addingTimeInterval(-3600))
    #expect(
      ReportWindows.judgedHour(at: ten.addingTimeInterval(299)) == ten.addingTimeInterval(-7200))
  }
}

/// `f` in the reducer: three keys of which one has a flag, counted by hand; the flags column,
/// the title, the `/` filter on top, and `f` again.
@Suite struct FlaggedFilterTests {
  private static let now = Fixtures.now
  private static let keys = [
    // Never expires: noexp.
    APIKey(
      id: "k1", name: "alpha", status: .active,
      createdAt: UTCCalendar.date(year: 2026, month: 3, day: 1),
      expiresAt: nil, workspaceID: Fixtures.workspaces[1].id),
    // Used today, expires in 100 days, in a team workspace: no flag.
    APIKey(
      id: "k2", name: "bravo", status: .active,
      createdAt: UTCCalendar.date(year: 2026, month: 3, day: 1),
      expiresAt: now.addingTimeInterval(100 * 86_400), workspaceID: Fixtures.workspaces[1].id),
    // Inactive: never flagged.
    APIKey(
      id: "k3", name: "charlie", status: .inactive,
      createdAt: UTCCalendar.date(year: 2026, month: 3, day: 1), expiresAt: nil,
      workspaceID: Fixtures.workspaces[1].id),
  ]

  private static func loaded() -> ReducerHarness {
    var harness = ReducerHarness()
    harness.complete(harness.start()) { slot, request in
      switch request {
      case .apiKeys: return .success(.apiKeys(keys))
      case .usage(let query):
        let today = UTCCalendar.dayStart(containing: now)
        let rows =
          slot == .keyActivity
          ? keys.map {
            UsageRow(
              start: today, end: today.addingTimeInterval(86_400), apiKeyID: $0.id,
              tokens: TokenCounts(uncachedInput: 10))
          } : []
        return .success(
          .usage(UsageReport(query: query, rows: rows, source: .analytics, dataRefreshedAt: nil)))
      default: return .success(Fixtures.response(to: request))
      }
    }
    return harness
  }

  @Test func fShowsOnlyFlaggedKeysAndCombinesWithTheFilter() {
    var harness = Self.loaded()
    #expect(harness.state.keyRows.count == 3)
    #expect(harness.state.flaggedKeyCount == 1)
    let flags = Dictionary(
      uniqueKeysWithValues: harness.state.keyRows.map { ($0.key.id, $0.flags.text) })
    #expect(flags == ["k1": "noexp", "k2": "", "k3": ""])
    harness.press(.character("f"))
    #expect(harness.state.keysFlaggedOnly)
    #expect(harness.state.keyRows.map(\.key.id) == ["k1"])
    let table = DashboardViewModel(state: harness.state, now: harness.now).keys
    #expect(table.title == "API keys (1 flagged of 3)")
    #expect(table.rows.first?.cells[KeyColumn.flags.rawValue] == "noexp")
    // The text filter narrows the flagged keys further.
    harness.press(.character("/"))
    harness.type("bra")
    #expect(harness.state.keyRows.isEmpty)
    let empty = DashboardViewModel(state: harness.state, now: harness.now).keys
    #expect(empty.emptyMessage == "No flagged keys match \"bra\"")
    harness.press(.escape)
    harness.press(.character("f"))
    #expect(!harness.state.keysFlaggedOnly)
    #expect(harness.state.keyRows.count == 3)
  }

  @Test func theDetailListsTheReasons() throws {
    var harness = Self.loaded()
    harness.press(.character("f"))
    harness.press(.enter)
    guard
      case .keyDetail(let model) = DashboardViewModel(state: harness.state, now: harness.now)
        .overlay
    else {
      Issue.record("no key detail")
      return
    }
    let flags = try #require(model.sections.first { $0.title == "Flags" })
    #expect(flags.rows.map(\.label) == ["noexp"])
    #expect(flags.rows.map(\.value) == ["no expiry date"])
  }
}
