import Foundation
import OrgTopCore
import OrgTopTestSupport
import Testing

/// The scheduler's jitter: with a seed, a successful refresh is put off by a small,
/// deterministic amount, so slots with the same period do not keep asking together; without
/// one, the schedule is the plain periods.
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

  @Test func theDrawVariesBetweenSlotsAndRefreshes() {
    let policy = RefreshPolicy(jitterSeed: 42)
    let atStart = Set(Self.reports.map { policy.refreshDelay(for: $0, at: Fixtures.now) })
    #expect(atStart.count > 1)
    let later = (0..<20).map {
      policy.refreshDelay(for: .monthCost, at: Fixtures.now.addingTimeInterval(Double($0) * 61))
    }
    #expect(Set(later).count > 1)
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

  @Test func withASeedTheReportsDriftApartAndStillRefreshAboutEveryMinute() {
    let fetched = Self.reportFetches(seed: 7)
    for slot in Self.reports {
      let times = fetched[slot] ?? []
      // Each gap is the period put off by under 6 s, in whole ticks: 60 to 66 s.
      let gaps = zip(times.dropFirst(), times).map { $0 - $1 }
      #expect(gaps.allSatisfy { (60...66).contains($0) }, "\(slot): \(gaps)")
      #expect((3600 / 66...60).contains(times.count), "\(slot): \(times.count) fetches")
    }
    // Not in lockstep: no two report slots were fetched at the same instants all hour.
    for (index, slot) in Self.reports.enumerated() {
      for other in Self.reports[(index + 1)...] {
        #expect(fetched[slot] != fetched[other], "\(slot) and \(other)")
      }
    }
  }
}
