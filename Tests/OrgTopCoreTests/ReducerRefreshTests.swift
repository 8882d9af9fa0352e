import Foundation
import OrgTopCore
import OrgTopTestSupport
import Testing

@Suite("Reducer: refresh policy")
struct ReducerRefreshTests {
  typealias Harness = ReducerHarness

  static func slots(_ effects: [Effect]) -> Set<DataSlot> {
    Set(Harness.fetches(in: effects).map(\.0))
  }

  static func failure(_ kind: FetchFailure.Kind, retryAfter: TimeInterval? = nil) -> FetchFailure {
    FetchFailure(
      kind: kind, status: 500, message: "Server error", remedy: "Wait", retryAfter: retryAfter)
  }

  @Test func startFetchesEverythingWithTheDocumentedWindows() throws {
    var harness = Harness()
    let effects = harness.start()
    let fetches = Dictionary(
      uniqueKeysWithValues: Harness.fetches(in: effects).map { ($0.0, $0.1) })
    #expect(Set(fetches.keys) == Set(DataSlot.allCases))
    let now = Fixtures.now  // 2026-11-20T14:52:07Z
    let monthStart = UTCCalendar.date(year: 2026, month: 11, day: 1)
    #expect(
      fetches[.monthUsage]
        == .usage(
          ReportQuery(
            start: monthStart, end: now, bucket: nil, groupBy: [.apiKey, .model, .workspace])))
    #expect(
      fetches[.monthCost]
        == .cost(
          ReportQuery(
            start: monthStart, end: now, bucket: nil, groupBy: [.apiKey, .model, .workspace])))
    #expect(
      fetches[.dailyCost]
        == .cost(ReportQuery(start: monthStart, end: now, bucket: .day, groupBy: [])))
    #expect(
      fetches[.recentUsage]
        == .usage(
          ReportQuery(
            start: UTCCalendar.date(year: 2026, month: 11, day: 20, hour: 13, minute: 52),
            end: now, bucket: .minute, groupBy: [.model])))
    #expect(
      fetches[.keyActivity]
        == .usage(
          ReportQuery(
            start: UTCCalendar.date(year: 2026, month: 10, day: 21), end: now, bucket: .day,
            groupBy: [.apiKey])))
    #expect(fetches[.spendLimits] == .spendLimits)
    // Everything is in flight: the one deadline is giving up on a fetch that never answers.
    let timeout = harness.state.configuration.refreshPolicy.inFlightTimeout
    #expect(Harness.wake(in: effects) == now.addingTimeInterval(timeout + 1))
    #expect(DataSlot.allCases.allSatisfy { harness.state[status: $0].isInFlight })
  }

  @Test func singleFlightPerSlot() {
    var harness = Harness()
    harness.start()
    let tick = harness.advance(by: 120)
    #expect(Harness.fetches(in: tick).isEmpty)
    // No wake-up for the passing seconds: the next is the in-flight timeout's.
    let timeout = harness.state.configuration.refreshPolicy.inFlightTimeout
    #expect(Harness.wake(in: tick) == Fixtures.now.addingTimeInterval(timeout + 1))
  }

  @Test func theMonthsTurnIsAWakeUpOfItsOwn() {
    // Everything loaded 30 s before midnight UTC on the last day: the reports are next due
    // 30 s into the new month, but the old month's figures must go at 00:00.
    var harness = Harness(
      now: UTCCalendar.date(year: 2026, month: 11, day: 30, hour: 23, minute: 59, second: 30))
    harness.loadFixture()
    #expect(Harness.wake(in: harness.effects) == UTCCalendar.date(year: 2026, month: 12, day: 1))
  }

  @Test func timeToLiveOfEachSlot() {
    var harness = Harness()
    harness.loadFixture()
    let expected: [DataSlot: TimeInterval] = [
      .organization: 600, .rateLimits: 600, .apiKeys: 300, .workspaces: 300, .members: 300,
      .invites: 300, .spendLimits: 300, .monthUsage: 60, .monthCost: 60, .recentUsage: 60,
      .keyActivity: 300, .dailyCost: 60,
    ]
    for (slot, ttl) in expected {
      let status = harness.state[status: slot]
      #expect(status.nextAttempt == Fixtures.now.addingTimeInterval(ttl), "\(slot)")
      #expect(status.fetchedAt == Fixtures.now)
      #expect(!status.isInFlight)
    }
    #expect(Harness.fetches(in: harness.advance(by: 59)).isEmpty)
    let reports = harness.advance(by: 1)
    #expect(Self.slots(reports) == [.monthUsage, .monthCost, .recentUsage, .dailyCost])
    harness.complete(reports)
    #expect(
      Self.slots(harness.advance(by: 240)) == [
        .apiKeys, .workspaces, .members, .invites, .spendLimits, .keyActivity, .monthUsage,
        .monthCost, .recentUsage, .dailyCost,
      ])
  }

  @Test func refreshIntervalComesFromTheConfiguration() {
    var configuration = Fixtures.configuration
    configuration.refreshInterval = 120
    var harness = Harness(configuration: configuration)
    harness.loadFixture()
    #expect(harness.state[status: .monthCost].nextAttempt == Fixtures.now.addingTimeInterval(120))
    configuration.refreshInterval = 1
    #expect(configuration.refreshPolicy.ttl(for: .monthCost) == 10)
  }

  @Test func wakeIsTheEarliestDeadlineWithNoClockTick() {
    var harness = Harness(now: UTCCalendar.date(year: 2026, month: 11, day: 20, hour: 10))
    #expect(harness.state.configuration.showsClock)
    harness.loadFixture()
    // The reports' refresh, a minute on, however often the screen's clock ticks.
    #expect(Harness.wake(in: harness.effects) == harness.now.addingTimeInterval(60))
    let effects = harness.send(
      .fetchCompleted(.monthCost, .failure(Self.failure(.serverError)), at: harness.now))
    // The first retry, in 5 s, is sooner.
    #expect(Harness.wake(in: effects) == harness.now.addingTimeInterval(5))
  }

  @Test func backoffDoublesUpToFiveMinutes() {
    var harness = Harness()
    harness.loadFixture()
    var effects = harness.advance(by: 60)
    var delays: [TimeInterval] = []
    for _ in 0..<8 {
      harness.complete(effects) { slot, request in
        slot == .monthCost
          ? .failure(Self.failure(.serverError)) : .success(Fixtures.response(to: request))
      }
      let next = harness.state[status: .monthCost].nextAttempt ?? .distantPast
      delays.append(next.timeIntervalSince(harness.now))
      effects = harness.advance(by: next.timeIntervalSince(harness.now))
      #expect(Self.slots(effects).contains(.monthCost))
    }
    #expect(delays == [5, 10, 20, 40, 80, 160, 300, 300])
    #expect(harness.state[status: .monthCost].consecutiveFailures == 8)
    // A success resets the count and returns to the refresh interval.
    harness.complete(effects)
    #expect(harness.state[status: .monthCost].consecutiveFailures == 0)
    #expect(
      harness.state[status: .monthCost].nextAttempt == harness.now.addingTimeInterval(60))
  }

  @Test func retryAfterIsHonoured() {
    func delay(retryAfter: TimeInterval) -> TimeInterval {
      var harness = Harness()
      harness.start()
      harness.send(
        .fetchCompleted(
          .monthUsage, .failure(Self.failure(.rateLimited, retryAfter: retryAfter)),
          at: harness.now))
      return (harness.state[status: .monthUsage].nextAttempt ?? .distantPast)
        .timeIntervalSince(harness.now)
    }
    #expect(delay(retryAfter: 45) == 45)
    #expect(delay(retryAfter: 2) == 5)  // the backoff is longer
    #expect(delay(retryAfter: 999_999) == 3600)  // capped against absurd values
  }

  @Test func jitterIsDeterministicAndBounded() {
    let plain = RefreshPolicy(jitterSeed: 0)
    let jittered = RefreshPolicy(jitterSeed: 42)
    for failures in 1...8 {
      let base = plain.retryDelay(for: .monthCost, afterFailures: failures, retryAfter: nil)
      let delay = jittered.retryDelay(for: .monthCost, afterFailures: failures, retryAfter: nil)
      #expect(delay >= base && delay < base * 1.2)
      #expect(
        delay == jittered.retryDelay(for: .monthCost, afterFailures: failures, retryAfter: nil))
    }
  }

  /// A refused key waits for a person (`r`), but not forever: a wall screen has nobody to
  /// press it, and a key can be re-enabled. It asks again every five minutes.
  @Test func unauthorizedAsksAgainAfterFiveMinutesOrOnRefresh() {
    var harness = Harness()
    let started = harness.start()
    harness.complete(started) { slot, request in
      slot == .apiKeys
        ? .failure(
          FetchFailure(
            kind: .unauthorized, status: 401, message: "Admin key rejected",
            remedy: "Check ORGTOP_ADMIN_KEY"))
        : .success(Fixtures.response(to: request))
    }
    let status = harness.state[status: .apiKeys]
    #expect(status.isBlocked)
    #expect(status.nextAttempt == harness.now.addingTimeInterval(300))
    #expect(!Self.slots(harness.advance(by: 299)).contains(.apiKeys))
    let again = harness.advance(by: 1)
    #expect(Self.slots(again).contains(.apiKeys))
    // Still refused: five more minutes. A press of r asks at once.
    harness.complete(again) { slot, request in
      slot == .apiKeys
        ? .failure(FetchFailure(kind: .unauthorized, status: 401, message: "No", remedy: ""))
        : .success(Fixtures.response(to: request))
    }
    #expect(harness.state[status: .apiKeys].isBlocked)
    #expect(harness.state[status: .apiKeys].nextAttempt == harness.now.addingTimeInterval(300))
    #expect(!Self.slots(harness.advance(by: 60)).contains(.apiKeys))
    let refreshed = harness.press(.character("r"))
    #expect(Self.slots(refreshed).contains(.apiKeys))
    #expect(!harness.state[status: .apiKeys].isBlocked)
  }

  @Test func refreshFetchesEverythingNotInFlight() {
    var harness = Harness()
    harness.loadFixture()
    harness.advance(by: 60)  // the three reports are now in flight
    let refreshed = harness.press(.character("r"))
    #expect(
      Self.slots(refreshed)
        == Set(DataSlot.allCases).subtracting([.monthUsage, .monthCost, .recentUsage, .dailyCost]))
  }

  @Test func unreadableSpendLimitsAreNotAskedAgain() {
    var harness = Harness()
    let started = harness.start()
    harness.complete(started) { slot, request in
      slot == .spendLimits
        ? .failure(
          FetchFailure(
            kind: .badRequest, status: 400, message: "organization_type_not_supported", remedy: ""))
        : .success(Fixtures.response(to: request))
    }
    #expect(harness.state[status: .spendLimits].isUnsupported)
    #expect(!harness.state[status: .spendLimits].isFailing)
    #expect(!Self.slots(harness.advance(by: 3600)).contains(.spendLimits))
    #expect(!Self.slots(harness.press(.character("r"))).contains(.spendLimits))
  }

  @Test func lastGoodDataIsKeptOnFailure() {
    var harness = Harness()
    harness.loadFixture()
    let before = harness.state.monthCost.value
    let effects = harness.advance(by: 60)
    harness.complete(effects) { _, _ in .failure(Self.failure(.network)) }
    #expect(harness.state.monthCost.value == before)
    #expect(harness.state[status: .monthCost].isFailing)
    #expect(harness.state[status: .monthCost].fetchedAt == Fixtures.now)
  }

  @Test func cancelledFetchIsRetriedWithoutCountingAsFailure() {
    var harness = Harness()
    harness.start()
    harness.send(.fetchCompleted(.members, .failure(Self.failure(.cancelled)), at: harness.now))
    #expect(harness.state[status: .members].consecutiveFailures == 0)
    #expect(harness.state[status: .members].nextAttempt == harness.now.addingTimeInterval(5))
  }

  @Test func responseOfTheWrongKindIsAMalformedResponse() {
    var harness = Harness()
    harness.start()
    harness.send(.fetchCompleted(.apiKeys, .success(.members([])), at: harness.now))
    #expect(harness.state.apiKeys.value == nil)
    #expect(harness.state[status: .apiKeys].lastFailure?.kind == .malformedResponse)
  }

  @Test func monthRolloverRefetchesTheNewWindow() throws {
    let lateNovember = UTCCalendar.date(year: 2026, month: 11, day: 30, hour: 23, minute: 58)
    var harness = Harness(now: lateNovember)
    harness.loadFixture()
    #expect(harness.state.monthCost.value != nil)
    // 23:59:30: the reports are refetched for November; the answer arrives after midnight.
    let late = harness.advance(by: 90)
    #expect(Self.slots(late).contains(.monthCost))
    // 00:00:05 on Dec 1: November's month-to-date is dropped (still in flight: no new fetch).
    let midnight = harness.advance(by: 35)
    let december = UTCCalendar.date(year: 2026, month: 12, day: 1)
    #expect(harness.state.monthCost.value == nil)
    #expect(harness.state.dailyCost.value == nil)
    #expect(harness.state.monthUsage.value == nil)
    #expect(!Self.slots(midnight).contains(.monthUsage))
    // November's answer lands: discarded, and December is asked for at once.
    harness.now = december.addingTimeInterval(70)
    let stale = harness.complete(late)
    #expect(harness.state.monthCost.value == nil)
    let refetch = Dictionary(uniqueKeysWithValues: Harness.fetches(in: stale).map { ($0.0, $0.1) })
    #expect(
      refetch[.monthCost]
        == .cost(
          ReportQuery(
            start: december, end: harness.now, bucket: nil,
            groupBy: [.apiKey, .model, .workspace])))
    #expect(
      refetch[.dailyCost]
        == .cost(ReportQuery(start: december, end: harness.now, bucket: .day, groupBy: [])))
    #expect(refetch[.monthUsage] != nil)
    harness.complete(stale)
    let cost = try #require(harness.state.monthCost.value)
    #expect(cost.query.start == december)
    // The first hour of the month: an empty month-to-date is zero, not an error.
    #expect(CostSummary(report: cost).total == .zero())
  }

  @Test func firstMinuteOfTheMonthWaitsForANonEmptyWindow() {
    let december = UTCCalendar.date(year: 2026, month: 12, day: 1)
    var harness = Harness(now: december.addingTimeInterval(20))
    let started = harness.start()
    #expect(!Self.slots(started).contains(.monthUsage))
    #expect(!Self.slots(started).contains(.monthCost))
    #expect(!Self.slots(started).contains(.dailyCost))
    #expect(Self.slots(started).contains(.recentUsage))
    #expect(harness.state[status: .monthUsage].nextAttempt == december.addingTimeInterval(60))
    #expect(
      Self.slots(harness.advance(by: 40)).isSuperset(of: [.monthUsage, .monthCost, .dailyCost]))
  }

  @Test func terminationQuitsAndStopsEverything() {
    var harness = Harness()
    harness.start()
    #expect(harness.send(.terminationRequested) == [.quit])
    #expect(harness.advance(by: 60).isEmpty)
  }
}

extension ReducerRefreshTests {
  @Test func aFetchThatNeverAnswersIsSentAgainAfterFiveMinutes() {
    var harness = Harness()
    harness.start()
    #expect(Self.slots(harness.advance(by: 300)).isEmpty)
    #expect(Self.slots(harness.advance(by: 1)) == Set(DataSlot.allCases))
  }
}

extension ReducerRefreshTests {
  @Test func atMostOneWakeAndAlwaysInTheFuture() {
    var harness = Harness()
    var wakes: [(count: Int, first: Date?, now: Date)] = []
    func record(_ effects: [Effect], _ now: Date) {
      let count = effects.filter {
        if case .wake = $0 { return true }
        return false
      }.count
      wakes.append((count, Harness.wake(in: effects), now))
    }
    record(harness.start(), harness.now)
    for step in 1...200 {
      let effects = harness.advance(by: step % 7 == 0 ? 30 : 1)
      record(effects, harness.now)
      for (slot, request) in Harness.fetches(in: effects) {
        let result: Result<DataResponse, FetchFailure> =
          step % 3 == 0
          ? .failure(Self.failure(.overloaded)) : .success(Fixtures.response(to: request))
        record(harness.send(.fetchCompleted(slot, result, at: harness.now)), harness.now)
      }
    }
    for wake in wakes {
      #expect(wake.count == 1)
      #expect(wake.first.map { $0 > wake.now } == true)
    }
  }
}

extension ReducerRefreshTests {
  @Test func summariesFollowTheReportsHoweverTheyAreSet() throws {
    var state = DashboardState(configuration: Fixtures.configuration)
    let query = ReportWindows.monthCost(at: Fixtures.now)
    let row = CostRow(
      start: query.start, end: query.end, apiKeyID: "k", model: "m",
      amount: Money(minorUnits: 1234))
    state.monthCost.value = CostReport(
      query: query, rows: [row], source: .analytics, dataRefreshedAt: nil)
    #expect(state.costSummary?.total == Money(minorUnits: 1234))
    state.monthCost.value?.rows.append(row)
    #expect(state.costSummary?.total == Money(minorUnits: 2468))
    state[status: .monthCost].consecutiveFailures = 3  // a status change keeps the summary
    #expect(state.costSummary?.byKey["k"] == Money(minorUnits: 2468))
    state.monthCost.value = nil
    #expect(state.costSummary == nil)
  }
}
