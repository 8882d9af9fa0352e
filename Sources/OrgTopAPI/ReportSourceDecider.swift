import Foundation
import OrgTopCore

/// Decides, once per process, whether usage and cost come from the analytics API or the legacy
/// reports (admin-api.md §13.1), with a single cheap probe shared by concurrent callers.
package actor ReportSourceDecider {
  private var verdict: ReportSource?
  private var probe: Task<ReportSource, any Error>?

  /// `forced` skips the probe (e.g. a command-line override or a test).
  package init(forced: ReportSource? = nil) {
    verdict = forced
  }

  /// The decided source, if any yet.
  package var decided: ReportSource? { verdict }

  /// The source to use, probing analytics on the first call. Transient failures and 401 are
  /// thrown without deciding, so a later call probes again.
  package func source(using client: AdminClient) async throws(AdminClientError) -> ReportSource {
    if let verdict { return verdict }
    let task: Task<ReportSource, any Error>
    if let probe {
      task = probe
    } else {
      task = Task { try await Self.probe(client) }
      probe = task
    }
    do {
      let result = try await task.value
      verdict = result
      probe = nil
      return result
    } catch {
      probe = nil
      throw (error as? AdminClientError) ?? .cancelled
    }
  }

  /// `GET /analytics/usage?starting_at=<start of the previous UTC hour>&limit=1`.
  private static func probe(_ client: AdminClient) async throws(AdminClientError) -> ReportSource {
    let now = client.configuration.now().timeIntervalSince1970
    let hourStart = (now / 3600).rounded(.down) * 3600 - 3600
    do {
      _ = try await client.analyticsProbe(
        AnalyticsQuery(startingAt: Date(timeIntervalSince1970: hourStart), limit: 1))
      return .analytics
    } catch {
      guard case .api(let apiError) = error, Self.meansNoAnalytics(apiError) else { throw error }
      return .legacy
    }
  }

  /// The fallback table of §13.1: 404, or a 400/403 naming the beta, analytics, the endpoint,
  /// or an unsupported organization type. A 400 about our own parameters is not a fallback.
  package static func meansNoAnalytics(_ error: APIError) -> Bool {
    if error.status == 404 { return true }
    guard error.status == 400 || error.status == 403 else { return false }
    if error.errorCode == "organization_type_not_supported" { return true }
    let message = error.message.lowercased()
    let markers = [
      "anthropic-beta", "analytics-usage-cost", "beta", "analytics", "endpoint",
      "organization_type_not_supported", "not supported for this organization",
    ]
    return markers.contains { message.contains($0) }
  }
}

extension AdminClient {
  /// One page only: the probe needs no walk.
  func analyticsProbe(_ query: AnalyticsQuery) async throws(AdminClientError) {
    let response = try await send(
      Request(
        path: Self.organizationsPath + "/analytics/usage", query: query.parameters,
        beta: Self.analyticsBeta))
    _ = try decode(WireReportPage<WireAnalyticsUsageRow>.self, from: response)
  }
}
