import Foundation
import Testing

@testable import OrgTopSimulator

/// The demo's key-flag stories: off by default (the seed's world unchanged), and when on, a
/// departed creator and a burst that the anomaly rule (more than 5 times the 7-day hourly
/// median, at least 100,000 tokens) catches, checked here from the usage model's hours.
@Suite struct FlagShowcaseTests {
  private static let now = Date(timeIntervalSince1970: 1_795_169_554)

  private static func engine(showcase: Bool) -> SimulatorEngine {
    var configuration = SimulatorConfiguration(seed: 42, keyCount: 48, clock: { now })
    configuration.showcasesKeyFlags = showcase
    return SimulatorEngine(configuration: configuration)
  }

  @Test func offByDefaultAndOnlyTheStoriesChangeWhenOn() {
    #expect(!SimulatorConfiguration().showcasesKeyFlags)
    let plain = Self.engine(showcase: false).world
    let shown = Self.engine(showcase: true).world
    #expect(plain.keys.map(\.id) == shown.keys.map(\.id))
    #expect(plain.users.map(\.id) == shown.users.map(\.id))
    let changed = zip(plain.keys, shown.keys).filter { $0.createdBy != $1.createdBy }
    #expect(changed.count == 2)
    let members = Set(shown.users.map(\.id))
    #expect(changed.allSatisfy { !members.contains($1.createdBy?.id ?? "") })
    #expect(plain.usage.series.allSatisfy { $0.burstFromHour == nil })
    #expect(shown.usage.series.filter { $0.burstFromHour != nil }.count == 1)
  }

  @Test func theBurstingKeysLastCompleteHourIsASpike() throws {
    let world = Self.engine(showcase: true).world
    let index = try #require(world.usage.series.firstIndex { $0.burstFromHour != nil })
    let keyIndex = try #require(world.usage.series[index].keyIndex)
    // The judged hour: the latest whole hour that ended at least 5 minutes ago.
    let seconds = Int(Self.now.timeIntervalSince1970) - 300
    let judged = seconds / 3600 - 1
    func tokens(_ hour: Int) -> Int {
      world.usage.series.indices.filter { world.usage.series[$0].keyIndex == keyIndex }
        .reduce(0) { $0 + world.usage.hourTotal($1, hour: hour).totalTokens }
    }
    let baseline = (judged - 168..<judged).map(tokens).sorted()
    let median = Double(baseline[83] + baseline[84]) / 2
    let last = tokens(judged)
    #expect(last >= 100_000)
    #expect(Double(last) > 5 * median, "last \(last), median \(median)")
  }
}
