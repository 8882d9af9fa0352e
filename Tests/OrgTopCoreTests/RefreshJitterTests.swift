import Foundation
import OrgTopCore
import OrgTopTestSupport
import Testing

/// The scheduler's jitter: with a seed, a successful refresh is put off by a small,
/// deterministic amount, one draw per period, so screens started together drift apart while
/// the slots of one period keep asking together; without one, the schedule is the plain
/// periods.
@Suite("Reducer: refresh jitter")
struct RefreshJitterTests {
  typealias Harness = ReducerHarness

  static let reports: [DataSlot] = [.monthUsage, .monthCost, .recentUsage, .dailyCost]

  @Test func aRefreshIsPutOffByAtMostATenthOfItsPeriodCappedAtFifteenSeconds() {
    let plain = RefreshPolicy(refreshInterval: 60)
    for seed: UInt64 in [1, 7, 42, 0xDEAD_BEEF, .max] {
      let jittered = RefreshPolicy(refreshInterval: 60, jitterSeed: seed)
      for slot in DataSlot.allCases {
        let period = plain.ttl(for: slot)
        // Written out: 60 s reports stretch by < 6 s; 300, 600 and 900 s periods by < 15 s.
        let most: TimeInterval = period == 60 ? 6 : 15
        for second in stride(from: 0, to: 3600, by: 97) {
          let now = Fixtures.now.addingTimeInterval(TimeInterval(second))
          let delay = jittered.refreshDelay(for: slot, at: now)
          #expect(delay >= period && delay < period + most, "\(slot) seed \(seed)")
          #expect(delay == jittered.refreshDelay(for: slot, at: now))
          #expect(plain.refreshDelay(for: slot, at: now) == period)
        }
      }
    }
  }

  @Test func theSlotsOfAPeriodShareTheDrawWhichVariesBetweenPeriodsAndRefreshes() {
    let policy = RefreshPolicy(jitterSeed: 42)
    let atStart = Set(Self.reports.map { policy.refreshDelay(for: $0, at: Fixtures.now) })
    #expect(atStart.count == 1)
    let lists: [DataSlot] = [.apiKeys, .members, .invites, .workspaces, .spendLimits]
    #expect(Set(lists.map { policy.refreshDelay(for: $0, at: Fixtures.now) }).count == 1)
    // The same fraction of its period for every period would be one draw for all: they differ.
    let fractions = [DataSlot.monthCost, .apiKeys, .organization].map {
      (policy.refreshDelay(for: $0, at: Fixtures.now) - policy.ttl(for: $0))
        / min(policy.ttl(for: $0) * 0.1, 15)
    }
    #expect(Set(fractions).count == 3, "\(fractions)")
    let later = (0..<20).map {
      policy.refreshDelay(for: .monthCost, at: Fixtures.now.addingTimeInterval(Double($0) * 61))
    }
    #expect(Set(later).count > 1)
  }

  /// The period runs from the request: answers that come back seconds apart do not pull the
  /// slots asked together apart.
  @Test func slotsAskedTogetherStayTogetherHoweverTheirAnswersStraggle() {
    var configuration = Fixtures.configuration
    configuration.jitterSeed = 42
    var harness = Harness(configuration: configuration)
    let started = harness.start()
    var straggle: TimeInterval = 0
    for (slot, request) in Harness.fetches(in: started) {
      harness.now = Fixtures.now.addingTimeInterval(straggle)
      harness.send(.fetchCompleted(slot, .success(Fixtures.response(to: request)), at: harness.now))
      straggle += 0.7
    }
    let policy = configuration.refreshPolicy
    for slot in Self.reports {
      let expected = Fixtures.now.addingTimeInterval(
        policy.refreshDelay(for: slot, at: Fixtures.now))
      #expect(harness.state[status: slot].nextAttempt == expected, "\(slot)")
    }
    #expect(Set(Self.reports.map { harness.state[status: $0].nextAttempt }).count == 1)
  }

  /// Runs the reducer for an hour, a tick a second, answering every fetch at once; returns the
  /// instants (seconds from the start) at which each report slot was fetched.
  static func reportFetches(seed: UInt64) -> [DataSlot: [Int]] {
    var configuration = Fixtures.configuration
    configuration.jitterSeed = seed
    var harness = Harness(configuration: configuration)
    harness.loadFixture()
    var fetched: [DataSlot: [Int]] = [:]
    for second in 1...3600 {
      let effects = harness.advance(by: 1)
      for (slot, _) in Harness.fetches(in: effects) where Self.reports.contains(slot) {
        fetched[slot, default: []].append(second)
      }
      harness.complete(effects)
    }
    return fetched
  }

  @Test func withoutASeedTheReportsAskTogetherEveryMinute() {
    let fetched = Self.reportFetches(seed: 0)
    let minutes = Array(stride(from: 60, through: 3600, by: 60))
    for slot in Self.reports { #expect(fetched[slot] == minutes, "\(slot)") }
  }

  @Test func withASeedTheReportsAskTogetherAboutEveryMinuteOutOfStepWithOtherSeeds() {
    let fetched = Self.reportFetches(seed: 7)
    for slot in Self.reports {
      let times = fetched[slot] ?? []
      // Each gap is the period put off by under 6 s, in whole ticks: 60 to 66 s.
      let gaps = zip(times.dropFirst(), times).map { $0 - $1 }
      #expect(gaps.allSatisfy { (60...66).contains($0) }, "\(slot): \(gaps)")
      #expect((3600 / 66...60).contains(times.count), "\(slot): \(times.count) fetches")
      // One burst per refresh: the screen's figures come from one moment.
      #expect(times == fetched[.monthCost], "\(slot)")
    }
    // Not in lockstep with a screen started at the same instant with another seed, nor with
    // the plain minutes.
    let other = Self.reportFetches(seed: 8)
    #expect(other[.monthCost] != fetched[.monthCost])
    #expect(fetched[.monthCost] != Array(stride(from: 60, through: 3600, by: 60)))
  }
}
