import Foundation
import OrgTopCore
import OrgTopTestSupport
import Testing

/// The remembering ``Deriver`` against the derivation from scratch over random runs: seeded
/// sequences of clock ticks, key presses (sorts, filters, "flagged only", views, drill-downs)
/// through the reducer, and direct changes of the facts (keys added, renamed, deactivated or
/// dropped; members, workspaces and reports swapped or unloaded; flag rules changed). After
/// every step one deriver kept across the run must give exactly what a fresh derivation of the
/// state gives, and so must the projector's view model (which derives through it) and a view
/// model projected from scratch. A fact a part reads but its inputs leave out shows up here.
@Suite("Derivation: remembered equals from scratch")
struct DerivationPropertyTests {
  static let keys: [KeyPress] = [
    .down, .up, .pageDown, .end, .enter, .escape, .character("s"), .character("S"),
    .character("/"), .character("a"), .character("e"), .backspace, .enter, .character("f"),
    .character("1"), .character("2"), .character("3"), .character("4"),
  ]

  @Test("after every step", arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
  func randomRun(seed: UInt64) {
    var random = SplitMix(state: seed)
    var harness = ReducerHarness()
    harness.loadFixture()
    let loaded = harness.state
    var projector = DashboardProjector(deriver: harness.deriver)
    var mismatches = 0
    for step in 0..<300 {
      switch Int.random(in: 0..<10, using: &random) {
      case 0..<3: harness.advance(by: Double(Int.random(in: 1...600, using: &random)))
      case 3..<6: harness.press(Self.keys.randomElement(using: &random) ?? .down)
      default: Self.changeFacts(of: &harness.state, from: loaded, using: &random)
      }
      let remembered = harness.deriver.derivation(of: harness.state)
      if remembered != Derivation(state: harness.state) {
        mismatches += 1
        Issue.record("step \(step) (seed \(seed)): the remembered derivation differs")
      }
      let projected = projector.viewModel(state: harness.state, now: harness.now)
      if projected != DashboardViewModel(state: harness.state, now: harness.now) {
        mismatches += 1
        Issue.record("step \(step) (seed \(seed)): the projected view model differs")
      }
      if mismatches > 3 { return }
    }
  }

  /// One random change of the facts, made directly (not through a fetch): the reducer's
  /// fixture answers are the same every time, so these are what change the parts' inputs.
  static func changeFacts(
    of state: inout DashboardState, from loaded: DashboardState, using random: inout SplitMix
  ) {
    switch Int.random(in: 0..<12, using: &random) {
    case 0:
      var keys = loaded.apiKeys.value ?? []
      keys.shuffle(using: &random)
      state.apiKeys.value = Array(keys.prefix(Int.random(in: 0...keys.count, using: &random)))
    case 1:
      guard var keys = state.apiKeys.value, !keys.isEmpty else { return }
      let index = Int.random(in: 0..<keys.count, using: &random)
      keys[index].name = "renamed-\(Int.random(in: 0..<100, using: &random))"
      keys[index].status = [.active, .inactive, .archived].randomElement(using: &random)!
      state.apiKeys.value = keys
    case 2:
      state.apiKeys.value = Bool.random(using: &random) ? nil : loaded.apiKeys.value
    case 3:
      let members = loaded.members.value ?? []
      state.members.value =
        Bool.random(using: &random) ? Array(members.dropFirst()) : members
    case 4:
      let workspaces = loaded.workspaces.value ?? []
      state.workspaces.value =
        Bool.random(using: &random) ? Array(workspaces.dropLast()) : workspaces
    case 5:
      state.monthCost.value = Bool.random(using: &random) ? nil : loaded.monthCost.value
    case 6:
      state.monthUsage.value = Bool.random(using: &random) ? nil : loaded.monthUsage.value
    case 7:
      state.keyActivity.value = Bool.random(using: &random) ? nil : loaded.keyActivity.value
    case 8:
      // Unloaded, as fetched, or with a spike on one key (far above its median and the floor).
      switch Int.random(in: 0..<3, using: &random) {
      case 0: state.keyHourly.value = nil
      case 1: state.keyHourly.value = loaded.keyHourly.value
      default:
        guard let key = state.apiKeys.value?.randomElement(using: &random) else { return }
        state.keyHourly.value = KeyHourlyUsage(
          hourStart: state.lastSeen ?? Fixtures.now, baselineHours: 168,
          byKey: [key.id: .init(lastHour: 50_000_000, median: 10)])
      }
    case 9:
      state.dailyCost.value = Bool.random(using: &random) ? nil : loaded.dailyCost.value
    case 10:
      state.configuration.keyFlagRules.idleDays = Int.random(in: 1...30, using: &random)
    default:
      // The flags judged at another instant, or at `lastSeen` again.
      state.keyFlagsJudgedAt =
        Bool.random(using: &random)
        ? nil
        : state.lastSeen?.addingTimeInterval(Double(Int.random(in: 0...86_400, using: &random)))
    }
  }

  /// An idle clock tick derives nothing again, and a sort change sorts the keys again without
  /// summing the reports again: the parts' storage is the same object after them.
  @Test func aTickOrASortDerivesOnlyWhatChanged() {
    var harness = ReducerHarness()
    harness.loadFixture()
    let before = harness.deriver.derivation(of: harness.state)
    harness.advance(by: 1)
    let ticked = harness.deriver.derivation(of: harness.state)
    #expect(Self.sameStorage(before.keys.rows, ticked.keys.rows))
    #expect(Self.sameStorage(before.memberRows, ticked.memberRows))
    #expect(Self.sameStorage(before.workspaces.rows, ticked.workspaces.rows))
    harness.press(.character("s"))
    let sorted = harness.deriver.derivation(of: harness.state)
    #expect(!Self.sameStorage(ticked.keys.rows, sorted.keys.rows))
    #expect(Self.sameStorage(ticked.memberRows, sorted.memberRows))
    let costs = ticked.costSummary?.byKey ?? [:]
    #expect(!costs.isEmpty)
    #expect(Self.sameStorage(costs, sorted.costSummary?.byKey ?? [:]))
    #expect(sorted == Derivation(state: harness.state))
  }

  /// The flags are judged when a fact they read changes: not on a tick, not on a refetch that
  /// brings the same keys, and again (at the fetch's instant) when a key changed.
  @Test func flagsAreJudgedWhenTheirFactsChange() {
    var harness = ReducerHarness()
    harness.loadFixture()
    let loadedAt = harness.now
    #expect(harness.state.keyFlagsJudgedAt == loadedAt)
    harness.advance(by: 30)
    #expect(harness.state.keyFlagsJudgedAt == loadedAt)
    let keys = Fixtures.apiKeys
    harness.send(.fetchCompleted(.apiKeys, .success(.apiKeys(keys)), at: harness.now))
    #expect(harness.state.keyFlagsJudgedAt == loadedAt)
    var changed = keys
    changed[0].status = changed[0].status == .active ? .inactive : .active
    harness.advance(by: 30)
    harness.send(.fetchCompleted(.apiKeys, .success(.apiKeys(changed)), at: harness.now))
    #expect(harness.state.keyFlagsJudgedAt == harness.now)
    #expect(harness.now == loadedAt.addingTimeInterval(60))
  }

  /// Whether two arrays (or dictionaries) share one buffer: the part was not computed again.
  static func sameStorage<T>(_ lhs: [T], _ rhs: [T]) -> Bool {
    lhs.withUnsafeBufferPointer { left in
      rhs.withUnsafeBufferPointer { right in left.baseAddress == right.baseAddress }
    }
  }

  static func sameStorage<K, V>(_ lhs: [K: V], _ rhs: [K: V]) -> Bool {
    withUnsafeBytes(of: lhs) { left in
      withUnsafeBytes(of: rhs) { right in left.elementsEqual(right) }
    }
  }
}
