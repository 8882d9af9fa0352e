import Foundation
import OrgTopCore
import OrgTopTestSupport
import Testing

/// The API failing as a whole, on a manual clock: one probe at a time on its own backoff, a
/// few requests a minute against 529, back within one refresh interval of the API's return,
/// and nothing of the outage left on screen afterwards.
@Suite("Reducer: outages")
struct OutageTests {
  typealias Harness = ReducerHarness

  /// A dashboard refreshing every 15 s whose API fails with `kind` from `down` seconds after
  /// start until `up` seconds after start, answering every fetch at once. Returns the instants
  /// of every fetch sent, and the harness at the end of `duration` seconds.
  static func run(
    _ kind: FetchFailure.Kind, down: TimeInterval, up: TimeInterval, duration: TimeInterval,
    jitterSeed: UInt64 = 0, retryAfter: TimeInterval? = nil
  ) -> (fetches: [(slot: DataSlot, at: TimeInterval)], harness: Harness) {
    var configuration = Fixtures.configuration
    configuration.refreshInterval = 15
    configuration.jitterSeed = jitterSeed
    var harness = Harness(configuration: configuration)
    var fetches: [(slot: DataSlot, at: TimeInterval)] = []
    func answer(_ effects: [Effect]) {
      var pending = effects
      var rounds = 0
      while !pending.isEmpty {
        rounds += 1
        // A slot that is due again the instant it fails would spin here forever.
        guard rounds < 50 else {
          Issue.record("fetches beget fetches at \(harness.now)")
          return
        }
        let elapsed = harness.now.timeIntervalSince(Fixtures.now)
        fetches += Harness.fetches(in: pending).map { ($0.0, elapsed) }
        let isDown = elapsed >= down && elapsed < up
        pending = harness.complete(pending) { _, request in
          isDown
            ? .failure(
              FetchFailure(
                kind: kind, message: "Cannot reach api.anthropic.com", remedy: "Check the network",
                retryAfter: retryAfter))
            : .success(Fixtures.response(to: request))
        }
      }
    }
    answer(harness.start())
    for _ in 0..<Int(duration) {
      answer(harness.advance(by: 1))
    }
    return (fetches, harness)
  }

  @Test func anOverloadedAPISeesAFewRequestsAMinuteNotEveryResourceInLockstep() {
    let (fetches, harness) = Self.run(.overloaded, down: 30, up: 100_000, duration: 630)
    // After the first minute of the outage the probe settles at one every 30 s.
    for minute in 2..<10 {
      let start = 30 + TimeInterval(minute) * 60
      let count = fetches.filter { $0.at >= start && $0.at < start + 60 }.count
      #expect(count == 2, "minute \(minute): \(count) fetches")
    }
    // Never two fetches at once during the outage (the slots due at its start aside).
    let duringOutage = fetches.filter { $0.at > 30 }
    #expect(Set(duringOutage.map(\.at)).count == duringOutage.count)
    #expect(harness.state.outage?.failedProbes ?? 0 > 10)
  }

  @Test func theScreenIsBackWithinOneRefreshIntervalOfTheAPIsReturn() {
    // Whatever the phase of the backoff when the API returns, every slot has fresh data within
    // 15 s (the refresh interval) and the status bar says nothing of the outage.
    for up in stride(from: 90.0, through: 150, by: 7) {
      for seed: UInt64 in [0, 7, 42] {
        let (_, harness) = Self.run(
          .network, down: 30, up: up, duration: up + 15, jitterSeed: seed)
        #expect(harness.state.outage == nil, "API back at \(up) s, seed \(seed)")
        let returned = Fixtures.now.addingTimeInterval(up)
        for slot in DataSlot.allCases {
          let status = harness.state[status: slot]
          #expect(!status.isFailing, "\(slot), API back at \(up) s")
          #expect((status.fetchedAt ?? .distantPast) >= returned || status.nextAttempt != nil)
        }
        let status = StatusBarViewModel(state: harness.state, now: harness.now)
        #expect(status.right.isEmpty, "\(status.right.map(\.text).joined())")
      }
    }
  }

  @Test func slotsThatFailedRecoverInTheSameBreathAsTheProbe() {
    // The four report slots (15 s) failed during a 40 s outage; the organization (10 min)
    // did not need asking. All four are fetched within a second of the probe's success.
    let (fetches, harness) = Self.run(.network, down: 10, up: 50, duration: 80)
    let recovered = fetches.filter { $0.at >= 50 }
    let reports: Set<DataSlot> = [.monthUsage, .monthCost, .dailyCost, .recentUsage]
    let first = recovered.first?.at ?? .infinity
    #expect(first <= 65)
    #expect(reports.isSubset(of: Set(recovered.filter { $0.at == first }.map(\.slot))))
    #expect(harness.state.organization.status.fetchedAt == Fixtures.now)
  }

  @Test func theOutageSaysWhatHappenedWhatToDoAndWhenItRetries() {
    var configuration = Fixtures.configuration
    configuration.refreshInterval = 15
    var harness = Harness(configuration: configuration)
    harness.loadFixture()
    let effects = harness.advance(by: 15)
    harness.complete(effects) { _, _ in
      .failure(
        FetchFailure(
          kind: .network, message: "Cannot reach api.anthropic.com: connection refused",
          remedy: "Check the base URL"))
    }
    var status = StatusBarViewModel(state: harness.state, now: harness.now)
    #expect(
      status.cause.map(\.text).joined() == "Cannot reach api.anthropic.com: connection refused")
    #expect(status.advice.map(\.text).joined() == "Check the base URL · retrying in 10 s")
    // No "next refresh in" beside it: the countdown on the right is the one that counts.
    #expect(status.left.map(\.text).joined() == "updated 10 s ago")
    // Past a minute, it says for how long.
    for _ in 0..<70 { harness.complete(harness.advance(by: 1)) { _, _ in .failure(Self.refused) } }
    status = StatusBarViewModel(state: harness.state, now: harness.now)
    #expect(status.cause.map(\.text).joined().hasSuffix("connection refused, for 1 min"))
  }

  @Test func refreshDuringAnOutageSendsOneProbeNow() {
    var harness = Harness()
    harness.loadFixture()
    harness.complete(harness.advance(by: 60)) { _, _ in .failure(Self.refused) }
    #expect(harness.state.outage != nil)
    let fetches = Harness.fetches(in: harness.press(.character("r")))
    #expect(fetches.count == 1)
  }

  @Test func aHangIsNamed() {
    var harness = Harness()
    harness.loadFixture()
    harness.advance(by: 60)  // the reports are sent and never answered
    harness.advance(by: 4)
    #expect(
      StatusBarViewModel(state: harness.state, now: harness.now).left.map(\.text).joined()
        == "updated 1 min ago · refreshing…")
    harness.advance(by: 8)
    let left = StatusBarViewModel(state: harness.state, now: harness.now).left
    #expect(left.map(\.text).joined() == "updated 1 min ago · no answer for 12 s")
    #expect(left.last?.role == .warning)
  }

  @Test func aFailureOfOneResourceIsNotAnOutage() {
    var harness = Harness()
    harness.loadFixture()
    harness.complete(harness.advance(by: 60)) { slot, request in
      slot == .monthCost
        ? .failure(FetchFailure(kind: .serverError, message: "500", remedy: ""))
        : .success(Fixtures.response(to: request))
    }
    #expect(harness.state.outage == nil)
    #expect(harness.state[status: .monthCost].nextAttempt == harness.now.addingTimeInterval(5))
  }

  static let refused = FetchFailure(
    kind: .network, message: "Cannot reach api.anthropic.com: connection refused",
    remedy: "Check the base URL")
}
