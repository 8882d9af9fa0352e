import AsyncHTTPClient
import Foundation
import OrgTopCore
import OrgTopSimulator
import Testing

@testable import OrgTopAPI

/// What the anomaly flag's hourly report costs against the simulator at 10,000 keys, pages
/// included, counted in the simulator's request log: 2 requests with the legacy report (its
/// pages count buckets, 168 a page, and the window is 169 hours) at any number of keys, where
/// the same window from analytics costs one page per 1,000 key-hours with usage.
@Suite struct KeyHourlyCostTests {
  private static let now = utc("2026-11-20T10:30:00")

  private func requests(
    keyCount: Int, _ query: ReportQuery
  ) async throws -> (requests: [RequestLogEntry], report: UsageReport) {
    let simulator = try await SimulatorServer.start(
      SimulatorConfiguration(seed: 42, keyCount: keyCount, frozen: true, clock: { Self.now }))
    var settings = AdminClient.Configuration()
    settings.now = { Self.now }
    let http = AdminClient.makeHTTPClient(configuration: settings)
    let client = AdminClient(
      key: try #require(AdminKey(simulator.adminKey)),
      baseURL: try AdminBaseURL(validating: simulator.baseURL.absoluteString), httpClient: http,
      configuration: settings)
    do {
      // The analytics family is forced on the query too, so no probe is counted.
      let report = try await LiveDataSource(client: client).usage(query)
      let log = await simulator.requestLog
      try await http.shutdown()
      await simulator.stop()
      return (log, report)
    } catch {
      try? await http.shutdown()
      await simulator.stop()
      throw error
    }
  }

  @Test func theHourlyReportIsTwoLegacyRequestsAtTenThousandKeys() async throws {
    let query = ReportWindows.keyHourly(at: Self.now)
    #expect(query.source == .legacy)
    let (log, report) = try await requests(keyCount: 10_000, query)
    #expect(log.count == 2, "\(log)")
    #expect(log.allSatisfy { $0.path.hasSuffix("/usage_report/messages") && $0.status == 200 })
    #expect(log.allSatisfy { $0.query.contains("bucket_width=1h") })
    // Every hour of the window is there: 169 buckets' worth of rows fit in those 2 pages.
    let hours = Set(report.rows.map(\.start))
    #expect(hours.count <= 169)
    #expect(hours.allSatisfy { $0 >= query.start && $0 < query.end })
    let usage = KeyHourlyUsage(report: report)
    #expect(usage.baselineHours == 168)
    #expect(!usage.byKey.isEmpty)

    // The same window from analytics: one page per 1,000 rows, a row per key and hour used.
    var analytics = query
    analytics.source = .analytics
    let (analyticsLog, analyticsReport) = try await requests(keyCount: 10_000, analytics)
    let pages = (analyticsReport.rows.count + 999) / 1000
    #expect(analyticsLog.count == max(1, pages))
    #expect(analyticsLog.count > log.count * 5, "analytics: \(analyticsLog.count) requests")
  }
}
