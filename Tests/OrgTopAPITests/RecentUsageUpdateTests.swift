import AsyncHTTPClient
import Foundation
import OrgTopCore
import OrgTopSimulator
import OrgTopTestSupport
import Testing

@testable import OrgTopAPI

/// The last hour is refreshed in part (`ReportWindows.recentUsage(at:holding:)`): these tests
/// hold the merged report to a whole fetch of the same window at the same instant, both read
/// over HTTP from a simulated organization whose usage keeps growing under a manual clock.
@Suite struct RecentUsageUpdateTests {
  private static let start = utc("2026-11-20T10:30:20")

  /// A simulator and a client on the same manual clock.
  private struct Connection {
    let simulator: RunningSimulator
    let http: HTTPClient
    let source: LiveDataSource
    let clock: ManualClock

    func close() async throws {
      try await http.shutdown()
      await simulator.stop()
    }
  }

  private func connect(seed: UInt64, analytics: SimulatorConfiguration.Analytics) async throws
    -> Connection
  {
    let clock = ManualClock(now: Self.start)
    let simulator = try await SimulatorServer.start(
      SimulatorConfiguration(
        seed: seed, keyCount: 30, analytics: analytics, clock: { clock.now }))
    var settings = AdminClient.Configuration()
    settings.sleeper = RecordingSleeper()
    settings.now = { clock.now }
    let http = AdminClient.makeHTTPClient(configuration: settings)
    let client = AdminClient(
      key: try #require(AdminKey(simulator.adminKey)),
      baseURL: try AdminBaseURL(validating: simulator.baseURL.absoluteString), httpClient: http,
      configuration: settings)
    return Connection(
      simulator: simulator, http: http, source: LiveDataSource(client: client), clock: clock)
  }

  /// Rows in one order, whatever order the two fetches listed them in.
  private func sorted(_ rows: [UsageRow]) -> [UsageRow] {
    rows.sorted { ($0.start, $0.model ?? "") < ($1.start, $1.model ?? "") }
  }

  @Test(arguments: [
    (UInt64(3), SimulatorConfiguration.Analytics.available, [60.0, 60, 420, 61]),
    (UInt64(11), .absent, [90.0, 600, 15]),
  ])
  func aPartialRefreshEqualsAWholeFetch(
    seed: UInt64, analytics: SimulatorConfiguration.Analytics, steps: [TimeInterval]
  ) async throws {
    let connection = try await connect(seed: seed, analytics: analytics)
    do {
      var held = try await connection.source.usage(
        ReportWindows.recentUsage(at: connection.clock.now))
      for step in steps {
        connection.clock.advance(by: step)
        let now = connection.clock.now
        let whole = ReportWindows.recentUsage(at: now)
        let partial = ReportWindows.recentUsage(at: now, holding: held)
        // Only the minutes since the held report's end, less the overlap, are asked again.
        #expect(
          partial.start
            == UTCCalendar.minuteStart(
              containing: held.query.end.addingTimeInterval(-ReportWindows.recentOverlap)))
        #expect(partial.start > whole.start && partial.end == whole.end)
        let answer = try await connection.source.usage(partial)
        #expect(answer.rows.count < held.rows.count)
        held = held.updated(by: answer, windowStart: whole.start)
        let fetched = try await connection.source.usage(whole)
        #expect(held.query == fetched.query)
        #expect(held.source == fetched.source)
        #expect(held.dataRefreshedAt == fetched.dataRefreshedAt)
        #expect(sorted(held.rows) == sorted(fetched.rows))
        #expect(!fetched.rows.isEmpty)
      }
    } catch {
      try await connection.close()
      throw error
    }
    try await connection.close()
  }
}
