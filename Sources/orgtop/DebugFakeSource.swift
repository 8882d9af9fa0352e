// TEMPORARY: an in-memory data source to try the terminal front before the simulator lands.
import Foundation
import OrgTopCore

/// Temporary in-memory source.
struct DebugFakeSource: OrgDataSource {
  var label: String { "debug" }
  func organization() async throws -> Organization {
    if ProcessInfo.processInfo.environment["ORGTOP_DEBUG_CRASH"] != nil {
      try await Task.sleep(for: .seconds(2))
      fatalError("debug crash")
    }
    return Organization(id: "org_1", name: "Acme Rockets ✓ 日本")
  }
  func apiKeys() async throws -> [APIKey] {
    (1...30).map {
      APIKey(
        id: "key_\($0)", name: "key number \($0) ▏▎▍▌▋▊▉█", status: .active,
        createdAt: Date(timeIntervalSince1970: 1_700_000_000))
    }
  }
  func workspaces() async throws -> [Workspace] { [] }
  func members() async throws -> [Member] { [] }
  func invites() async throws -> [Invite] { [] }
  func rateLimits() async throws -> [RateLimitGroup] { [] }
  func spendLimits() async throws -> [SpendLimit] { [] }
  func usage(_ query: ReportQuery) async throws -> UsageReport {
    throw FetchFailure(kind: .notAvailable, message: "n/a", remedy: "")
  }
  func cost(_ query: ReportQuery) async throws -> CostReport {
    throw FetchFailure(kind: .notAvailable, message: "n/a", remedy: "")
  }
}
