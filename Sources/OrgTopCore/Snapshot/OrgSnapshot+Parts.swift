import Foundation

extension OrgSnapshot {
  /// The limit the spend is measured against.
  package struct Limit: Encodable, Hashable, Sendable {
    /// `spend_limit`, `tier_cap` or `budget`; `nil` when there is no limit.
    @Nullable package var source: String? = nil
    @Nullable package var amountUSD: Dollars? = nil
    /// Month-to-date spend ÷ the limit (6 decimal places).
    @Nullable package var usedFraction: Decimal? = nil
    @Nullable package var remainingUSD: Dollars? = nil
    package var resetsAt: Date

    enum CodingKeys: String, CodingKey {
      case source
      case amountUSD = "amount_usd"
      case usedFraction = "used_fraction"
      case remainingUSD = "remaining_usd"
      case resetsAt = "resets_at"
    }
  }

  /// The burn rate and where it leads.
  package struct Burn: Encodable, Hashable, Sendable {
    package var usdPerDay: Dollars
    /// The days the rate was measured over, e.g. `7-day avg` or `today's pace`.
    package var window: String
    @Nullable package var windowDays: Int? = nil
    @Nullable package var projectedMonthEndUSD: Dollars? = nil
    /// When the projection reaches the limit; `nil` when not before the reset, or no limit.
    @Nullable package var limitReachedAt: Date? = nil
    package var limitAlreadyReached: Bool

    enum CodingKeys: String, CodingKey {
      case usdPerDay = "usd_per_day"
      case window
      case windowDays = "window_days"
      case projectedMonthEndUSD = "projected_month_end_usd"
      case limitReachedAt = "limit_reached_at"
      case limitAlreadyReached = "limit_already_reached"
    }
  }

  /// One API key with its month-to-date figures.
  package struct Key: Encodable, Hashable, Sendable {
    package var id: String
    package var name: String
    package var status: String
    /// `nil` for an organization-scoped key (it belongs to no workspace).
    @Nullable package var workspaceID: String? = nil
    @Nullable package var workspaceName: String? = nil
    @Nullable package var createdBy: Creator? = nil
    package var createdAt: Date
    @Nullable package var expiresAt: Date? = nil
    /// The UTC day of the latest usage in the last 30 days.
    @Nullable package var lastActive: Date? = nil
    /// `day`, `before_window` (no usage in 30 days), `never`, or `unknown` (not loaded).
    package var lastActiveState: String
    /// The key's flags at the snapshot's instant (``KeyFlags``): `[]` when none was raised.
    package var flags: [Flag]
    /// `nil` with legacy reports (they cannot split cost by key).
    @Nullable package var costUSD: Dollars? = nil
    @Nullable package var tokens: Tokens? = nil
    package var byModel: [ModelCost]

    enum CodingKeys: String, CodingKey {
      case id, name, status
      case workspaceID = "workspace_id"
      case workspaceName = "workspace_name"
      case createdBy = "created_by"
      case createdAt = "created_at"
      case expiresAt = "expires_at"
      case lastActive = "last_active"
      case lastActiveState = "last_active_state"
      case flags
      case costUSD = "cost_usd"
      case tokens
      case byModel = "by_model"
    }
  }

  /// One flag of a key: its short code and the reason in words.
  package struct Flag: Encodable, Hashable, Sendable {
    /// `idle`, `noexp`, `dflt`, `gone`, `exp7d` or `spike`.
    package var code: String
    package var reason: String
  }

  /// Who made a key.
  package struct Creator: Encodable, Hashable, Sendable {
    package var id: String
    /// `user`, `service_account`, or the API's own word for a newer kind.
    package var type: String
    /// The member's name (or e-mail); `nil` when the creator is not a member.
    @Nullable package var name: String? = nil
  }

  /// One workspace with its month-to-date figures (usage with no key included).
  package struct WorkspaceFacts: Encodable, Hashable, Sendable {
    package var id: String
    package var name: String
    package var isDefault: Bool
    package var archived: Bool
    package var keys: Int
    package var activeKeys: Int
    @Nullable package var costUSD: Dollars? = nil
    /// The part of `cost_usd` with no key; `nil` with legacy reports.
    @Nullable package var noKeyCostUSD: Dollars? = nil
    @Nullable package var tokens: Tokens? = nil

    enum CodingKeys: String, CodingKey {
      case id, name
      case isDefault = "default"
      case archived, keys
      case activeKeys = "active_keys"
      case costUSD = "cost_usd"
      case noKeyCostUSD = "no_key_cost_usd"
      case tokens
    }
  }

  /// The month's usage with no key in one workspace and model.
  package struct NoKeyUsage: Encodable, Hashable, Sendable {
    package var workspaceID: String
    package var workspaceName: String
    package var model: String
    /// `nil` with legacy reports (they attribute no cost to keys, so none to "no key" either).
    @Nullable package var costUSD: Dollars? = nil
    @Nullable package var tokens: Tokens? = nil

    enum CodingKeys: String, CodingKey {
      case workspaceID = "workspace_id"
      case workspaceName = "workspace_name"
      case model
      case costUSD = "cost_usd"
      case tokens
    }
  }

  /// One member with the keys they created and those keys' month-to-date cost.
  package struct MemberFacts: Encodable, Hashable, Sendable {
    package var id: String
    package var email: String
    package var name: String
    package var role: String
    package var keys: Int
    package var activeKeys: Int
    @Nullable package var costUSD: Dollars? = nil

    enum CodingKeys: String, CodingKey {
      case id, email, name, role, keys
      case activeKeys = "active_keys"
      case costUSD = "cost_usd"
    }
  }

  /// One rate-limit group and its limiters.
  package struct RateLimit: Encodable, Hashable, Sendable {
    package var groupType: String
    package var groupID: String
    @Nullable package var name: String? = nil
    package var models: [String]
    package var limits: [Limiter]

    enum CodingKeys: String, CodingKey {
      case groupType = "group_type"
      case groupID = "group_id"
      case name, models, limits
    }
  }

  /// One limiter: its configured value, and the peak minute of the last hour against it.
  package struct Limiter: Encodable, Hashable, Sendable {
    package var type: String
    package var value: Int
    /// The busiest complete minute of the last hour; `nil` when not measurable.
    @Nullable package var peakLastHour: Int? = nil
    /// 1 − peak ÷ value; `nil` when not measurable.
    @Nullable package var headroom: Double? = nil

    enum CodingKeys: String, CodingKey {
      case type, value
      case peakLastHour = "peak_last_hour"
      case headroom
    }
  }

  /// A resource that could not be read, with what to do about it.
  package struct ResourceError: Encodable, Hashable, Sendable {
    package var resource: String
    package var kind: String
    /// The HTTP status, when there was a response.
    @Nullable package var status: Int? = nil
    package var message: String
    package var remedy: String
  }
}

/// An exact amount in US dollars, written to JSON as a decimal string (never a binary float).
package struct Dollars: Encodable, Hashable, Sendable, CustomStringConvertible {
  package var amount: Decimal

  package init(_ amount: Decimal) { self.amount = amount }

  /// The dollars of an amount held in cents.
  package init(_ money: Money) { amount = money.majorUnits }

  /// The plain decimal digits, e.g. `148.08376`; no exponent, no grouping, no rounding.
  package var description: String { amount.description }

  package func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
