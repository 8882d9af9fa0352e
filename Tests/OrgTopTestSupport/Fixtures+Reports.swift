import Foundation
import OrgTopCore

/// Steady usage of one key (or of no key) on one model, from which every report is generated.
package struct UsageProfile: Hashable, Sendable {
  package var keyID: String?
  package var model: String
  /// Tokens in the minute starting at epoch minute `m`: `base + (m mod 7) × base / 10`.
  package var baseTokensPerMinute: Int
  /// Blended price, in cents per million tokens.
  package var centsPerMillion: Decimal
  package var activeFrom: Date
  package var activeUntil: Date

  /// Tokens used in `[start, end)`, whole minutes.
  package func tokens(from start: Date, to end: Date) -> Int {
    let lower = max(minute(start), minute(activeFrom))
    let upper = min(minute(end), minute(activeUntil))
    guard upper > lower else { return 0 }
    let cycle = Self.cycleSum(upper) - Self.cycleSum(lower)
    return (upper - lower) * baseTokensPerMinute + cycle * baseTokensPerMinute / 10
  }

  /// Σ (m mod 7) for m in 0..<n.
  private static func cycleSum(_ count: Int) -> Int {
    count / 7 * 21 + (count % 7) * (count % 7 - 1) / 2
  }

  private func minute(_ date: Date) -> Int { UTCCalendar.epochSeconds(date) / 60 }
}

extension Fixtures {
  static let sonnet = "claude-sonnet-4-6"
  static let sonnetOld = "claude-sonnet-4-5"
  static let haiku = "claude-haiku-4-5-20251001"
  static let always = UTCCalendar.date(year: 2026, month: 1, day: 1)
  static let forever = UTCCalendar.date(year: 2100, month: 1, day: 1)

  /// Who uses what. Keys 6, 7, 9 and 11 have no usage; the last profile has no key (Console).
  package static let profiles: [UsageProfile] = [
    profile(0, sonnet, 30_000, 150),
    profile(0, haiku, 20_000, 40),
    profile(1, sonnet, 5_000, 150),
    profile(2, haiku, 40_000, 40),
    profile(3, sonnet, 8_000, 150, from: day(11, 10)),
    profile(4, sonnetOld, 3_000, 150, until: UTCCalendar.date(year: 2026, month: 11, day: 15)),
    profile(5, sonnet, 2_000, 150, until: UTCCalendar.date(year: 2026, month: 10, day: 1)),
    profile(8, haiku, 2_000, 40),
    profile(
      10, sonnet, 1_000, 150, until: UTCCalendar.date(year: 2026, month: 11, day: 19, hour: 18)),
    UsageProfile(
      keyID: nil, model: sonnet, baseTokensPerMinute: 500, centsPerMillion: 150,
      activeFrom: always, activeUntil: forever),
  ]

  static func profile(
    _ key: Int, _ model: String, _ tokens: Int, _ cents: Decimal, from: Date? = nil,
    until: Date? = nil
  ) -> UsageProfile {
    UsageProfile(
      keyID: apiKeys[key].id, model: model, baseTokensPerMinute: tokens, centsPerMillion: cents,
      activeFrom: from ?? always, activeUntil: until ?? forever)
  }

  /// The instant the simulated reports are complete up to: 5 min before the window's end,
  /// minute-floored (as the simulator does).
  package static func dataRefreshedAt(for query: ReportQuery) -> Date {
    UTCCalendar.minuteStart(containing: query.end.addingTimeInterval(-300))
  }

  /// The buckets of a query: its width, or one bucket for the whole window (hour-floored end,
  /// as analytics does without a width).
  static func buckets(for query: ReportQuery) -> [(Date, Date)] {
    let dataEnd = min(query.end, dataRefreshedAt(for: query))
    guard let width = query.bucket else {
      let end = UTCCalendar.floor(dataEnd, to: 3600)
      return end > query.start ? [(query.start, end)] : []
    }
    let step = width == .minute ? 60 : (width == .hour ? 3600 : 86_400)
    var result: [(Date, Date)] = []
    var start = UTCCalendar.floor(query.start, to: step)
    while start < dataEnd {
      let end = start.addingTimeInterval(TimeInterval(step))
      result.append((max(start, query.start), min(end, dataEnd)))
      start = end
    }
    return result
  }

  private struct GroupKey: Hashable {
    var bucket: Int
    var keyID: String?
    var model: String?
    var workspaceID: String?
  }

  /// The workspace a profile's usage is reported in: its key's, or the Default workspace for
  /// usage with no key (and for an organization-scoped key).
  package static func workspaceID(of profile: UsageProfile) -> String {
    apiKeys.first { $0.id == profile.keyID }?.workspaceID ?? defaultWorkspaceID
  }

  /// A usage report for any query, from the profiles.
  package static func usageReport(_ query: ReportQuery, source: ReportSource = .analytics)
    -> UsageReport
  {
    let buckets = buckets(for: query)
    var totals: [GroupKey: Int] = [:]
    for (index, bucket) in buckets.enumerated() {
      for profile in profiles {
        let tokens = profile.tokens(from: bucket.0, to: bucket.1)
        guard tokens > 0 else { continue }
        let key = GroupKey(
          bucket: index, keyID: query.groupBy.contains(.apiKey) ? profile.keyID : nil,
          model: query.groupBy.contains(.model) ? profile.model : nil,
          workspaceID: query.groupBy.contains(.workspace) ? workspaceID(of: profile) : nil)
        totals[key, default: 0] += tokens
      }
    }
    let rows = totals.sorted {
      ($0.key.bucket, $0.key.keyID ?? "", $0.key.model ?? "", $0.key.workspaceID ?? "") < (
        $1.key.bucket, $1.key.keyID ?? "", $1.key.model ?? "", $1.key.workspaceID ?? ""
      )
    }
    .map { group, total in
      UsageRow(
        start: buckets[group.bucket].0, end: buckets[group.bucket].1, apiKeyID: group.keyID,
        model: group.model, workspaceID: group.workspaceID, tokens: split(total),
        requests: source == .analytics ? max(total / 3000, 1) : nil)
    }
    return UsageReport(
      query: query, rows: rows, source: source,
      dataRefreshedAt: source == .analytics ? dataRefreshedAt(for: query) : nil)
  }

  /// A cost report for any query, from the profiles (legacy: no per-key split).
  package static func costReport(_ query: ReportQuery, source: ReportSource = .analytics)
    -> CostReport
  {
    let buckets = buckets(for: query)
    var totals: [GroupKey: Decimal] = [:]
    for (index, bucket) in buckets.enumerated() {
      for profile in profiles {
        let tokens = profile.tokens(from: bucket.0, to: bucket.1)
        guard tokens > 0 else { continue }
        let byKey = query.groupBy.contains(.apiKey) && source == .analytics
        let key = GroupKey(
          bucket: index, keyID: byKey ? profile.keyID : nil,
          model: query.groupBy.contains(.model) ? profile.model : nil,
          workspaceID: query.groupBy.contains(.workspace) ? workspaceID(of: profile) : nil)
        totals[key, default: 0] += Decimal(tokens) * profile.centsPerMillion / 1_000_000
      }
    }
    let rows = totals.sorted {
      ($0.key.bucket, $0.key.keyID ?? "", $0.key.model ?? "", $0.key.workspaceID ?? "") < (
        $1.key.bucket, $1.key.keyID ?? "", $1.key.model ?? "", $1.key.workspaceID ?? ""
      )
    }
    .map { group, amount in
      CostRow(
        start: buckets[group.bucket].0, end: buckets[group.bucket].1, apiKeyID: group.keyID,
        model: group.model, workspaceID: group.workspaceID, amount: Money(minorUnits: amount))
    }
    return CostReport(
      query: query, rows: rows, source: source,
      dataRefreshedAt: source == .analytics ? dataRefreshedAt(for: query) : nil)
  }

  /// Splits a total into token types that add back up to it.
  static func split(_ total: Int) -> TokenCounts {
    let uncached = total * 2 / 10
    let output = total / 10
    let cacheCreation = total / 20
    return TokenCounts(
      uncachedInput: uncached, output: output,
      cacheRead: total - uncached - output - cacheCreation, cacheCreation5m: cacheCreation)
  }

  /// The fixture's answer to any request (a successful fetch).
  package static func response(to request: DataRequest, source: ReportSource = .analytics)
    -> DataResponse
  {
    switch request {
    case .organization: .organization(organization)
    case .apiKeys: .apiKeys(apiKeys)
    case .workspaces: .workspaces(workspaces)
    case .members: .members(members)
    case .invites: .invites(invites)
    case .rateLimits: .rateLimits(rateLimits)
    case .spendLimits: .spendLimits(spendLimits)
    case .usage(let query): .usage(usageReport(query, source: source))
    case .cost(let query): .cost(costReport(query, source: source))
    case .workspaceMembers(let id): .workspaceMembers(workspaceMembers(of: id))
    case .workspaceRateLimits(let id): .workspaceRateLimits(workspaceRateLimits(of: id))
    }
  }
}

/// The fixture organization as an ``OrgDataSource``, for headless program tests.
package struct FixtureDataSource: OrgDataSource {
  package var label: String { "fixture" }
  package var source: ReportSource

  package init(source: ReportSource = .analytics) {
    self.source = source
  }

  package func organization() async throws -> Organization { Fixtures.organization }
  package func apiKeys() async throws -> [APIKey] { Fixtures.apiKeys }
  package func workspaces() async throws -> [Workspace] { Fixtures.workspaces }
  package func members() async throws -> [Member] { Fixtures.members }
  package func invites() async throws -> [Invite] { Fixtures.invites }
  package func rateLimits() async throws -> [RateLimitGroup] { Fixtures.rateLimits }
  package func spendLimits() async throws -> [SpendLimit] { Fixtures.spendLimits }
  package func usage(_ query: ReportQuery) async throws -> UsageReport {
    Fixtures.usageReport(query, source: source)
  }
  package func cost(_ query: ReportQuery) async throws -> CostReport {
    Fixtures.costReport(query, source: source)
  }
  package func workspaceMembers(workspaceID: String) async throws -> [WorkspaceMember] {
    Fixtures.workspaceMembers(of: workspaceID)
  }
  package func workspaceRateLimits(workspaceID: String) async throws -> [WorkspaceRateLimit] {
    Fixtures.workspaceRateLimits(of: workspaceID)
  }
}
