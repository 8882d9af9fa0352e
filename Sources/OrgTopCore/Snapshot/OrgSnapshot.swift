import Foundation

/// Everything orgtop knows about an organization at one instant, as the figures a script reads:
/// the JSON document of `orgtop snapshot` (schema version 1, documented field by field in
/// docs/snapshot.md), and the source of its CSV and Prometheus forms.
///
/// Built from a settled ``DashboardState`` by ``init(state:now:source:)`` with the dashboard's
/// own figures (``DashboardFigures``, ``CostSummary``, the key rows), so a script and the screen
/// show the same numbers. Money is exact `Decimal` dollars; sums are never rounded.
package struct OrgSnapshot: Encodable, Hashable, Sendable {
  /// The schema version; bumped only on an incompatible change.
  package static let schemaVersion = 1

  package var schemaVersion = OrgSnapshot.schemaVersion
  package var generatedAt: Date
  package var source: Source
  @Nullable package var organization: OrganizationFacts? = nil
  package var window: Window
  @Nullable package var cost: Cost? = nil
  @Nullable package var tokens: Tokens? = nil
  @Nullable package var limit: Limit? = nil
  @Nullable package var burn: Burn? = nil
  @Nullable package var keys: [Key]? = nil
  @Nullable package var workspaces: [WorkspaceFacts]? = nil
  @Nullable package var members: [MemberFacts]? = nil
  /// The usage with no key (Console, Workbench) per workspace and model.
  @Nullable package var noKeyUsage: [NoKeyUsage]? = nil
  @Nullable package var rateLimits: [RateLimit]? = nil
  /// Seconds since each resource was last read successfully (`nil`: never), by resource name.
  package var dataAgeSeconds: [String: Int?]
  package var errors: [ResourceError]

  enum CodingKeys: String, CodingKey {
    case schemaVersion = "schema_version"
    case generatedAt = "generated_at"
    case source, organization, window, cost, tokens, limit, burn, keys, workspaces, members
    case noKeyUsage = "no_key_usage"
    case rateLimits = "rate_limits"
    case dataAgeSeconds = "data_age_seconds"
    case errors
  }

  /// Where the figures were read from.
  package struct Source: Encodable, Hashable, Sendable {
    package var baseURL: String
    package var demo: Bool
    /// `analytics` or `legacy`; `nil` when no report answered.
    @Nullable package var reports: String? = nil

    package init(baseURL: String, demo: Bool, reports: String? = nil) {
      self.baseURL = baseURL
      self.demo = demo
      self.reports = reports
    }

    enum CodingKeys: String, CodingKey {
      case baseURL = "base_url"
      case demo, reports
    }
  }

  /// The organization (`GET /me`).
  package struct OrganizationFacts: Encodable, Hashable, Sendable {
    package var id: String
    package var name: String
    package var type: String
  }

  /// The month-to-date window: `[start, end)`, UTC.
  package struct Window: Encodable, Hashable, Sendable {
    package var start: Date
    /// The instant the cost data is complete up to; `nil` before the cost report answered.
    @Nullable package var end: Date? = nil
  }

  /// Month-to-date cost in dollars.
  package struct Cost: Encodable, Hashable, Sendable {
    package var totalUSD: Dollars
    /// The part attributed to keys; `nil` with legacy reports (no per-key cost).
    @Nullable package var keysUSD: Dollars? = nil
    /// The part with no key (Console, Workbench); `nil` with legacy reports.
    @Nullable package var noKeyUSD: Dollars? = nil
    package var byModel: [ModelCost]

    enum CodingKeys: String, CodingKey {
      case totalUSD = "total_usd"
      case keysUSD = "keys_usd"
      case noKeyUSD = "no_key_usd"
      case byModel = "by_model"
    }
  }

  /// One model's month-to-date cost (and tokens, where the row is a key's).
  package struct ModelCost: Encodable, Hashable, Sendable {
    package var model: String
    @Nullable package var costUSD: Dollars? = nil
    @Nullable package var tokens: Tokens? = nil

    enum CodingKeys: String, CodingKey {
      case model
      case costUSD = "cost_usd"
      case tokens
    }
  }

  /// Token counts by kind; `cache_creation` is the 5-minute and 1-hour writes together.
  package struct Tokens: Encodable, Hashable, Sendable {
    package var total: Int
    package var uncachedInput: Int
    package var cacheCreation: Int
    package var cacheRead: Int
    package var output: Int

    package init(_ counts: TokenCounts) {
      total = counts.total
      uncachedInput = counts.uncachedInput
      cacheCreation = counts.cacheCreation5m + counts.cacheCreation1h
      cacheRead = counts.cacheRead
      output = counts.output
    }

    enum CodingKeys: String, CodingKey {
      case total
      case uncachedInput = "uncached_input"
      case cacheCreation = "cache_creation"
      case cacheRead = "cache_read"
      case output
    }
  }
}
