import Foundation
import OrgTopCore
import OrgTopTestSupport
import Testing

/// The snapshot's figures against sums written out here over the report rows, never through
/// ``CostSummary`` or ``MonthBreakdown``; and the JSON document's shape.
@Suite("Snapshot: figures reconcile")
struct SnapshotTests {
  private static func loaded(_ source: ReportSource) -> (DashboardState, OrgSnapshot) {
    var harness = ReducerHarness()
    harness.loadFixture(source: source)
    let snapshot = OrgSnapshot(
      state: harness.state, now: harness.now,
      source: OrgSnapshot.Source(baseURL: "http://127.0.0.1:1", demo: true))
    return (harness.state, snapshot)
  }

  private static func dollars(_ rows: some Sequence<CostRow>) -> Decimal {
    rows.reduce(Decimal(0)) { $0 + $1.amount.minorUnits } / 100
  }

  @Test(arguments: [ReportSource.analytics, .legacy])
  func totalsWorkspacesAndKeysReconcileToTheCent(_ source: ReportSource) throws {
    let (state, snapshot) = Self.loaded(source)
    let rows = try #require(state.monthCost.value?.rows)
    let total = Self.dollars(rows)
    let cost = try #require(snapshot.cost)
    #expect(cost.totalUSD.amount == total)
    #expect(total > 0)
    // Workspaces: each row's workspace, and together the whole month.
    let workspaces = try #require(snapshot.workspaces)
    var workspaceSum = Decimal(0)
    for workspace in workspaces {
      let expected = Self.dollars(
        rows.filter { ($0.workspaceID ?? Fixtures.defaultWorkspaceID) == workspace.id })
      #expect(workspace.costUSD?.amount == expected, "\(workspace.name)")
      workspaceSum += workspace.costUSD?.amount ?? 0
    }
    #expect(workspaceSum == total)
    // Per model.
    for model in cost.byModel {
      #expect(
        model.costUSD?.amount
          == Self.dollars(rows.filter { ($0.model ?? "(no model)") == model.model }))
    }
    let keys = try #require(snapshot.keys)
    #expect(Set(keys.map(\.id)) == Set(Fixtures.apiKeys.map(\.id)))
    switch source {
    case .analytics:
      let keysUSD = try #require(cost.keysUSD?.amount)
      let noKeyUSD = try #require(cost.noKeyUSD?.amount)
      #expect(keysUSD + noKeyUSD == total)
      #expect(noKeyUSD == Self.dollars(rows.filter { $0.apiKeyID == nil }))
      #expect(noKeyUSD > 0)
      for key in keys {
        #expect(
          key.costUSD?.amount == Self.dollars(rows.filter { $0.apiKeyID == key.id }), "\(key.id)")
      }
      // The table's order: cost, highest first.
      let costs = keys.compactMap { $0.costUSD?.amount }
      #expect(costs == costs.sorted(by: >))
    case .legacy:
      #expect(cost.keysUSD == nil)
      #expect(cost.noKeyUSD == nil)
      #expect(keys.allSatisfy { $0.costUSD == nil })
    }
  }

  @Test(arguments: [ReportSource.analytics, .legacy])
  func tokensByKindAddUpPerKeyAndOverall(_ source: ReportSource) throws {
    let (state, snapshot) = Self.loaded(source)
    let rows = try #require(state.monthUsage.value?.rows)
    func kinds(_ rows: [UsageRow]) -> [Int] {
      [
        rows.map(\.tokens.uncachedInput).reduce(0, +),
        rows.map { $0.tokens.cacheCreation5m + $0.tokens.cacheCreation1h }.reduce(0, +),
        rows.map(\.tokens.cacheRead).reduce(0, +), rows.map(\.tokens.output).reduce(0, +),
      ]
    }
    func kinds(_ tokens: OrgSnapshot.Tokens?) -> [Int] {
      guard let tokens else { return [] }
      #expect(
        tokens.total == tokens.uncachedInput + tokens.cacheCreation + tokens.cacheRead
          + tokens.output)
      return [tokens.uncachedInput, tokens.cacheCreation, tokens.cacheRead, tokens.output]
    }
    #expect(kinds(snapshot.tokens) == kinds(rows))
    for key in try #require(snapshot.keys) {
      #expect(kinds(key.tokens) == kinds(rows.filter { $0.apiKeyID == key.id }), "\(key.id)")
    }
    for workspace in try #require(snapshot.workspaces) {
      let expected = rows.filter { ($0.workspaceID ?? Fixtures.defaultWorkspaceID) == workspace.id }
      #expect(kinds(workspace.tokens) == kinds(expected), "\(workspace.name)")
    }
  }

  @Test func membersCountTheKeysTheyCreatedAndTheirCost() throws {
    let (state, snapshot) = Self.loaded(.analytics)
    let rows = try #require(state.monthCost.value?.rows)
    for member in try #require(snapshot.members) {
      let created = Fixtures.apiKeys.filter {
        $0.createdBy?.kind == .user && $0.createdBy?.id == member.id
      }
      #expect(member.keys == created.count, "\(member.email)")
      #expect(member.activeKeys == created.filter { $0.status == .active }.count)
      let ids = Set(created.map(\.id))
      #expect(
        member.costUSD?.amount == Self.dollars(rows.filter { ids.contains($0.apiKeyID ?? "") }))
    }
    #expect(try #require(snapshot.members).contains { $0.keys > 0 })
  }

  @Test func theLimitIsTheOrganizationsAndItsRemainderIsExact() throws {
    let (state, snapshot) = Self.loaded(.analytics)
    let spent = Self.dollars(try #require(state.monthCost.value?.rows))
    let limit = try #require(snapshot.limit)
    #expect(limit.source == "spend_limit")
    #expect(limit.amountUSD?.amount == 5000)
    #expect(limit.remainingUSD?.amount == 5000 - spent)
    #expect(limit.resetsAt == UTCCalendar.date(year: 2026, month: 12, day: 1))
  }

  @Test func jsonKeepsEveryKeyWritesMoneyAsStringsAndTimesInUTC() throws {
    let (_, snapshot) = Self.loaded(.legacy)
    let object = try #require(
      try JSONSerialization.jsonObject(with: try snapshot.json()) as? [String: Any])
    #expect(object["schema_version"] as? Int == 1)
    let cost = try #require(object["cost"] as? [String: Any])
    #expect(cost["total_usd"] is String)
    // Unknown is null, never a missing key and never zero.
    #expect(cost["keys_usd"] is NSNull)
    #expect(cost["no_key_usd"] is NSNull)
    let keys = try #require(object["keys"] as? [[String: Any]])
    #expect(keys.allSatisfy { $0["cost_usd"] is NSNull && $0.keys.contains("expires_at") })
    #expect(object["generated_at"] as? String == "2026-11-20T14:52:07Z")
    let window = try #require(object["window"] as? [String: Any])
    #expect(window["start"] as? String == "2026-11-01T00:00:00Z")
    #expect((object["errors"] as? [Any])?.isEmpty == true)
  }

  @Test func aFailedResourceIsAnErrorWithItsRemedyAndItsFiguresAreNull() throws {
    var harness = ReducerHarness()
    let started = harness.start()
    let failure = FetchFailure(
      kind: .serverError, status: 500, message: "The API failed (500)", remedy: "Wait")
    harness.complete(started) { slot, request in
      slot == .members ? .failure(failure) : .success(Fixtures.response(to: request))
    }
    let snapshot = OrgSnapshot(
      state: harness.state, now: harness.now,
      source: OrgSnapshot.Source(baseURL: "x", demo: false))
    #expect(snapshot.members == nil)
    let error = try #require(snapshot.errors.first)
    #expect(snapshot.errors.count == 1)
    #expect(error.resource == "members" && error.kind == "serverError" && error.status == 500)
    #expect(error.message == failure.message && error.remedy == "Wait")
  }
}
