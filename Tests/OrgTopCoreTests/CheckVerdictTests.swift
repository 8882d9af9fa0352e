import Foundation
import OrgTopCore
import OrgTopTestSupport
import Testing

/// `orgtop check`'s judgement, every exit status, from states the reducer produced.
@Suite("Check: verdicts and exit codes")
struct CheckVerdictTests {
  /// The fixture's month-to-date spend over its $5,000 organization limit, summed here.
  private static func usedFraction(_ state: DashboardState) throws -> Decimal {
    let rows = try #require(state.monthCost.value?.rows)
    return rows.reduce(Decimal(0)) { $0 + $1.amount.minorUnits } / 500_000
  }

  private static func verdict(
    _ state: DashboardState, warn: Decimal, critical: Decimal, projected: Bool = false,
    expect: String? = nil, settled: Bool = true
  ) -> CheckVerdict {
    CheckVerdict(
      state: state, now: Fixtures.now, settled: settled,
      thresholds: .init(warning: warn, critical: critical, projected: projected),
      expectedOrganization: expect)
  }

  private static func loaded(failing slot: DataSlot? = nil, with failure: FetchFailure? = nil)
    -> DashboardState
  {
    var harness = ReducerHarness()
    let started = harness.start()
    harness.complete(started) { requested, request in
      if requested == slot, let failure { return .failure(failure) }
      return .success(Fixtures.response(to: request))
    }
    return harness.state
  }

  @Test func thresholdsAroundTheSpendGiveOkWarningAndCritical() throws {
    let state = Self.loaded()
    let used = try Self.usedFraction(state)
    #expect(used > 0.01)
    let ok = Self.verdict(state, warn: used + 0.01, critical: used + 0.02)
    #expect(ok.status == .ok && ok.status.exitCode == 0)
    #expect(ok.fraction == used)
    let warning = Self.verdict(state, warn: used, critical: used + 0.01)
    #expect(warning.status == .warning && warning.status.exitCode == 1)
    let critical = Self.verdict(state, warn: used - 0.01, critical: used)
    #expect(critical.status == .critical && critical.status.exitCode == 2)
    #expect(critical.line().hasPrefix("CRITICAL · Acme Robotics · "))
    #expect(critical.line().contains("(org limit)"))
  }

  @Test func projectedJudgesTheMonthEndFigure() throws {
    let state = Self.loaded()
    let used = try Self.usedFraction(state)
    let verdict = Self.verdict(state, warn: used + 0.001, critical: 10, projected: true)
    let projected = try #require(verdict.projected)
    #expect(verdict.fraction == projected.minorUnits / 500_000)
    #expect(try #require(verdict.fraction) > used)
    #expect(verdict.status == .warning)
  }

  @Test func aRefusedKeyIsAnAuthenticationFailure() {
    let failure = FetchFailure(
      kind: .unauthorized, status: 401, message: "Admin key rejected (401)", remedy: "Check it")
    let verdict = Self.verdict(
      Self.loaded(failing: .apiKeys, with: failure), warn: 0.8, critical: 0.9)
    #expect(verdict.status == .authentication && verdict.status.exitCode == 4)
    #expect(verdict.line() == "AUTH_ERROR · Acme Robotics · Admin key rejected (401) · Check it")
  }

  @Test(arguments: [DataSlot.organization, .monthCost, .spendLimits])
  func aNeededResourceThatFailedMakesTheAPIUnreadable(_ slot: DataSlot) {
    let failure = FetchFailure(
      kind: .serverError, status: 500, message: "The API failed (500)", remedy: "Wait")
    var state = Self.loaded(failing: slot, with: failure)
    // Without a budget the spend limits are needed too.
    state.configuration.budget = nil
    let verdict = Self.verdict(state, warn: 0.8, critical: 0.9)
    #expect(verdict.status == .unreadable && verdict.status.exitCode == 3)
    #expect(verdict.cause == "The API failed (500)")
  }

  @Test func aResourceTheVerdictDoesNotNeedMayFail() {
    let failure = FetchFailure(kind: .serverError, status: 500, message: "x", remedy: "y")
    let verdict = Self.verdict(
      Self.loaded(failing: .members, with: failure), warn: 0.8, critical: 0.9)
    #expect(verdict.status == .ok)
  }

  @Test func aReadThatTimedOutIsUnreadable() {
    var harness = ReducerHarness()
    harness.start()  // nothing answers
    let verdict = Self.verdict(harness.state, warn: 0.8, critical: 0.9, settled: false)
    #expect(verdict.status == .unreadable)
    #expect(verdict.cause?.hasPrefix("Timed out waiting for") == true)
  }

  @Test func theOrganizationIsMatchedByIdOrName() {
    let state = Self.loaded()
    #expect(Self.verdict(state, warn: 0.8, critical: 0.9, expect: "Acme Robotics").status == .ok)
    #expect(
      Self.verdict(state, warn: 0.8, critical: 0.9, expect: Fixtures.organization.id).status
        == .ok)
    let other = Self.verdict(state, warn: 0.8, critical: 0.9, expect: "Other Corp")
    #expect(other.status == .organizationMismatch && other.status.exitCode == 5)
  }

  @Test func json() throws {
    let state = Self.loaded()
    let used = try Self.usedFraction(state)
    let verdict = Self.verdict(state, warn: used, critical: 1)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(verdict.json().utf8)) as? [String: Any])
    #expect(object["status"] as? String == "warning")
    #expect(object["exit_code"] as? Int == 1)
    #expect(object["limit_source"] as? String == "spend_limit")
    #expect(object["limit_usd"] as? String == "5000")
    #expect(object["cause"] is NSNull)
  }
}
