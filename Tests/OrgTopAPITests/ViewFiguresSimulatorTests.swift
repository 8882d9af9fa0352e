import AsyncHTTPClient
import Foundation
import OrgTopCore
import OrgTopSimulator
import OrgTopTestSupport
import Testing

@testable import OrgTopAPI

/// The members, workspaces and rate-limits figures on simulated organizations of several seeds
/// and sizes, read over HTTP as the dashboard reads them, each against a sum written out here
/// over the raw key list and report rows.
@Suite struct ViewFiguresSimulatorTests {
  private static let now = utc("2026-11-20T10:30:00")

  /// The state the dashboard would hold after loading every slot the figures read.
  private func loadedState(
    seed: UInt64, keyCount: Int, analytics: SimulatorConfiguration.Analytics
  ) async throws -> (DashboardState, groupTypes: Set<String>) {
    let simulator = try await SimulatorServer.start(
      SimulatorConfiguration(
        seed: seed, keyCount: keyCount, frozen: true, analytics: analytics,
        clock: { Self.now }))
    var settings = AdminClient.Configuration()
    settings.sleeper = RecordingSleeper()
    settings.now = { Self.now }
    let http = AdminClient.makeHTTPClient(configuration: settings)
    let client = AdminClient(
      key: try #require(AdminKey(simulator.adminKey)),
      baseURL: try AdminBaseURL(validating: simulator.baseURL.absoluteString), httpClient: http,
      configuration: settings)
    let source = LiveDataSource(client: client)
    let fetched = SlotStatus(fetchedAt: Self.now)
    var state = DashboardState(configuration: Fixtures.configuration)
    do {
      state.apiKeys = Loadable(value: try await source.apiKeys(), status: fetched)
      state.workspaces = Loadable(value: try await source.workspaces(), status: fetched)
      state.members = Loadable(value: try await source.members(), status: fetched)
      state.invites = Loadable(value: try await source.invites(), status: fetched)
      state.rateLimits = Loadable(value: try await source.rateLimits(), status: fetched)
      state.monthUsage = Loadable(
        value: try await source.usage(ReportWindows.monthUsage(at: Self.now)), status: fetched)
      state.monthCost = Loadable(
        value: try await source.cost(ReportWindows.monthCost(at: Self.now)), status: fetched)
      state.recentUsage = Loadable(
        value: try await source.usage(ReportWindows.recentUsage(at: Self.now)), status: fetched)
    } catch {
      try? await http.shutdown()
      await simulator.stop()
      throw error
    }
    let groupTypes = Set(simulator.engine.world.rateLimits.map(\.groupType))
    try await http.shutdown()
    await simulator.stop()
    return (state, groupTypes)
  }

  @Test(arguments: [
    (UInt64(3), 40, SimulatorConfiguration.Analytics.available),
    (UInt64(7), 600, .available),
    (UInt64(11), 2500, .available),
    (UInt64(19), 300, .absent),
  ])
  func figuresEqualIndependentSums(
    seed: UInt64, keyCount: Int, analytics: SimulatorConfiguration.Analytics
  ) async throws {
    let (state, groupTypes) = try await loadedState(
      seed: seed, keyCount: keyCount, analytics: analytics)
    let keys = try #require(state.apiKeys.value)
    let costReport = try #require(state.monthCost.value)
    let usageReport = try #require(state.monthUsage.value)
    let workspaces = try #require(state.workspaces.value)
    #expect(keys.count == keyCount)
    #expect(costReport.source == (analytics == .available ? .analytics : .legacy))

    // Members: counts and cost as sums over the key list and the cost rows.
    var costOfKey: [String: Decimal] = [:]
    for row in costReport.rows {
      if let key = row.apiKeyID { costOfKey[key, default: 0] += row.amount.minorUnits }
    }
    let members = MemberRow.rows(state: state)
    #expect(members.count == state.members.value?.count)
    var keysCreatedByMembers = 0
    for member in members {
      let created = keys.filter { $0.createdBy?.kind == .user && $0.createdBy?.id == member.id }
      keysCreatedByMembers += created.count
      #expect(member.keysCreated == created.count)
      #expect(member.activeKeysCreated == created.filter { $0.status == .active }.count)
      if costReport.source == .analytics {
        let cents = created.reduce(Decimal(0)) { $0 + (costOfKey[$1.id] ?? 0) }
        #expect(member.monthCost?.minorUnits == cents)
      } else {
        #expect(member.monthCost == nil)
      }
    }
    #expect(keysCreatedByMembers > 0)

    // Workspaces: each one's cost is the sum of the report rows naming it (null = Default),
    // and together they are the organization's spend to the cent.
    let figures = try #require(WorkspaceFigures(state: state))
    let defaultID = try #require(workspaces.first { $0.name == "Default" }?.id)
    var organization = Decimal(0)
    for row in costReport.rows { organization += row.amount.minorUnits }
    #expect(organization > 0)
    #expect(figures.totalCost?.minorUnits == organization)
    #expect(figures.totalCost == state.costSummary?.total)
    #expect(figures.rows.filter(\.isDefault).map(\.id) == [defaultID])
    var keysInRows = 0
    for row in figures.rows {
      var cents = Decimal(0)
      for cost in costReport.rows where (cost.workspaceID ?? defaultID) == row.id {
        cents += cost.amount.minorUnits
      }
      var tokens = 0
      for usage in usageReport.rows where (usage.workspaceID ?? defaultID) == row.id {
        tokens += usage.tokens.total
      }
      #expect(row.monthCost?.minorUnits == cents, "\(row.name)")
      #expect(row.monthTokens == tokens, "\(row.name)")
      let inWorkspace = keys.filter { $0.workspaceID == row.id }
      #expect(row.totalKeys == inWorkspace.count)
      #expect(row.activeKeys == inWorkspace.filter { $0.status == .active }.count)
      keysInRows += inWorkspace.count
    }
    #expect(keysInRows + (figures.keysWithoutWorkspace?.total ?? -1) == keys.count)

    // Rate limits: a row for every group the simulator configures, every limiter with its value.
    let groups = try #require(state.rateLimits.value)
    let rates = RateLimitRow.rows(state: state)
    #expect(Set(rates.map(\.groupType)) == groupTypes)
    #expect(groupTypes.isSuperset(of: ["model_group", "batch", "web_search"]))
    for (row, group) in zip(rates, groups) {
      #expect(row.id == group.groupID)
      #expect(row.limiters.map(\.type) == group.limits.map(\.type))
      #expect(row.limiters.map(\.value) == group.limits.map(\.value))
    }
    // The peaks agree with the dashboard's existing headroom figure for each measured group.
    let headroom = DashboardFigures(state: state, now: Self.now).headroom
    #expect(!headroom.isEmpty)
    for measured in headroom {
      let row = try #require(rates.first { $0.name == measured.groupName })
      let limiter = Dictionary(uniqueKeysWithValues: row.limiters.map { ($0.type, $0) })
      #expect(limiter["input_tokens_per_minute"]?.peakPerMinute == measured.peakInput)
      #expect(limiter["output_tokens_per_minute"]?.peakPerMinute == measured.peakOutput)
      #expect(limiter["requests_per_minute"]?.peakPerMinute == measured.peakRequests)
      #expect(limiter["input_tokens_per_minute"]?.headroom == measured.input)
    }
  }

  /// The derivations at 10,000 keys: one pass each, timed (printed, not asserted: the cores
  /// are shared) and checked for the reconciliation.
  @Test func derivationsAtTenThousandKeys() async throws {
    let (state, _) = try await loadedState(seed: 5, keyCount: 10_000, analytics: .available)
    let clock = ContinuousClock()
    var members: [MemberRow] = []
    var figures: WorkspaceFigures?
    var rates: [RateLimitRow] = []
    let memberTime = clock.measure { members = MemberRow.rows(state: state) }
    let workspaceTime = clock.measure { figures = WorkspaceFigures(state: state) }
    let rateTime = clock.measure { rates = RateLimitRow.rows(state: state) }
    print(
      "view figures at 10,000 keys: members \(memberTime), workspaces \(workspaceTime),"
        + " rate limits \(rateTime)")
    #expect(members.compactMap(\.keysCreated).reduce(0, +) > 0)
    #expect(figures?.totalCost == state.costSummary?.total)
    #expect(!rates.isEmpty)
  }
}
