import Foundation
import OrgTopCore
import OrgTopTestSupport
import Testing

/// Threshold alerts from the reducer, on a manual clock: one per level reached per month,
/// compared to the cent, nothing while the spend or the limit is unknown.
@Suite("Reducer: threshold alerts")
struct ThresholdAlertTests {
  static func alerts(_ effects: [Effect]) -> [ThresholdAlert] {
    effects.compactMap {
      if case .alert(let alert) = $0 { return alert }
      return nil
    }
  }

  /// The fixture's month-to-date spend, in cents.
  static let spendCents: Decimal = {
    var harness = ReducerHarness()
    harness.loadFixture()
    return harness.state.costSummary?.total.minorUnits ?? 0
  }()

  /// Spend limits with an organization limit of `cents`.
  static func limits(_ cents: Decimal) -> DataResponse {
    .spendLimits([
      SpendLimit(
        id: "spl_test", amount: Money(minorUnits: cents), isEnabled: true, period: .monthly,
        scope: .organization)
    ])
  }

  /// Every fetch answered from the fixture, the spend limits with `limitCents`; returns the
  /// alerts raised.
  static func answer(
    _ harness: inout ReducerHarness, _ effects: [Effect], limitCents: Decimal
  ) -> [ThresholdAlert] {
    alerts(
      harness.complete(effects) { slot, request in
        .success(slot == .spendLimits ? limits(limitCents) : Fixtures.response(to: request))
      })
  }

  @Test func eachLevelIsAlertedOnceAMonthAsTheLimitComesDown() throws {
    let spend = Self.spendCents
    #expect(spend > 0)
    var harness = ReducerHarness()
    // 65 % of the limit: nothing.
    #expect(Self.answer(&harness, harness.start(), limitCents: spend / 65 * 100).isEmpty)
    // The limit lowered so that the spend is exactly 80 % of it: a warning, once.
    let warned = Self.answer(&harness, harness.advance(by: 300), limitCents: spend * 5 / 4)
    #expect(warned.map(\.level) == [.warning])
    #expect(warned.first?.spend.minorUnits == spend)
    #expect(warned.first?.limit.minorUnits == spend * 5 / 4)
    #expect(warned.first?.organization == "Acme Robotics")
    #expect(warned.first?.month == UTCCalendar.date(year: 2026, month: 11, day: 1))
    #expect(Self.answer(&harness, harness.advance(by: 300), limitCents: spend * 5 / 4).isEmpty)
    // Straight past critical to the limit itself: one alert, for the level reached.
    let over = Self.answer(&harness, harness.advance(by: 300), limitCents: spend)
    #expect(over.map(\.level) == [.overLimit])
    // The limit raised again and lowered again: no second alert this month.
    #expect(Self.answer(&harness, harness.advance(by: 300), limitCents: spend * 2).isEmpty)
    #expect(Self.answer(&harness, harness.advance(by: 300), limitCents: spend).isEmpty)
    // What was alerted last month does not count this month.
    harness.state.alertedLevel = AlertedLevel(
      month: UTCCalendar.date(year: 2026, month: 10, day: 1), level: .overLimit)
    let again = Self.answer(&harness, harness.advance(by: 300), limitCents: spend)
    #expect(again.map(\.level) == [.overLimit])
  }

  @Test func aCentBelowTheThresholdIsNotACrossing() {
    let spend = Self.spendCents
    var harness = ReducerHarness()
    // The warn line (80 % of the limit) one cent above the spend.
    let limit = (spend + 1) * 5 / 4
    #expect(Self.answer(&harness, harness.start(), limitCents: limit).isEmpty)
    #expect(harness.state.alertedLevel == nil)
  }

  @Test func nothingWhileThereIsNoLimit() {
    // Spend limits unreadable and no budget: no limit, no level, no alert.
    var configuration = Fixtures.configuration
    configuration.budget = nil
    var harness = ReducerHarness(configuration: configuration)
    let raised = Self.alerts(
      harness.complete(harness.start()) { slot, request in
        slot == .spendLimits
          ? .failure(FetchFailure(kind: .serverError, message: "500", remedy: ""))
          : .success(Fixtures.response(to: request))
      })
    #expect(raised.isEmpty)
  }

  /// A restarted dashboard starts from what an earlier run announced this month: the same
  /// level is not alerted again, a higher one is; last month's memory counts for nothing.
  @Test(arguments: [
    (SpendLevel.warning, 0, [SpendLevel]()), (.normal, 0, [.warning]),
    (.warning, -1, [.warning]), (.critical, 0, []),
  ])
  func aRestartRemembersWhatWasAnnounced(
    before: SpendLevel, monthOffset: Int, expected: [SpendLevel]
  ) {
    let month = UTCCalendar.monthStart(containing: Fixtures.now)
    let remembered =
      monthOffset == 0 ? month : UTCCalendar.monthStart(containing: month.addingTimeInterval(-1))
    var configuration = Fixtures.configuration
    configuration.alertedBefore =
      before == .normal ? nil : AlertedLevel(month: remembered, level: before)
    var harness = ReducerHarness(configuration: configuration)
    // The limit puts the fixture's spend at 90 %: past warn (0.8), short of critical (0.95).
    let alerted = Self.answer(
      &harness, harness.start(), limitCents: Self.spendCents * 10 / 9 + 1)
    #expect(alerted.map(\.level) == expected)
  }
}
