import AsyncHTTPClient
import Foundation
import OrgTopCore
import OrgTopSimulator
import Testing

@testable import OrgTopAPI

/// The client against the real simulator on loopback: the production path end to end.
@Suite struct SimulatorEndToEndTests {
  /// A fixed instant well inside the API's accepted report range.
  private static let now = utc("2026-11-20T10:30:00")

  private func withSimulator<T>(
    _ configuration: SimulatorConfiguration, _ tweak: Tweak = Tweak { _ in },
    _ body: (LiveDataSource, AdminClient, RunningSimulator, RecordingSleeper) async throws -> T
  ) async throws -> T {
    let simulator = try await SimulatorServer.start(configuration)
    let sleeper = RecordingSleeper()
    var settings = AdminClient.Configuration()
    settings.sleeper = sleeper
    settings.retry = RetryPolicy(jitter: { 1 })
    settings.now = { Self.now }
    tweak.apply(&settings)
    let http = AdminClient.makeHTTPClient(configuration: settings)
    let client = AdminClient(
      key: try #require(AdminKey(simulator.adminKey)),
      baseURL: try AdminBaseURL(validating: simulator.baseURL.absoluteString), httpClient: http,
      configuration: settings)
    do {
      let result = try await body(LiveDataSource(client: client), client, simulator, sleeper)
      try await http.shutdown()
      await simulator.stop()
      return result
    } catch {
      try? await http.shutdown()
      await simulator.stop()
      throw error
    }
  }

  private static func configuration(
    keyCount: Int = 40, analytics: SimulatorConfiguration.Analytics = .available,
    spendLimits: SimulatorConfiguration.SpendLimits = .readable, faults: [FaultRule] = []
  ) -> SimulatorConfiguration {
    SimulatorConfiguration(
      seed: 7, keyCount: keyCount, frozen: true, analytics: analytics, spendLimits: spendLimits,
      faults: faults, clock: { now })
  }

  @Test func everyResourceMatchesTheSimulatedWorld() async throws {
    try await withSimulator(Self.configuration(keyCount: 1234)) { source, _, simulator, _ in
      let world = simulator.engine.world
      let organization = try await source.organization()
      #expect(organization.id == world.organization.id)
      #expect(organization.name == world.organization.name)
      let keys = try await source.apiKeys()
      #expect(keys.count == world.keys.count)
      #expect(Set(keys.map(\.id)) == Set(world.keys.map(\.id)))
      let workspaces = try await source.workspaces()
      #expect(Set(workspaces.map(\.id)) == Set(world.workspaces.map(\.id)))
      #expect(workspaces.contains { $0.name == "Default" })
      let members = try await source.members()
      #expect(Set(members.map(\.id)) == Set(world.users.map(\.id)))
      let invites = try await source.invites()
      #expect(invites.allSatisfy { $0.status == .pending })
      // A stored "pending" invite past its expiry is served as expired.
      let nowMicros = Int64(Self.now.timeIntervalSince1970 * 1_000_000)
      let pending = world.invites.filter { $0.status == "pending" && $0.expiresAt > nowMicros }
      #expect(Set(invites.map(\.id)) == Set(pending.map(\.id)))
      let groups = try await source.rateLimits()
      #expect(groups.map(\.id) == world.rateLimits.map(\.id))
      let spend = try await source.spendLimits()
      #expect(spend.contains { $0.scope == .usageTier })
      #expect(spend.allSatisfy { $0.scope == .organization || $0.scope == .usageTier })
    }
  }

  @Test func analyticsAndLegacyTotalsAgree() async throws {
    // Whole UTC days, so both families cover exactly the same usage.
    let query = ReportQuery(
      start: utc("2026-11-01T00:00:00"), end: utc("2026-11-20T00:00:00"), bucket: nil,
      groupBy: [.model])
    let analytics = try await withSimulator(Self.configuration()) { source, _, _, _ in
      let usage = try await source.usage(query)
      let cost = try await source.cost(query)
      #expect(usage.source == .analytics)
      #expect(usage.dataRefreshedAt != nil)
      return (usage.rows, cost.rows)
    }
    let legacy = try await withSimulator(Self.configuration(analytics: .absent)) {
      source, _, _, _ in
      let usage = try await source.usage(query)
      let cost = try await source.cost(query)
      #expect(usage.source == .legacy && cost.source == .legacy)
      return (usage.rows, cost.rows)
    }
    func tokensByModel(_ rows: [UsageRow]) -> [String: Int] {
      rows.reduce(into: [:]) { $0[$1.model ?? "-", default: 0] += $1.tokens.total }
    }
    #expect(tokensByModel(analytics.0) == tokensByModel(legacy.0))
    #expect(tokensByModel(analytics.0).values.reduce(0, +) > 0)
    #expect(analytics.0.allSatisfy { $0.requests != nil })
    #expect(legacy.0.allSatisfy { $0.requests == nil })
    // Cost: the legacy report excludes Priority Tier, so it can only be lower or equal.
    let analyticsCost = analytics.1.map(\.amount).sum()
    let legacyCost = legacy.1.map(\.amount).sum()
    #expect(legacyCost <= analyticsCost)
    #expect(legacyCost.minorUnits > 0)
  }

  @Test func unreadableSpendLimitsAreNotAvailable() async throws {
    try await withSimulator(Self.configuration(spendLimits: .unsupported)) { source, _, _, _ in
      do {
        _ = try await source.spendLimits()
        Issue.record("expected notAvailable")
      } catch let failure as FetchFailure {
        #expect(failure.kind == .notAvailable)
      }
    }
  }

  @Test func rateLimitFaultsAreRetriedWithTheServersDelay() async throws {
    let faults = [
      FaultRule(kind: .status(429), path: "/v1/organizations/me", retryAfterMilliseconds: 1500)
    ]
    try await withSimulator(Self.configuration(faults: faults)) { source, _, _, sleeper in
      do {
        _ = try await source.organization()
        Issue.record("expected a rate limit")
      } catch let failure as FetchFailure {
        #expect(failure.kind == .rateLimited)
        #expect(failure.retryAfter == 1.5)
      }
      #expect(await sleeper.delays == [1.5, 1.5])
      // Other paths are unaffected.
      #expect(try await source.workspaces().isEmpty == false)
    }
  }

  @Test func truncatedAndMalformedBodiesAreMalformedResponses() async throws {
    let faults = [
      FaultRule(kind: .truncate, path: "/v1/organizations/users"),
      FaultRule(kind: .malformed, path: "/v1/organizations/workspaces"),
    ]
    try await withSimulator(Self.configuration(faults: faults)) { source, _, _, _ in
      for call in [{ _ = try await source.members() }, { _ = try await source.workspaces() }] {
        do {
          try await call()
          Issue.record("expected a malformed response")
        } catch let failure as FetchFailure {
          #expect(failure.kind == .malformedResponse)
          #expect(failure.status == 200)
        }
      }
    }
  }

  @Test func expiredAnalyticsCursorsRestartOnceThenFail() async throws {
    // Every request with a page cursor expires: the walk restarts once, then reports the 410.
    let faults = [FaultRule(kind: .status(410), path: "/v1/organizations/analytics/*")]
    let query = AnalyticsQuery(
      startingAt: utc("2026-11-01T00:00:00"), endingAt: utc("2026-11-20T00:00:00"),
      bucketWidth: .day, groupBy: ["model"], limit: 5)
    try await withSimulator(Self.configuration(faults: faults)) { _, client, simulator, _ in
      let error = await clientError { () async throws(AdminClientError) in
        try await client.analyticsUsage(query)
      }
      guard case .api(let apiError) = error else {
        Issue.record("expected a 410, got \(String(describing: error))")
        return
      }
      #expect(apiError.status == 410)
      let log = await simulator.requestLog
      #expect(log.map(\.status) == [200, 410, 200, 410])
      #expect(log.map { $0.query.contains("page=") } == [false, true, false, true])
    }
  }

  @Test func aWrongKeyIsUnauthorized() async throws {
    let simulator = try await SimulatorServer.start(Self.configuration())
    // The self-owning client, as the dashboard command makes it.
    let client = AdminClient.make(
      key: try #require(AdminKey("sk-ant-admin01-not-the-right-key-000000")),
      baseURL: try AdminBaseURL(validating: simulator.baseURL.absoluteString))
    do {
      _ = try await LiveDataSource(client: client).organization()
      Issue.record("expected 401")
    } catch let failure as FetchFailure {
      #expect(failure.kind == .unauthorized)
      #expect(failure.remedy.contains("ANTHROPIC_ADMIN_KEY"))
      #expect(failure.status == 401)
    }
    await client.shutdown()
    await simulator.stop()
  }
}
