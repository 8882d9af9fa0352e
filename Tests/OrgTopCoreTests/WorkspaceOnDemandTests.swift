import Foundation
import OrgTopCore
import OrgTopTestSupport
import Testing

/// The resources kept per workspace (``KeyedSlot``), driven by keys: fetched only for the view
/// that shows them, bounded in flight, kept per workspace id, refreshed on their period, and
/// shown as "…" while unknown.
@Suite("Workspace members and rate-limit overrides on demand")
struct WorkspaceOnDemandTests {
  /// The fixture loaded, with the workspaces list `page` rows high.
  private func loaded(workspacePage page: Int) -> ReducerHarness {
    var harness = ReducerHarness()
    harness.loadFixture()
    harness.send(
      .layoutChanged(
        size: TerminalSize(columns: 120, rows: 40),
        pageSizes: PageSizes([.keys: 8, .workspaces: page, .rateLimits: 10, .members: 8])))
    return harness
  }

  private func memberFetches(_ effects: [Effect]) -> [String] {
    ReducerHarness.keyedFetches(in: effects).compactMap { slot, key, request in
      #expect(request == .workspaceMembers(workspaceID: key))
      return slot == .workspaceMembers ? key : nil
    }
  }

  private func membersCell(_ state: DashboardState, _ id: String) -> String? {
    let derived = Derivation(state: state)
    let table = WorkspaceList.table(
      state: state, workspaces: derived.workspaces, cost: derived.costSummary, now: Fixtures.now)
    let column = WorkspaceColumn.members.rawValue
    return table.rows.first { $0.id == id }?.cells[column]
  }

  @Test func nothingIsFetchedPerWorkspaceOnTheDashboard() {
    var harness = loaded(workspacePage: 10)
    #expect(ReducerHarness.keyedFetches(in: harness.advance(by: 3600)).isEmpty)
    #expect(ReducerHarness.keyedFetches(in: harness.press(.character("2"))).isEmpty)
    #expect(harness.state.workspaceMembers.isEmpty)
  }

  @Test func aKioskLoadsBothColumnsBeforeItsRotationShowsThem() {
    // Nobody presses 3 or 4 on a wall: the rotation shows every view, so its columns are
    // loaded from the start instead of showing "…" the first time each page comes round.
    var configuration = Fixtures.configuration
    configuration.kiosk = KioskSettings()
    var harness = ReducerHarness(configuration: configuration)
    harness.send(
      .layoutChanged(
        size: TerminalSize(columns: 120, rows: 40),
        pageSizes: PageSizes([.keys: 8, .workspaces: 10, .rateLimits: 10, .members: 8])))
    let produced = harness.complete(harness.start())
    harness.completeKeyed(produced + harness.advance(by: 1))
    #expect(harness.state.view == .dashboard)
    let live = harness.state.liveWorkspaceIDs
    #expect(!live.isEmpty)
    #expect(harness.state.overridesProgress == (live.count, live.count))
    for row in harness.state.workspaceRows where row.isListed && !row.id.isEmpty {
      #expect(row.members == Fixtures.workspaceMemberCounts[row.id])
    }
  }

  @Test func membersAreFetchedForTheWorkspacesOnThePageOnly() {
    var harness = loaded(workspacePage: 2)
    let effects = harness.press(.character("3"))
    // The page's two rows, as sorted by the list (cost, most first), and no other.
    let onPage = harness.state.workspaceRows.prefix(2).map(\.id)
    #expect(memberFetches(effects) == onPage)
    harness.completeKeyed(effects)
    for id in onPage {
      #expect(
        harness.state.workspaceRows.first { $0.id == id }?.members
          == Fixtures.workspaceMemberCounts[id])
    }
    // A workspace below the page is not asked about until the page reaches it.
    let third = harness.state.workspaceRows[2].id
    #expect(harness.state.workspaceMembers[third] == nil)
    harness.press(.down)
    let scrolled = harness.press(.down)
    #expect(memberFetches(scrolled) == [third])
    #expect(membersCell(harness.state, third) == "…")
  }

  @Test func atMostFourAreInFlightAndACompletionStartsTheNext() {
    var harness = loaded(workspacePage: 10)
    let effects = harness.press(.character("3"))
    let listed = harness.state.workspaceRows.map(\.id)
    #expect(listed.count == 5)
    #expect(memberFetches(effects) == Array(listed.prefix(KeyedSlot.maxInFlight)))
    let first = ReducerHarness.keyedFetches(in: effects)[0]
    let next = harness.send(
      .keyedFetchCompleted(
        first.0, key: first.1, .success(Fixtures.response(to: first.2)), at: harness.now))
    #expect(memberFetches(next) == [listed[4]])
  }

  @Test func unknownIsShownAsEllipsisNotZeroAndAFailureKeepsItUnknown() {
    var harness = loaded(workspacePage: 10)
    let effects = harness.press(.character("3"))
    let id = ReducerHarness.keyedFetches(in: effects)[0].1
    #expect(membersCell(harness.state, id) == "…")
    let failure = FetchFailure(kind: .serverError, status: 500, message: "boom", remedy: "")
    let next = harness.send(
      .keyedFetchCompleted(.workspaceMembers, key: id, .failure(failure), at: harness.now))
    // The others answer (their places in flight free up).
    let others = effects.filter { if case .fetchKeyed(_, id, _) = $0 { false } else { true } }
    harness.completeKeyed(others + next)
    #expect(membersCell(harness.state, id) == "…")
    let status = harness.state.workspaceMembers[id]?.status
    #expect(status?.consecutiveFailures == 1)
    #expect(status?.nextAttempt == harness.now.addingTimeInterval(5))
    // Retried after its backoff, on its own.
    let retry = harness.advance(by: 5)
    #expect(memberFetches(retry).contains(id))
  }

  @Test func aRateLimitOnOneWorkspaceHoldsTheOthersUntilItsRetry() {
    var harness = loaded(workspacePage: 10)
    let effects = harness.press(.character("3"))
    let asked = ReducerHarness.keyedFetches(in: effects)
    let limited = FetchFailure(
      kind: .rateLimited, status: 429, message: "slow down", remedy: "", retryAfter: 30)
    // The first answers 429: the fifth workspace, whose place it frees, is not asked.
    let next = harness.send(
      .keyedFetchCompleted(.workspaceMembers, key: asked[0].1, .failure(limited), at: harness.now))
    #expect(memberFetches(next).isEmpty)
    // The others answer; still nothing new until the retry time.
    harness.completeKeyed(Array(effects.dropFirst()))
    #expect(memberFetches(harness.advance(by: 29)).isEmpty)
    // At the retry, the limited one and the fifth (two places, four free).
    let resumed = memberFetches(harness.advance(by: 1))
    #expect(Set(resumed) == [asked[0].1, harness.state.workspaceRows.map(\.id)[4]])
  }

  @Test func membersAreRefreshedOnTheSlowPeriodOnlyWhileShown() {
    var harness = loaded(workspacePage: 10)
    harness.completeKeyed(harness.press(.character("3")))
    #expect(harness.state.workspaceMembers.count == 5)
    let period = harness.state.configuration.refreshPolicy.slowTTL
    #expect(memberFetches(harness.advance(by: period - 1)).isEmpty)
    #expect(memberFetches(harness.advance(by: 1)).count == KeyedSlot.maxInFlight)
    // Back on the dashboard nothing more is asked, however long it waits.
    harness.completeKeyed(harness.effects)
    harness.press(.character("1"))
    #expect(memberFetches(harness.advance(by: period * 3)).isEmpty)
  }

  @Test func overridesAreReadForEveryLiveWorkspaceOnTheRateLimitsView() {
    var harness = loaded(workspacePage: 10)
    let effects = harness.press(.character("4"))
    let asked = ReducerHarness.keyedFetches(in: effects)
    let live = Fixtures.workspaces.filter { $0.archivedAt == nil }.map(\.id)
    #expect(asked.map(\.1) == Array(live.prefix(KeyedSlot.maxInFlight)))
    #expect(asked.allSatisfy { $0.0 == .workspaceRateLimits })
    // Unknown until every workspace is read.
    let sonnetRequests = "rlg_01VPTCmyiu5ZLsWkcxYG2pY8/requests_per_minute"
    func cell(_ id: String) -> String? {
      let table = RateLimitList.table(state: harness.state, now: harness.now)
      return table.rows.first { $0.id == id }?.cells[RateLimitColumn.overrides.rawValue]
    }
    #expect(cell(sonnetRequests) == "…")
    harness.completeKeyed(effects)
    #expect(harness.state.overridesProgress == (read: live.count, of: live.count))
    // Written out from the fixture: production overrides Sonnet's requests, research its
    // output tokens; nothing else.
    let expected: [String: [String: Int]] = [
      sonnetRequests: ["wrkspc_01Production000000000001": 2000],
      "rlg_01VPTCmyiu5ZLsWkcxYG2pY8/output_tokens_per_minute": [
        "wrkspc_01Research0000000000003": 100_000
      ],
    ]
    for line in harness.state.rateLimitLines {
      #expect(line.limiter.overrides == (expected[line.listID] ?? [:]), "\(line.listID)")
      #expect(cell(line.listID) == "\(expected[line.listID]?.count ?? 0)")
    }
    // The selected line's overrides are named in the footer.
    while harness.state.rateLimitList.selectedID != sonnetRequests { harness.press(.down) }
    let footer = RateLimitList.table(state: harness.state, now: harness.now).footer
    #expect(footer == "Overrides: production 2,000")
  }

  @Test func anOlderAnswerWithoutSourceCountsADifferentValueAsTheWorkspaces() {
    let limits = [
      WorkspaceRateLimit(
        workspaceID: "w", rateLimitID: "rl", groupType: "model_group", groupID: "g",
        displayName: nil, models: [],
        limits: [
          .init(type: "a", value: 5, orgLimit: 10, source: nil),
          .init(type: "b", value: 10, orgLimit: 10, source: nil),
          .init(type: "c", value: 10, orgLimit: 10, source: .workspace),
          .init(type: "d", value: 3, orgLimit: 10, source: .organization),
        ])
    ]
    #expect(
      RateLimitOverride.overrides(in: limits) == [
        RateLimitOverride(workspaceID: "w", groupID: "g", limiterType: "a", value: 5),
        RateLimitOverride(workspaceID: "w", groupID: "g", limiterType: "c", value: 10),
      ])
  }

  @Test func refreshMakesEveryKeyDueAgain() {
    var harness = loaded(workspacePage: 10)
    harness.completeKeyed(harness.press(.character("3")))
    let effects = harness.press(.character("r"))
    #expect(memberFetches(effects).count == KeyedSlot.maxInFlight)
  }
}
