/// A named piece of the dashboard's data, fetched and refreshed on its own schedule (its own
/// refresh period, single flight, backoff). Each slot is described once, in ``resource``: its
/// request, its refresh period and where its value goes; the scheduler, the reducer's store and
/// the status bookkeeping go through those descriptions and never switch on the slot.
package enum DataSlot: String, Hashable, Sendable, CaseIterable {
  case organization
  case apiKeys
  case workspaces
  case members
  case invites
  case rateLimits
  case spendLimits
  /// Month-to-date usage, per key and model.
  case monthUsage
  /// Month-to-date cost, per key and model, for the whole month so far (no buckets).
  case monthCost
  /// The last hour of usage in one-minute buckets, per model (live burn, rate-limit headroom).
  case recentUsage
  /// Thirty days of usage per key in daily buckets ("last active").
  case keyActivity
  /// Month-to-date cost of the whole organization per UTC day (burn rate, sparkline).
  case dailyCost
  /// Seven days and an hour of usage per key in hourly buckets (the anomaly flag).
  case keyHourly
}

extension DataSlot {
  /// The slot's description, looked up in a table built once (a frame reads the status of
  /// every slot; building a description per read would allocate).
  package var resource: any AnyResource {
    guard let resource = Self.resources[self] else {
      preconditionFailure("DataSlot.describe covers every case")
    }
    return resource
  }

  private static let resources = Dictionary(
    uniqueKeysWithValues: allCases.map { ($0, describe($0)) })

  /// Every resource, described once. Refresh periods are fields of ``RefreshPolicy``; report
  /// windows are in ``ReportWindows`` (all UTC, see docs/admin-api.md).
  private static func describe(_ slot: DataSlot) -> any AnyResource {
    switch slot {
    case .organization:
      Resource(\.organization, period: \.slowTTL, request: { _ in .organization })
    case .apiKeys: Resource(\.apiKeys, period: \.listTTL, request: { _ in .apiKeys })
    case .workspaces: Resource(\.workspaces, period: \.listTTL, request: { _ in .workspaces })
    case .members: Resource(\.members, period: \.listTTL, request: { _ in .members })
    case .invites: Resource(\.invites, period: \.listTTL, request: { _ in .invites })
    case .rateLimits: Resource(\.rateLimits, period: \.slowTTL, request: { _ in .rateLimits })
    case .spendLimits:
      // Any 4xx but 401/429 means this organization cannot read them (docs/admin-api.md §14).
      Resource(
        \.spendLimits, period: \.listTTL, request: { _ in .spendLimits },
        unreadableWhen: [.badRequest, .forbidden, .notFound, .notAvailable])
    case .monthUsage:
      Resource(
        \.monthUsage, period: \.refreshInterval,
        request: { .usage(ReportWindows.monthUsage(at: $0)) },
        keep: { $0.payload(as: UsageReport.self) }, windowStart: { $0.query.start })
    case .monthCost:
      Resource(
        \.monthCost, period: \.refreshInterval,
        request: { .cost(ReportWindows.monthCost(at: $0)) },
        keep: { $0.payload(as: CostReport.self) }, windowStart: { $0.query.start })
    case .recentUsage:
      Resource(
        \.recentUsage, period: \.refreshInterval,
        request: { .usage(ReportWindows.recentUsage(at: $0)) })
    case .keyActivity:
      Resource(
        \.keyActivity, period: \.activityTTL,
        request: { .usage(ReportWindows.keyActivity(at: $0)) })
    case .dailyCost:
      Resource(
        \.dailyCost, period: \.refreshInterval,
        request: { .cost(ReportWindows.dailyCost(at: $0)) },
        keep: { $0.payload(as: CostReport.self) }, windowStart: { $0.query.start })
    case .keyHourly:
      // Only the judged hour's tokens and the median are kept per key, not the report.
      Resource(
        \.keyHourly, period: \.hourlyTTL, request: { .usage(ReportWindows.keyHourly(at: $0)) },
        keep: { $0.payload(as: UsageReport.self).map(KeyHourlyUsage.init(report:)) })
    }
  }
}
