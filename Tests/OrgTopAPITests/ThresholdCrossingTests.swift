import AsyncHTTPClient
import Foundation
import OrgTopCore
import OrgTopRuntime
import OrgTopSettings
import OrgTopSimulator
import OrgTopTestSupport
import Testing

@testable import OrgTopAPI

/// A threshold crossing end to end: the simulator (not frozen: its usage grows with the time it
/// is told) and the headless runtime share one manual clock; the warning threshold is set a
/// dollar above the spend at the start, time moves ten minutes at a time until spend crosses
/// it, and the alert that results runs the `on_threshold` command with the figures.
@Suite("Threshold crossing against the simulator")
@MainActor
struct ThresholdCrossingTests {
  static let start = UTCCalendar.date(year: 2026, month: 11, day: 20, hour: 10, minute: 30)

  /// The month-to-date total as the state holds it, and the gauge's limit.
  static func spendAndLimit(_ state: DashboardState) throws -> (Money, Money) {
    let spend = try #require(state.costSummary?.total)
    let limit = try #require(DashboardFigures.limit(of: state)?.amount)
    return (spend, limit)
  }

  @Test func aCrossingAlertsOnceAndRunsTheCommandWithTheFigures() async throws {
    let clock = ManualClock(now: Self.start)
    let simulator = try await SimulatorServer.start(
      SimulatorConfiguration(seed: 7, keyCount: 30, frozen: false, clock: { clock.now }))
    var settings = AdminClient.Configuration()
    settings.sleeper = RecordingSleeper()
    settings.now = { clock.now }
    let http = AdminClient.makeHTTPClient(configuration: settings)
    let client = AdminClient(
      key: try #require(AdminKey(simulator.adminKey)),
      baseURL: try AdminBaseURL(validating: simulator.baseURL.absoluteString), httpClient: http,
      configuration: settings)

    // The spend at the start, read once, puts the warning one dollar above it.
    var configuration = DashboardConfiguration(
      mode: .live, sourceLabel: "simulator", refreshInterval: 600, showsClock: false)
    configuration.criticalAt = 10
    let probe = Runtime<LiveDataSource, ManualClock, Never>(
      source: LiveDataSource(client: client), clock: clock,
      state: DashboardState(configuration: configuration))
    #expect(await probe.settle(timeout: 120))
    probe.stop()
    let (startSpend, limit) = try Self.spendAndLimit(probe.state)
    let threshold = startSpend.minorUnits + 100
    configuration.warnAt = threshold / limit.minorUnits

    let runtime = Runtime<LiveDataSource, ManualClock, Never>(
      source: LiveDataSource(client: client), clock: clock,
      state: DashboardState(configuration: configuration))
    #expect(await runtime.settle(timeout: 120))
    #expect(runtime.takeAlerts().isEmpty, "below the threshold at the start")
    var alerts: [ThresholdAlert] = []
    var before = try Self.spendAndLimit(runtime.state).0
    var spendAtAlert: Money?
    for _ in 0..<(6 * 72) where alerts.isEmpty {
      clock.advance(by: 600)
      repeat {
        for event in await runtime.next() { _ = runtime.process(event) }
      } while DataSlot.allCases.contains { runtime.state[status: $0].isInFlight }
      alerts = runtime.takeAlerts()
      let now = try Self.spendAndLimit(runtime.state).0
      if alerts.isEmpty { before = now } else { spendAtAlert = now }
    }
    let alert = try #require(alerts.first, "spend never crossed the threshold")
    #expect(alerts.count == 1)
    #expect(alert.level == .warning)
    // The alert carries the figures that crossed: at or above the threshold now, below it one
    // refresh earlier (compared in cents, as the gauge does).
    #expect(alert.spend == spendAtAlert)
    #expect(alert.spend.minorUnits >= threshold)
    #expect(before.minorUnits < threshold)
    #expect(alert.limit == limit)

    // More time, more spend: no second warning this month.
    for _ in 0..<6 {
      clock.advance(by: 600)
      repeat {
        for event in await runtime.next() { _ = runtime.process(event) }
      } while DataSlot.allCases.contains { runtime.state[status: $0].isInFlight }
    }
    #expect(runtime.takeAlerts().isEmpty)
    runtime.stop()
    await simulator.stop()
    try await http.shutdown()

    // The command gets the same figures, in dollars to the cent.
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("orgtop-alert-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let script = directory.appendingPathComponent("hook.sh").path
    let output = directory.appendingPathComponent("env.txt").path
    try Data("#!/bin/sh\nenv > \"$1\"\n".utf8).write(to: URL(fileURLWithPath: script))
    chmod(script, 0o700)
    let outcome = await AlertCommand.run(
      // Through /bin/sh: a file just written can fail to execute (ETXTBSY) while another test
      // forks a process that inherited its descriptor.
      ["/bin/sh", script, output], alert: alert, environment: ["PATH": "/usr/bin:/bin"])
    #expect(outcome == .exited(0))
    let lines = Set(try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n"))
    // Whole cents, rounded half up, written out here rather than with the code's formatter.
    let cents = NSDecimalNumber(decimal: alert.spend.minorUnits)
      .rounding(
        accordingToBehavior: NSDecimalNumberHandler(
          roundingMode: .plain, scale: 0, raiseOnExactness: false, raiseOnOverflow: false,
          raiseOnUnderflow: false, raiseOnDivideByZero: false)
      ).intValue
    let dollars = "\(cents / 100)." + String(format: "%02d", cents % 100)
    #expect(lines.contains("ORGTOP_ALERT_LEVEL=warning"))
    #expect(lines.contains("ORGTOP_ALERT_SPEND=\(dollars)"))
    #expect(lines.contains("ORGTOP_ALERT_MONTH=2026-11"))
  }
}
