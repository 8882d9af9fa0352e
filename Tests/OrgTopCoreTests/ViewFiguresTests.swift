import Foundation
import OrgTopCore
import OrgTopTestSupport
import Testing

/// The members, workspaces and rate-limits figures on the fixture organization, each against
/// a sum written out here over the raw facts (the key list and the report rows), not against
/// the summaries the code under test reads.
@Suite struct ViewFiguresTests {
  private static func loaded(_ source: ReportSource = .analytics) -> DashboardState {
    var harness = ReducerHarness()
    harness.loadFixture(source: source)
    return harness.state
  }

  @Test(arguments: [ReportSource.analytics, .legacy])
  func memberKeyCountsAndCostAreSumsOverTheKeyList(source: ReportSource) throws {
    let state = Self.loaded(source)
    let keys = try #require(state.apiKeys.value)
    let costRows = try #require(state.monthCost.value).rows
    let rows = MemberRow.rows(state: state)
    #expect(rows.map(\.id) == Fixtures.members.map(\.id))
    var anyCost = false
    for row in rows {
      var total = 0
      var active = 0
      var created = Set<String>()
      for key in keys where key.createdBy?.id == row.id && key.createdBy?.kind == .user {
        total += 1
        if key.status == .active { active += 1 }
        created.insert(key.id)
      }
      #expect(row.keysCreated == total, "\(row.email)")
      #expect(row.activeKeysCreated == active, "\(row.email)")
      if source == .analytics {
        var cents = Decimal(0)
        for cost in costRows where cost.apiKeyID.map(created.contains) == true {
          cents += cost.amount.minorUnits
        }
        #expect(row.monthCost?.minorUnits == cents, "\(row.email)")
        anyCost = anyCost || cents > 0
      } else {
        // The legacy cost report has no per-key cost: unknown, not zero.
        #expect(row.monthCost == nil)
      }
    }
    #expect(source == .legacy || anyCost)
    // Ada (member 0) created prod-backend (active), Café-prod (archived), suspended-key.
    #expect(rows[0].keysCreated == 3 && rows[0].activeKeysCreated == 1)
  }

  @Test func memberFiguresAreUnknownUntilTheirDataIsLoaded() {
    var state = DashboardState(configuration: Fixtures.configuration)
    state.members = Loadable(value: Fixtures.members)
    let rows = MemberRow.rows(state: state)
    #expect(rows.count == Fixtures.members.count)
    #expect(rows.allSatisfy { $0.keysCreated == nil && $0.activeKeysCreated == nil })
    #expect(rows.allSatisfy { $0.monthCost == nil })
    state.apiKeys = Loadable(value: Fixtures.apiKeys)
    let withKeys = MemberRow.rows(state: state)
    #expect(withKeys.allSatisfy { $0.keysCreated != nil && $0.monthCost == nil })
  }

  @Test func unknownRolesAreKeptAsTheyCome() {
    let added = Fixtures.now.addingTimeInterval(-86_400)
    let members = [
      Member(id: "user_a", email: "a@x", name: "A", role: .primaryOwner, addedAt: added),
      Member(
        id: "user_b", email: "b@x", name: "B", role: MemberRole(wire: "seat_wrangler"),
        addedAt: added),
    ]
    let rows = MemberRow.rows(members: members, keys: [], cost: nil)
    #expect(rows.map(\.role.wire) == ["primary_owner", "seat_wrangler"])
    #expect(rows[1].role == .unknown("seat_wrangler"))
    let invite = Invite(
      id: "invite_x", email: "c@x", role: MemberRole(wire: "future_role"), status: .pending,
      invitedAt: added, expiresAt: Fixtures.now.addingTimeInterval(86_400 * 10))
    #expect(
      InviteRow.rows(invites: [invite], now: Fixtures.now).map(\.role.wire) == ["future_role"])
  }

  @Test func invitesExpiringWithin48HoursAreMarkedExactly48Included() {
    let now = Fixtures.now
    func invite(_ id: String, expiresIn seconds: TimeInterval, status: InviteStatus = .pending)
      -> Invite
    {
      Invite(
        id: id, email: "\(id)@x", role: .developer, status: status,
        invitedAt: now.addingTimeInterval(-86_400), expiresAt: now.addingTimeInterval(seconds))
    }
    let invites = [
      invite("exactly48h", expiresIn: 48 * 3600),
      invite("justOver", expiresIn: 48 * 3600 + 1),
      invite("inOneSecond", expiresIn: 1),
      invite("lapsedNow", expiresIn: 0),
      invite("accepted", expiresIn: 3600, status: .accepted),
      invite("farAway", expiresIn: 20 * 86_400),
    ]
    let rows = InviteRow.rows(invites: invites, now: now)
    let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0) })
    #expect(byID["accepted"] == nil)
    #expect(byID["exactly48h"]?.expiresSoon == true)
    #expect(byID["justOver"]?.expiresSoon == false)
    #expect(byID["inOneSecond"]?.expiresSoon == true)
    #expect(byID["lapsedNow"]?.expiresSoon == false && byID["lapsedNow"]?.hasExpired == true)
    #expect(byID["farAway"]?.expiresSoon == false && byID["farAway"]?.hasExpired == false)
    #expect(rows.map(\.id) == ["lapsedNow", "inOneSecond", "exactly48h", "justOver", "farAway"])
    // The fixture's two invites expire on Dec 8 and Dec 10: neither within 48 h of Nov 20.
    let fixture = InviteRow.rows(state: Self.loaded(), now: now)
    #expect(fixture.count == 2 && fixture.allSatisfy { !$0.expiresSoon && !$0.hasExpired })
  }

  @Test(arguments: [ReportSource.analytics, .legacy])
  func workspaceCostsReconcileWithTheOrganizationToTheCent(source: ReportSource) throws {
    let state = Self.loaded(source)
    let figures = try #require(WorkspaceFigures(state: state))
    let costRows = try #require(state.monthCost.value).rows
    let usageRows = try #require(state.monthUsage.value).rows
    let keys = try #require(state.apiKeys.value)
    var organization = Decimal(0)
    for row in costRows { organization += row.amount.minorUnits }
    #expect(organization > 0)
    #expect(figures.totalCost?.minorUnits == organization)
    #expect(figures.totalCost == state.costSummary?.total)
    #expect(figures.rows.map(\.id) == Fixtures.workspaces.map(\.id))
    for row in figures.rows {
      var cents = Decimal(0)
      for cost in costRows where (cost.workspaceID ?? Fixtures.defaultWorkspaceID) == row.id {
        cents += cost.amount.minorUnits
      }
      var tokens = 0
      for usage in usageRows where (usage.workspaceID ?? Fixtures.defaultWorkspaceID) == row.id {
        tokens +=
          usage.tokens.uncachedInput + usage.tokens.output + usage.tokens.cacheRead
          + usage.tokens.cacheCreation5m + usage.tokens.cacheCreation1h
      }
      let inWorkspace = keys.filter { $0.workspaceID == row.id }
      #expect(row.monthCost?.minorUnits == cents, "\(row.name)")
      #expect(row.monthTokens == tokens, "\(row.name)")
      #expect(row.totalKeys == inWorkspace.count, "\(row.name)")
      #expect(row.activeKeys == inWorkspace.filter { $0.status == .active }.count)
      #expect(row.members == nil)
    }
    // The Console profile (no key) and the keyless-scope legacy-key both report in Default.
    let defaultRow = try #require(figures.rows.first { $0.isDefault })
    #expect(defaultRow.id == Fixtures.defaultWorkspaceID)
    #expect(figures.rows.filter(\.isDefault).count == 1)
    #expect(figures.rows.last?.isArchived == true)
    // legacy-key has no workspace: counted apart, in no row.
    #expect(figures.keysWithoutWorkspace == .init(total: 1, active: 1))
  }

  @Test func nullAndUnlistedWorkspacesInReportsKeepTheSumWhole() throws {
    let start = UTCCalendar.monthStart(containing: Fixtures.now)
    let query = ReportWindows.monthCost(at: Fixtures.now)
    func cost(_ workspace: String?, _ cents: String, key: String? = nil) -> CostRow {
      CostRow(
        start: start, end: Fixtures.now, apiKeyID: key, model: "m", workspaceID: workspace,
        amount: try! #require(Money(minorUnits: cents)))
    }
    let rows = [
      cost(nil, "100.125"),  // the legacy spelling of Default, no key (Console)
      cost(Fixtures.defaultWorkspaceID, "0.875", key: "apikey_x"),
      cost("wrkspc_gone", "12.5"),
      cost(Fixtures.workspaces[1].id, "1000.001"),
    ]
    let report = CostReport(query: query, rows: rows, source: .legacy, dataRefreshedAt: nil)
    let figures = WorkspaceFigures(
      workspaces: Fixtures.workspaces, keys: nil, usage: nil, cost: report,
      memberCounts: [Fixtures.workspaces[1].id: 4])
    let byID = Dictionary(uniqueKeysWithValues: figures.rows.map { ($0.id, $0) })
    #expect(byID[Fixtures.defaultWorkspaceID]?.monthCost == Money(minorUnits: 101))
    #expect(byID["wrkspc_gone"]?.monthCost == Money(minorUnits: Decimal(string: "12.5")!))
    #expect(byID["wrkspc_gone"]?.isListed == false)
    #expect(byID[Fixtures.workspaces[1].id]?.members == 4)
    #expect(figures.totalCost == Money(minorUnits: Decimal(string: "1113.501")!))
    #expect(figures.totalCost == CostSummary(report: report).total)
    // Unknown is not zero: no keys, no usage report.
    #expect(figures.rows.allSatisfy { $0.totalKeys == nil && $0.monthTokens == nil })
    #expect(figures.keysWithoutWorkspace == nil)
    // Without the Default workspace in the list, the null rows get their own Default row.
    let partial = WorkspaceFigures(
      workspaces: Array(Fixtures.workspaces.dropFirst()), keys: nil, usage: nil, cost: report)
    let synthesized = try #require(partial.rows.first { $0.id.isEmpty })
    #expect(synthesized.isDefault && !synthesized.isListed && synthesized.name == "Default")
    #expect(synthesized.monthCost == Money(minorUnits: Decimal(string: "100.125")!))
    #expect(partial.totalCost == figures.totalCost)
  }

  @Test func aReportNotGroupedByWorkspaceGivesNoWorkspaceFigure() {
    let query = ReportQuery(
      start: UTCCalendar.monthStart(containing: Fixtures.now), end: Fixtures.now, bucket: nil,
      groupBy: [.apiKey, .model])
    let report = Fixtures.costReport(query)
    let figures = WorkspaceFigures(
      workspaces: Fixtures.workspaces, keys: Fixtures.apiKeys, usage: nil, cost: report)
    #expect(figures.rows.allSatisfy { $0.monthCost == nil })
    #expect(figures.totalCost == nil)
  }

  @Test(arguments: [ReportSource.analytics, .legacy])
  func rateLimitRowsCarryEveryLimitWithTheLastHoursPeak(source: ReportSource) throws {
    let state = Self.loaded(source)
    let report = try #require(state.recentUsage.value)
    let rows = RateLimitRow.rows(state: state)
    // Every group of the fixture, its type and every configured value, in order.
    #expect(rows.map(\.groupType) == ["model_group", "model_group", "batch"])
    #expect(rows.map(\.name) == ["Claude Sonnet 4.x", "Claude Haiku 4.x", "batch"])
    for (row, group) in zip(rows, Fixtures.rateLimits) {
      #expect(row.limiters.map(\.type) == group.limits.map(\.type))
      #expect(row.limiters.map(\.value) == group.limits.map(\.value))
    }
    // The peak written out: per complete minute (ended by the data's as-of instant), the
    // group's models summed; the busiest minute.
    let asOf = try #require(report.dataRefreshedAt ?? state.recentUsage.status.fetchedAt)
    let end = min(
      report.dataRefreshedAt ?? asOf.addingTimeInterval(-DashboardFigures.legacyLag),
      report.query.end)
    for (row, group) in zip(rows, Fixtures.rateLimits) where group.groupType == "model_group" {
      var input: [Date: Int] = [:]
      var output: [Date: Int] = [:]
      var requests: [Date: Int] = [:]
      for usage in report.rows where group.models.contains(usage.model ?? "") {
        guard usage.start.addingTimeInterval(60) <= end else { continue }
        input[usage.start, default: 0] +=
          usage.tokens.uncachedInput + usage.tokens.cacheCreation5m + usage.tokens.cacheCreation1h
        output[usage.start, default: 0] += usage.tokens.output
        requests[usage.start, default: 0] += usage.requests ?? 0
      }
      let limiter = Dictionary(uniqueKeysWithValues: row.limiters.map { ($0.type, $0) })
      let peakIn = input.values.max() ?? 0
      let peakOut = output.values.max() ?? 0
      #expect(peakIn > 0, "\(row.name)")
      #expect(limiter["input_tokens_per_minute"]?.peakPerMinute == peakIn)
      #expect(limiter["output_tokens_per_minute"]?.peakPerMinute == peakOut)
      let inLimit = try #require(group.value(of: "input_tokens_per_minute"))
      #expect(
        limiter["input_tokens_per_minute"]?.headroom == 1 - Double(peakIn) / Double(inLimit))
      if source == .analytics {
        #expect(limiter["requests_per_minute"]?.peakPerMinute == requests.values.max() ?? 0)
        #expect(limiter["requests_per_minute"]?.headroom != nil)
      } else {
        // The legacy report has no request counts: no peak, no headroom, still the value.
        #expect(limiter["requests_per_minute"]?.peakPerMinute == nil)
        #expect(limiter["requests_per_minute"]?.headroom == nil)
        #expect(limiter["requests_per_minute"]?.value == 4000)
      }
    }
    // The batch group is not measured by the per-model usage report.
    #expect(rows[2].limiters.allSatisfy { $0.peakPerMinute == nil && $0.headroom == nil })
  }

  @Test func rateLimitRowsWithoutRecentUsageKnowNoPeakAndShowOverrides() {
    var state = DashboardState(configuration: Fixtures.configuration)
    #expect(RateLimitRow.rows(state: state).isEmpty)
    state.rateLimits = Loadable(value: Fixtures.rateLimits)
    let overrides = [
      RateLimitOverride(
        workspaceID: Fixtures.workspaces[1].id, groupID: Fixtures.rateLimits[0].groupID,
        limiterType: "requests_per_minute", value: 2000)
    ]
    let rows = RateLimitRow.rows(state: state, overrides: overrides)
    #expect(rows.count == 3)
    #expect(rows.allSatisfy { $0.limiters.allSatisfy { $0.peakPerMinute == nil } })
    #expect(rows[0].limiters[0].overrides == [Fixtures.workspaces[1].id: 2000])
    #expect(rows[0].limiters[1].overrides.isEmpty && rows[1].limiters[0].overrides.isEmpty)
  }

  @Test func theOverviewShowsTheConfiguredRateLimitValues() throws {
    let state = Self.loaded()
    let overview = OverviewViewModel(
      state: state, figures: DashboardFigures(state: state, now: Fixtures.now), now: Fixtures.now)
    let row = try #require(overview.rows.first { $0.label == "Rate limits" })
    // The busiest group this month is Haiku: its keys use 20 k + 40 k + 2 k tokens a minute all
    // month, Sonnet's 30 k + 5 k + 0.5 k all month and 8 k, 3 k, 1 k for part of it.
    #expect(row.value == "Haiku 4.x 4,000 RPM · 4 M in/min · 800 k out/min · +2 groups")
    var empty = DashboardState(configuration: Fixtures.configuration)
    let pending = OverviewViewModel(
      state: empty, figures: DashboardFigures(state: empty, now: Fixtures.now),
      now: Fixtures.now)
    #expect(pending.rows.first { $0.label == "Rate limits" }?.value == "…")
    empty.rateLimits = Loadable(value: [Fixtures.rateLimits[2]])
    let batchOnly = OverviewViewModel(
      state: empty, figures: DashboardFigures(state: empty, now: Fixtures.now),
      now: Fixtures.now)
    #expect(
      batchOnly.rows.first { $0.label == "Rate limits" }?.value
        == "batch 500,000 enqueued_batch_requests")
  }
}
