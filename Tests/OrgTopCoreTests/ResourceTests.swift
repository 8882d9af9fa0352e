import Foundation
import OrgTopCore
import OrgTopTestSupport
import Testing

/// Each resource is described once (`DataSlot.resource`); these tests hold the descriptions to
/// what the state and the schedule looked like when every slot had its own `switch` case.
@Suite("Resources: one description per slot")
struct ResourceTests {
  /// Where each slot's bookkeeping lives, written out independently of the descriptions.
  static let statusOf: [DataSlot: @Sendable (DashboardState) -> SlotStatus] = [
    .organization: { $0.organization.status }, .apiKeys: { $0.apiKeys.status },
    .workspaces: { $0.workspaces.status }, .members: { $0.members.status },
    .invites: { $0.invites.status }, .rateLimits: { $0.rateLimits.status },
    .spendLimits: { $0.spendLimits.status }, .monthUsage: { $0.monthUsage.status },
    .monthCost: { $0.monthCost.status }, .recentUsage: { $0.recentUsage.status },
    .keyActivity: { $0.keyActivity.status }, .dailyCost: { $0.dailyCost.status },
    .keyHourly: { $0.keyHourly.status },
  ]

  @Test func theOrdinalIsThePositionInAllCases() {
    #expect(MemoryLayout<DataSlot>.size == 1)
    for (position, slot) in DataSlot.allCases.enumerated() { #expect(slot.ordinal == position) }
  }

  @Test(arguments: DataSlot.allCases)
  func statusGoesToItsOwnSlotOnly(_ slot: DataSlot) throws {
    var state = DashboardState(configuration: Fixtures.configuration)
    let marked = SlotStatus(consecutiveFailures: 7, isBlocked: true)
    state[status: slot] = marked
    for other in DataSlot.allCases {
      let read = try #require(Self.statusOf[other])
      #expect((read(state) == marked) == (other == slot), "\(other)")
      #expect((state[status: other] == marked) == (other == slot), "\(other)")
    }
  }

  @Test(arguments: DataSlot.allCases)
  func aSlotStoresTheAnswerToItsOwnRequestOnly(_ slot: DataSlot) {
    var state = DashboardState(configuration: Fixtures.configuration)
    let request = slot.resource.request(at: Fixtures.now, in: state)
    #expect(slot.resource.store(Fixtures.response(to: request), in: &state))
    #expect(DataSlot.allCases.filter { state.hasValue($0) } == [slot])
    // An answer of another kind is refused (a contract breach by the data source), even an
    // empty list, which a cast would let pass for any other empty list.
    let own = Self.kind(Fixtures.response(to: request))
    for answer in Self.everyKind where Self.kind(answer) != own {
      var untouched = DashboardState(configuration: Fixtures.configuration)
      #expect(!slot.resource.store(answer, in: &untouched), "\(Self.kind(answer))")
      #expect(!untouched.hasValue(slot))
    }
  }

  /// One answer of every kind, the lists empty.
  static let everyKind: [DataResponse] = [
    .organization(Fixtures.organization), .apiKeys([]), .workspaces([]), .members([]),
    .invites([]), .rateLimits([]), .spendLimits([]),
    Fixtures.response(to: .usage(ReportWindows.recentUsage(at: Fixtures.now))),
    Fixtures.response(to: .cost(ReportWindows.dailyCost(at: Fixtures.now))),
    .workspaceMembers([]), .workspaceRateLimits([]),
  ]

  static func kind(_ response: DataResponse) -> String {
    switch response {
    case .organization: "organization"
    case .apiKeys: "apiKeys"
    case .workspaces: "workspaces"
    case .members: "members"
    case .invites: "invites"
    case .rateLimits: "rateLimits"
    case .spendLimits: "spendLimits"
    case .usage: "usage"
    case .cost: "cost"
    case .workspaceMembers: "workspaceMembers"
    case .workspaceRateLimits: "workspaceRateLimits"
    }
  }

  /// Where each keyed slot's values live, written out independently of the descriptions.
  static let keyedStatusOf: [KeyedSlot: @Sendable (DashboardState, String) -> SlotStatus?] = [
    .workspaceMembers: { $0.workspaceMembers[$1]?.status },
    .workspaceRateLimits: { $0.workspaceOverrides[$1]?.status },
  ]

  @Test(arguments: KeyedSlot.allCases)
  func aKeyedSlotKeepsItsOwnKindUnderItsKeyOnly(_ slot: KeyedSlot) throws {
    var state = DashboardState(configuration: Fixtures.configuration)
    let marked = SlotStatus(consecutiveFailures: 3)
    slot.resource.setStatus(marked, of: "w1", in: &state)
    for other in KeyedSlot.allCases {
      let read = try #require(Self.keyedStatusOf[other])
      #expect((read(state, "w1") == marked) == (other == slot), "\(other)")
      #expect(read(state, "w2") == nil)
    }
    let request = slot.resource.request(for: "w1")
    let own = Self.kind(Fixtures.response(to: request))
    #expect(slot.resource.store(Fixtures.response(to: request), for: "w1", in: &state))
    for answer in Self.everyKind where Self.kind(answer) != own {
      var untouched = DashboardState(configuration: Fixtures.configuration)
      #expect(!slot.resource.store(answer, for: "w1", in: &untouched), "\(Self.kind(answer))")
    }
  }

  @Test func keyedRequestsAndPeriodsAreTheDocumentedOnes() {
    #expect(
      KeyedSlot.workspaceMembers.resource.request(for: "w") == .workspaceMembers(workspaceID: "w"))
    #expect(
      KeyedSlot.workspaceRateLimits.resource.request(for: "w")
        == .workspaceRateLimits(workspaceID: "w"))
    let policy = RefreshPolicy(refreshInterval: 90)
    #expect(policy.duration(of: KeyedSlot.workspaceMembers.resource.period) == 600)
    #expect(policy.duration(of: KeyedSlot.workspaceRateLimits.resource.period) == 900)
  }

  @Test func refreshPeriodsAreTheDocumentedOnes() {
    let policy = RefreshPolicy(refreshInterval: 90)
    let expected: [DataSlot: TimeInterval] = [
      .organization: 600, .rateLimits: 600, .apiKeys: 300, .workspaces: 300, .members: 300,
      .invites: 300, .spendLimits: 300, .monthUsage: 90, .monthCost: 90, .recentUsage: 90,
      .keyActivity: 300, .dailyCost: 90, .keyHourly: 900,
    ]
    #expect(Set(expected.keys) == Set(DataSlot.allCases))
    for (slot, period) in expected { #expect(policy.ttl(for: slot) == period, "\(slot)") }
  }

  @Test func onlyTheMonthWindowsRollOverAndOnlySpendLimitsCanBeUnreadable() {
    #expect(
      Set(DataSlot.allCases.filter { $0.resource.isMonthToDate })
        == [.monthUsage, .monthCost, .dailyCost])
    #expect(
      DataSlot.allCases.filter { !$0.resource.unreadableWhen.isEmpty } == [.spendLimits])
    #expect(!DataSlot.spendLimits.resource.unreadableWhen.contains(.unauthorized))
    #expect(!DataSlot.spendLimits.resource.unreadableWhen.contains(.rateLimited))
  }

  @Test func theHourlyReportIsKeptAsItsSummary() {
    var state = DashboardState(configuration: Fixtures.configuration)
    let request = DataSlot.keyHourly.resource.request(at: Fixtures.now, in: state)
    guard case .usage(let query) = request else {
      Issue.record("keyHourly asks for a usage report, got \(request)")
      return
    }
    #expect(query == ReportWindows.keyHourly(at: Fixtures.now))
    let response = Fixtures.response(to: request)
    #expect(DataSlot.keyHourly.resource.store(response, in: &state))
    guard case .usage(let report) = response else { return }
    #expect(state.keyHourly.value == KeyHourlyUsage(report: report))
  }
}
