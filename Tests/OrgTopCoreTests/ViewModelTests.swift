import Foundation
import OrgTopCore
import OrgTopTestSupport
import Testing

/// Expected figures are computed from the fixture's usage profiles (the simulated world), not
/// from the code under test.
@Suite("View model")
struct ViewModelTests {
  static let monthStart = UTCCalendar.date(year: 2026, month: 11, day: 1)
  /// The fixture's reports are complete to 5 min before now (14:47), but month-to-date cost has
  /// no bucket width, so analytics answers for the window rounded down to the hour
  /// (admin-api.md §13.2): 14:00:00.
  static let costAsOf = UTCCalendar.date(year: 2026, month: 11, day: 20, hour: 14)

  static func expectedCost(keyID: String? = nil, allKeys: Bool = true) -> Money {
    var cents = Decimal(0)
    for profile in Fixtures.profiles where allKeys || profile.keyID == keyID {
      cents +=
        Decimal(profile.tokens(from: monthStart, to: costAsOf)) * profile.centsPerMillion
        / 1_000_000
    }
    return Money(minorUnits: cents)
  }

  static func loaded(source: ReportSource = .analytics) -> ReducerHarness {
    var harness = ReducerHarness()
    harness.loadFixture(source: source)
    return harness
  }

  static func model(_ harness: ReducerHarness, after seconds: TimeInterval = 0)
    -> DashboardViewModel
  {
    DashboardViewModel(state: harness.state, now: harness.now.addingTimeInterval(seconds))
  }

  static func value(_ rows: [LabeledValue], _ label: String) -> String? {
    rows.first { $0.label == label }?.value
  }

  static func text(_ parts: [StyledText]) -> String { parts.map(\.text).joined() }

  @Test func headerBadgesSourceAndClock() {
    let model = Self.model(Self.loaded())
    #expect(model.header.title == "orgtop")
    #expect(model.header.organization == "Acme Robotics")
    #expect(model.header.badges == ["DEMO"])
    #expect(model.header.source == "simulator 127.0.0.1:41234 · analytics")
    #expect(model.header.clock == "14:52:07 UTC")
    let live = DashboardState(
      configuration: DashboardConfiguration(
        mode: .live, sourceLabel: "api.anthropic.com", isReadOnly: true))
    let liveModel = DashboardViewModel(state: live, now: Fixtures.now)
    #expect(liveModel.header.badges == ["READ-ONLY"])
    #expect(liveModel.header.organization == "…")
  }

  @Test func loadingBeforeAnyData() {
    var harness = ReducerHarness()
    harness.start()
    let model = Self.model(harness)
    #expect(model.overview.condition == .loading("Loading organization…"))
    #expect(model.keys.condition == .loading("Loading API keys…"))
    #expect(model.usage.condition == .loading("Loading month-to-date usage…"))
    #expect(Self.text(model.status.left) == "loading… · refreshing…")
    #expect(model.status.right.isEmpty)
    #expect(model.keys.selectedIndex == nil)
  }

  @Test func overviewRows() {
    let model = Self.model(Self.loaded())
    let rows = model.overview.rows
    #expect(model.overview.condition == .ready)
    #expect(Self.value(rows, "Organization") == "Acme Robotics")
    #expect(Self.value(rows, "Type") == "organization")
    #expect(Self.value(rows, "ID") == "5f3c2a1e-8b7d-4c6e-9a0f-1d2e3f4a5b6c")
    #expect(Self.value(rows, "Workspaces") == "5 (1 archived)")
    #expect(Self.value(rows, "Members") == "6 (+2 pending invites)")
    #expect(
      Self.value(rows, "API keys")
        == "12: 8 active · 1 inactive · 1 archived · 1 expired · 1 suspended")
    #expect(
      Self.value(rows, "Spend limits")
        == "org $5,000.00 monthly · 1 workspace cap · tier cap $200,000.00")
    #expect(Self.value(rows, "Reports") == "analytics")
    #expect(Self.value(rows, "Plan / tier") == "n/a (not in the Admin API)")
  }

  @Test func usagePaneFigures() throws {
    let harness = Self.loaded()
    let model = Self.model(harness)
    let usage = model.usage
    let total = Self.expectedCost()
    #expect(usage.condition == .ready)
    #expect(DashboardFigures(state: harness.state, now: harness.now).cost?.total == total)
    #expect(Self.value(usage.rows, "Spend MTD") == Format.money(total))
    #expect(Self.value(usage.rows, "Limit") == "$5,000.00 (org limit)")
    // 500,000 cents less the spend summed from the fixture's own profiles.
    #expect(
      Self.value(usage.rows, "Remaining")
        == Format.money(Money(minorUnits: 500_000 - total.minorUnits)))
    let gauge = try #require(usage.gauge)
    let fraction = NSDecimalNumber(decimal: total.minorUnits / 500_000).doubleValue
    #expect(abs(gauge.fraction - fraction) < 1e-12)
    #expect(gauge.label == "\(Format.percent(fraction)) of $5,000.00 org limit")
    #expect(Self.value(usage.rows, "Burn rate")?.hasSuffix("/day (7-day avg)") == true)
    #expect(Self.value(usage.rows, "Resets") == "Dec 1 00:00 UTC (in 10 d 9 h)")
    #expect(Self.value(usage.rows, "Requests MTD") != nil)
    #expect(usage.rows.contains { $0.label == "Headroom Claude Sonnet 4.x" })
    #expect(usage.footnote == "UTC · month to date · data as of 14:00Z")
    #expect(usage.title == "Usage · Nov (UTC)")
    #expect(usage.sparklines.map(\.title) == ["Tokens/min · last 60 min", "Cost/day · Nov"])
    #expect(usage.sparklines[0].values.count == 55)  // 13:52 … 14:46
    #expect(usage.sparklines[1].values.count == 20)  // Nov 1 … Nov 20
  }

  @Test func burnRateAndProjectionFromTheFixture() throws {
    let harness = Self.loaded()
    let figures = DashboardFigures(state: harness.state, now: harness.now)
    // Independent: the 7 complete days Nov 13 … Nov 19, from the profiles.
    var week = Decimal(0)
    for profile in Fixtures.profiles {
      let tokens = profile.tokens(
        from: UTCCalendar.date(year: 2026, month: 11, day: 13),
        to: UTCCalendar.date(year: 2026, month: 11, day: 20))
      week += Decimal(tokens) * profile.centsPerMillion / 1_000_000
    }
    let rate = try #require(figures.burnRate)
    #expect(rate.perDay == Money(minorUnits: week / 7))
    // 10 days 10 h from the month-to-date's 14:00 on Nov 20 to Dec 1 00:00: 36,000 s.
    let daysLeft = Decimal(10 * 86_400 + 36_000) / 86_400
    let projection = try #require(figures.projection)
    #expect(
      projection.monthEnd
        == Money(minorUnits: Self.expectedCost().minorUnits + week / 7 * daysLeft))
  }

  @Test func keyTableRows() throws {
    var harness = Self.loaded()
    // A page tall enough for every key: all twelve rows are formatted.
    harness.send(
      .layoutChanged(size: TerminalSize(columns: 120, rows: 40), pageSizes: PageSizes([.keys: 12])))
    let model = Self.model(harness)
    let table = model.keys
    #expect(table.title == "API keys (12)")
    #expect(table.rows.count == 12)
    #expect(table.rowCount == 12)
    #expect(table.firstRow == 0)
    #expect(table.columns.map(\.header) == KeyColumn.allCases.map(\.title))
    #expect(table.sortColumn == KeyColumn.cost.rawValue)
    #expect(table.sortDescending)
    func row(_ index: Int) throws -> TableRow {
      try #require(table.rows.first { $0.id == Fixtures.apiKeys[index].id })
    }
    func cell(_ index: Int, _ column: KeyColumn) throws -> String {
      try row(index).cells[column.rawValue]
    }
    #expect(try cell(0, .workspace) == "production")
    #expect(try cell(0, .createdBy) == "Ada Lovelace")
    #expect(try cell(0, .lastActive) == "today")
    #expect(
      try cell(0, .cost)
        == Format.money(Self.expectedCost(keyID: Fixtures.apiKeys[0].id, allKeys: false)))
    #expect(try cell(0, .created) == "Mar 14")
    #expect(try cell(0, .expires) == "never")
    #expect(try cell(2, .createdBy) == "service account")
    #expect(try cell(2, .workspace) == "Default")
    #expect(try cell(4, .lastActive) == "6 d ago")  // last used Nov 14
    #expect(try cell(4, .workspace) == "研究チーム")
    #expect(try cell(5, .createdBy) == Fixtures.members[4].name)  // raw: the UI sanitizes
    #expect(try cell(5, .lastActive) == "> 30 d")
    #expect(try cell(6, .workspace) == "Café ☕ experiments (archived)")
    #expect(try cell(8, .createdBy) == "—")
    #expect(try cell(8, .workspace) == "Default")
    #expect(try cell(9, .lastActive) == "never")
    #expect(try cell(9, .tokens) == "0")
    #expect(try cell(10, .lastActive) == "yesterday")
    #expect(try cell(11, .status) == "suspended")
    #expect(try row(0).role == .good)
    #expect(try row(3).role == .warning)  // expires Nov 24
    #expect(try row(5).role == .dim)
    #expect(try row(6).role == .dim)
    #expect(try row(7).role == .danger)
    #expect(try row(11).role == .normal)
    // Rows come sorted by cost, highest first; the first is selected.
    #expect(table.selectedIndex == 0)
    #expect(table.rows.first?.id == Fixtures.apiKeys[0].id)
    let keysCost = Fixtures.apiKeys.map { Self.expectedCost(keyID: $0.id, allKeys: false) }.sum()
    let noKey = Self.expectedCost(keyID: nil, allKeys: false)
    #expect(
      table.footer.hasPrefix(
        "MTD keys \(Format.money(keysCost)) + no key \(Format.money(noKey)) = \(Format.money(Self.expectedCost()))"
      ))
  }

  @Test func columnPrioritiesKeepNameStatusAndCost() {
    let columns = KeyList.columns
    let firstThree = columns.sorted { $0.priority < $1.priority }.prefix(3).map(\.header)
    #expect(firstThree == ["NAME", "STATUS", "COST MTD"])
    #expect(columns.filter(\.isFlexible).map(\.header) == ["NAME"])
  }

  @Test func legacyReportsSayWhatIsMissing() throws {
    let model = Self.model(Self.loaded(source: .legacy))
    #expect(model.keys.rows.allSatisfy { $0.cells[KeyColumn.cost.rawValue] == "—" })
    #expect(Self.value(model.usage.rows, "Requests MTD") == "n/a (legacy reports)")
    #expect(model.usage.footnote == "UTC · month to date · data ≈5 min behind (legacy reports)")
    #expect(model.keys.footer.contains("legacy reports: no per-key cost"))
    #expect(Self.value(model.overview.rows, "Reports") == "legacy")
    #expect(model.header.source.hasSuffix("· legacy"))
  }

  @Test func statusBarAgesInCoarseSteps() {
    let harness = Self.loaded()
    #expect(Self.text(Self.model(harness).status.left) == "updated just now · next refresh in 60 s")
    #expect(
      Self.text(Self.model(harness, after: 10).status.left)
        == "updated 10 s ago · next refresh in 50 s")
    // Over a minute the left side changes only every 10 s: 6 texts; the clock changes each second.
    let lefts = Set(
      (0..<60).map { Self.text(Self.model(harness, after: TimeInterval($0)).status.left) })
    #expect(lefts.count == 6)
    let clocks = Set((0..<60).map { Self.model(harness, after: TimeInterval($0)).header.clock })
    #expect(clocks.count == 60)
  }

  /// A minute on, every refresh answered with a 500.
  static func refreshFailing(_ harness: inout ReducerHarness) {
    let effects = harness.advance(by: 60)
    harness.complete(effects) { _, _ in
      .failure(
        FetchFailure(kind: .serverError, status: 500, message: "Server error", remedy: "Wait"))
    }
  }

  @Test func failureKeepsDataMarkedStaleWithTheErrorAndRetry() {
    var harness = Self.loaded()
    Self.refreshFailing(&harness)
    let model = Self.model(harness)
    #expect(model.usage.condition == .stale("stale 1 min"))
    #expect(Self.value(model.usage.rows, "Spend MTD") == Format.money(Self.expectedCost()))
    #expect(Self.text(model.status.right) == "Server error · Wait · retrying in 10 s")
    #expect(model.status.right.first?.role == .danger)
    #expect(Self.text(model.status.left).hasPrefix("updated 1 min ago"))
  }

  @Test func rateLimitedSaysSoWithTheCountdown() {
    var harness = Self.loaded()
    let effects = harness.advance(by: 60)
    harness.complete(effects) { slot, request in
      slot == .monthCost
        ? .failure(
          FetchFailure(
            kind: .rateLimited, status: 429, message: "Rate limited", remedy: "Wait", retryAfter: 30
          ))
        : .success(Fixtures.response(to: request))
    }
    #expect(Self.text(Self.model(harness).status.right) == "rate limited, retrying in 30 s")
  }

  /// Started with the key list refused (401), everything else loaded.
  static func keysRejected() -> ReducerHarness {
    var harness = ReducerHarness()
    let started = harness.start()
    harness.complete(started) { slot, request in
      slot == .apiKeys
        ? .failure(
          FetchFailure(
            kind: .unauthorized, status: 401, message: "Admin key rejected", remedy: "Check the key"
          ))
        : .success(Fixtures.response(to: request))
    }
    return harness
  }

  @Test func failedWithNothingToShow() {
    let harness = Self.keysRejected()
    let model = Self.model(harness)
    #expect(model.keys.condition == .failed("Admin key rejected. Check the key"))
    #expect(
      Self.text(model.status.right)
        == "Admin key rejected · Check the key · retrying in 5 min · r retries now")
  }

  @Test func aBlockOutranksALaterTransientFailureInTheStatusLine() {
    var harness = Self.keysRejected()
    Self.refreshFailing(&harness)
    let model = Self.model(harness)
    // The 500s are the latest failures, but only the rejected key needs the user.
    #expect(model.usage.condition == .stale("stale 1 min"))
    #expect(Self.text(model.status.right).hasPrefix("Admin key rejected · Check the key"))
    // The projector, which keeps the slots' facts between ticks, says the same.
    var projector = DashboardProjector()
    #expect(projector.viewModel(state: harness.state, now: harness.now) == model)
  }

  @Test func budgetWhenSpendLimitsAreUnreadable() throws {
    var harness = ReducerHarness()
    let started = harness.start()
    harness.complete(started) { slot, request in
      slot == .spendLimits
        ? .failure(FetchFailure(kind: .badRequest, status: 400, message: "unsupported", remedy: ""))
        : .success(Fixtures.response(to: request))
    }
    let model = Self.model(harness)
    let gauge = try #require(model.usage.gauge)
    #expect(gauge.label.hasSuffix("of $2,500.00 budget"))
    #expect(Self.value(model.usage.rows, "Limit") == "$2,500.00 (budget)")
    #expect(
      Self.value(model.overview.rows, "Spend limits")
        == "not readable for this organization · using budget $2,500.00")
    #expect(model.status.right.isEmpty)  // not an error: a documented fallback
  }

  @Test func keyDetailOverlay() throws {
    var harness = Self.loaded()
    harness.press(.character("/"))
    harness.type("prod-backend")
    harness.press(.enter)
    harness.press(.enter)
    let model = Self.model(harness)
    guard case .keyDetail(let detail) = model.overlay else {
      Issue.record("no key detail overlay")
      return
    }
    let key = Fixtures.apiKeys[0]
    #expect(detail.title == "prod-backend")
    let fields = try #require(detail.sections.first).rows
    #expect(Self.value(fields, "ID") == key.id)
    #expect(Self.value(fields, "Hint") == "sk-ant-api03-R2D...AA")
    #expect(Self.value(fields, "Status") == "active")
    #expect(Self.value(fields, "Workspace") == "production")
    #expect(Self.value(fields, "Created by") == "Ada Lovelace <ada@acme.example>")
    #expect(Self.value(fields, "Created") == "2026-03-14 09:30 UTC")
    #expect(Self.value(fields, "Expires") == "never")
    #expect(Self.value(fields, "Principal") == "—")
    #expect(Self.value(fields, "Last active") == "today")
    // Month-to-date usage without buckets ends at the hour floor of the data: 14:00.
    let hour = UTCCalendar.date(year: 2026, month: 11, day: 20, hour: 14)
    let sonnet = Fixtures.profiles[0].tokens(from: Self.monthStart, to: hour)
    let tokens = detail.sections[1].rows
    #expect(Self.value(tokens, "claude-sonnet-4-6") == Format.tokens(sonnet))
    let cost = detail.sections[2].rows
    #expect(
      Self.value(cost, "Total")
        == Format.money(Self.expectedCost(keyID: key.id, allKeys: false)))
    #expect(detail.sparklines.first?.values.count == 31)
    // An active key: rename, deactivate and archive are offered, then the overlay's keys.
    #expect(key.status == .active)
    #expect(model.hints.map(\.keys) == ["n", "d", "A", "Esc", "?", "r", "q"])
  }

  @Test func helpOverlayAndFilterHints() {
    var harness = Self.loaded()
    #expect(Self.model(harness).hints == KeyMap.hintBar)
    harness.press(.character("?"))
    #expect(Self.model(harness).hints == KeyMap.overlayHintBar)
    #expect(
      Self.model(harness).overlay
        == .help(HelpViewModel(title: "Keys", sections: KeyMap.helpSections)))
    harness.press(.escape)
    harness.press(.character("/"))
    harness.type("xyzzy")
    let model = Self.model(harness)
    #expect(model.hints == KeyMap.filterHintBar)
    #expect(model.keys.isEditingFilter)
    #expect(model.keys.filter == "xyzzy")
    #expect(model.keys.rows.isEmpty)
    #expect(model.keys.emptyMessage == "No keys match \"xyzzy\"")
    #expect(model.keys.title == "API keys (0 of 12)")
    #expect(model.keys.selectedIndex == nil)
  }
}

extension ViewModelTests {
  @Test func firstHourOfTheMonthShowsZeroNotAnError() {
    let december = UTCCalendar.date(year: 2026, month: 12, day: 1)
    // 00:03: the reports' data ends at 23:58 yesterday, so December has none yet.
    var harness = ReducerHarness(now: december.addingTimeInterval(3 * 60))
    harness.loadFixture()
    let model = Self.model(harness)
    #expect(model.usage.condition == .ready)
    #expect(Self.value(model.usage.rows, "Spend MTD") == "$0.00")
    #expect(Self.value(model.usage.rows, "Burn rate") == "— (not enough data yet)")
    #expect(Self.value(model.usage.rows, "Tokens MTD") == "0")
    #expect(model.usage.title == "Usage · Dec (UTC)")
    #expect(model.usage.gauge?.label == "0.0% of $5,000.00 org limit")
    #expect(Self.value(model.usage.rows, "Resets") == "Jan 1 00:00 UTC (in 30 d 23 h)")
  }

  @Test func limitAlreadyReachedAgainstASmallBudget() throws {
    var configuration = Fixtures.configuration
    configuration.budget = 100
    var harness = ReducerHarness(configuration: configuration)
    let started = harness.start()
    harness.complete(started) { slot, request in
      slot == .spendLimits
        ? .failure(FetchFailure(kind: .notAvailable, message: "n/a", remedy: ""))
        : .success(Fixtures.response(to: request))
    }
    let model = Self.model(harness)
    #expect(Self.value(model.usage.rows, "Limit reached") == "already")
    let over = try #require(model.usage.rows.first { $0.label == "Remaining" })
    #expect(
      over.value
        == "none: over by \(Format.money(Money(minorUnits: Self.expectedCost().minorUnits - 10_000)))"
    )
    #expect(over.role == .danger)
    #expect(model.usage.gauge?.role == .danger)
    #expect(model.usage.gauge.map { $0.fraction > 1 } == true)
    #expect(model.usage.rows.first { $0.label == "Month-end" }?.role == .warning)
  }
}

extension ViewModelTests {
  @Test func detailOfAServiceAccountKey() throws {
    var harness = Self.loaded()
    harness.press(.character("/"))
    harness.type("data-pipeline")
    harness.press(.enter)
    harness.press(.enter)
    guard case .keyDetail(let detail) = Self.model(harness).overlay else {
      Issue.record("no key detail overlay")
      return
    }
    let fields = try #require(detail.sections.first).rows
    #expect(Self.value(fields, "Created by") == "service account (svac_01Pipeline0000000000001)")
    #expect(Self.value(fields, "Principal") == "service account (svac_01Pipeline0000000000001)")
    #expect(Self.value(fields, "Workspace") == "Default")
  }
}

extension ViewModelTests {
  @Test func dataWellPastItsRefreshIsStaleEvenWithoutAnError() {
    // E.g. the machine slept: no failure was recorded, but the reports are 200 s old, more
    // than twice their 60 s lifetime plus a minute.
    let harness = Self.loaded()
    #expect(Self.model(harness, after: 170).usage.condition == .ready)
    let model = Self.model(harness, after: 200)
    #expect(model.usage.condition == .stale("stale 3 min"))
    #expect(model.keys.condition == .ready)  // keys live 5 min
    #expect(model.status.right.isEmpty)
  }
}

extension ViewModelTests {
  @Test func onlyTheRowsInViewAreFormatted() throws {
    var harness = Self.loaded()
    harness.send(
      .layoutChanged(size: TerminalSize(columns: 80, rows: 24), pageSizes: PageSizes([.keys: 5])))
    for _ in 0..<7 { harness.press(.down) }
    let table = Self.model(harness).keys
    // Selected row 7 of 12 with 5 in view: rows 3…7 are the page.
    #expect(table.selectedIndex == 7)
    #expect(table.rowCount == 12)
    #expect(table.firstRow == 3)
    #expect(table.rows.map(\.id) == harness.state.keyRows[3...7].map(\.key.id))
    // Column widths still see every row: the longest name and workspace of all twelve keys,
    // longest by UTF-8 length.
    let names = Fixtures.apiKeys.map(\.name)
    let longest = try #require(names.max { $0.utf8.count < $1.utf8.count })
    #expect(table.widestCells[KeyColumn.name.rawValue] == longest)
    #expect(
      table.widestCells[KeyColumn.workspace.rawValue].utf8.count
        == harness.state.keyRows.map(\.workspaceName.utf8.count).max())
    // Key 3 is active with an expiry date: its status may come to read "expires 23h".
    #expect(Fixtures.apiKeys[3].status == .active && Fixtures.apiKeys[3].expiresAt != nil)
    #expect(table.widestCells[KeyColumn.status.rawValue] == "expires 23h")
  }

  @Test func keyCountsFollowTheKnownStatusOrderThenTheRestByName() {
    var harness = Self.loaded()
    var keys = Fixtures.apiKeys
    keys[0].status = .unknown("zombie")
    keys[1].status = .unknown("paused")
    harness.send(.fetchCompleted(.apiKeys, .success(.apiKeys(keys)), at: harness.now))
    let counts = Dictionary(grouping: keys, by: \.status.wire).mapValues(\.count)
    #expect(harness.state.keyCountsByStatus == counts)
    let row = Self.model(harness).overview.rows.first { $0.label == "API keys" }
    let known = ["active", "inactive", "archived", "expired"].compactMap { status in
      counts[status].map { "\($0) \(status)" }
    }
    let others = ["paused", "suspended", "zombie"].compactMap { status in
      counts[status].map { "\($0) \(status)" }
    }
    #expect(row?.value == "12: " + (known + others).joined(separator: " · "))
  }

  @Test func theRowWindowKeepsTheSelectionInView() {
    let window = ListWindow.range
    #expect(window(48, 0, 3, 8) == 0..<8)
    #expect(window(48, 0, 30, 8) == 23..<31)
    #expect(window(48, 40, 2, 8) == 2..<10)
    #expect(window(48, 99, nil, 8) == 40..<48)
    #expect(window(5, 3, 1, 8) == 0..<5)
    #expect(window(0, 3, nil, 8) == 0..<0)
  }
}

extension ViewModelTests {
  /// The gauge against the `warn` and `critical` settings, compared to the cent: a spend of
  /// exactly half the budget is a warning at `warn: 0.5` and not at 0.5001; the level is a
  /// word in the label, not only a colour.
  @Test func gaugeLevelsFollowTheThresholdsExactlyAndInWords() throws {
    func gauge(budgetTimesSpend multiple: Decimal, warn: String, critical: String) throws
      -> GaugeViewModel
    {
      var first = ReducerHarness()
      first.loadFixture()
      let spend = try #require(first.state.costSummary?.total.minorUnits)
      var configuration = Fixtures.configuration
      configuration.budget = spend * multiple / 100  // dollars from cents, exact
      configuration.warnAt = Decimal(string: warn)!
      configuration.criticalAt = Decimal(string: critical)!
      var harness = ReducerHarness(configuration: configuration)
      harness.complete(harness.start()) { slot, request in
        slot == .spendLimits
          ? .failure(FetchFailure(kind: .notAvailable, message: "n/a", remedy: ""))
          : .success(Fixtures.response(to: request))
      }
      return try #require(Self.model(harness).usage.gauge)
    }
    let atWarn = try gauge(budgetTimesSpend: 2, warn: "0.5", critical: "0.9")
    #expect(atWarn.label.hasPrefix("WARNING: 50.0% of "))
    #expect(atWarn.role == .warning)
    let below = try gauge(budgetTimesSpend: 2, warn: "0.5001", critical: "0.9")
    #expect(below.label.hasPrefix("50.0% of "))
    #expect(below.role == .good)
    let critical = try gauge(budgetTimesSpend: 2, warn: "0.3", critical: "0.5")
    #expect(critical.label.hasPrefix("CRITICAL: "))
    #expect(critical.role == .danger)
    let over = try gauge(budgetTimesSpend: 1, warn: "0.8", critical: "0.95")
    #expect(over.label.hasPrefix("OVER LIMIT: 100.0% of "))
    #expect(over.role == .danger)
  }
}
