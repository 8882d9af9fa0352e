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
  /// The slot's description, from a table built once (a frame reads the status of every slot
  /// several times: building a description per read would allocate, and a dictionary would hash
  /// the raw value, a string, on each read).
  package var resource: Resource { Self.resources[ordinal] }

  /// The case's position in ``allCases`` (declaration order): a case of an enum without
  /// payloads is stored as that number in one byte. `ResourceTests` checks it for every case.
  package var ordinal: Int {
    Int(unsafeBitCast(self, to: UInt8.self))
  }

  private static let resources = allCases.map(describe)

  /// Every resource, described once. Refresh periods are named in ``RefreshPolicy/Period``;
  /// report windows are in ``ReportWindows`` (all UTC, see docs/admin-api.md). The key path and
  /// the `read` closure name the same property (see ``Resource``); `ResourceTests` checks that
  /// each slot's status is written and read there and nowhere else.
  private static func describe(_ slot: DataSlot) -> Resource {
    switch slot {
    case .organization:
      Resource(
        \.organization, read: { $0.organization }, period: .slow,
        request: { _ in .organization })
    case .apiKeys:
      Resource(\.apiKeys, read: { $0.apiKeys }, period: .list, request: { _ in .apiKeys })
    case .workspaces:
      Resource(
        \.workspaces, read: { $0.workspaces }, period: .list, request: { _ in .workspaces })
    case .members:
      Resource(\.members, read: { $0.members }, period: .list, request: { _ in .members })
    case .invites:
      Resource(\.invites, read: { $0.invites }, period: .list, request: { _ in .invites })
    case .rateLimits:
      Resource(
        \.rateLimits, read: { $0.rateLimits }, period: .slow, request: { _ in .rateLimits })
    case .spendLimits:
      // Any 4xx but 401/429 means this organization cannot read them (docs/admin-api.md §14).
      Resource(
        \.spendLimits, read: { $0.spendLimits }, period: .list, request: { _ in .spendLimits },
        unreadableWhen: [.badRequest, .forbidden, .notFound, .notAvailable])
    case .monthUsage:
      Resource(
        \.monthUsage, read: { $0.monthUsage }, period: .reports,
        request: { .usage(ReportWindows.monthUsage(at: $0)) },
        keep: { $0.payload(as: UsageReport.self) }, windowStart: { $0.query.start })
    case .monthCost:
      Resource(
        \.monthCost, read: { $0.monthCost }, period: .reports,
        request: { .cost(ReportWindows.monthCost(at: $0)) },
        keep: { $0.payload(as: CostReport.self) }, windowStart: { $0.query.start })
    case .recentUsage:
      Resource(
        \.recentUsage, read: { $0.recentUsage }, period: .reports,
        request: { .usage(ReportWindows.recentUsage(at: $0)) },
        update: ResourceUpdate(
          request: { .usage(ReportWindows.recentUsage(at: $0, holding: $1)) },
          merge: { held, answer in
            held.updated(
              by: answer, windowStart: ReportWindows.recentUsage(at: answer.query.end).start)
          }))
    case .keyActivity:
      Resource(
        \.keyActivity, read: { $0.keyActivity }, period: .activity,
        request: { .usage(ReportWindows.keyActivity(at: $0)) })
    case .dailyCost:
      Resource(
        \.dailyCost, read: { $0.dailyCost }, period: .reports,
        request: { .cost(ReportWindows.dailyCost(at: $0)) },
        keep: { $0.payload(as: CostReport.self) }, windowStart: { $0.query.start })
    case .keyHourly:
      // Only the judged hour's tokens and the median are kept per key, not the report.
      Resource(
        \.keyHourly, read: { $0.keyHourly }, period: .hourly,
        request: { .usage(ReportWindows.keyHourly(at: $0)) },
        keep: { $0.payload(as: UsageReport.self).map(KeyHourlyUsage.init(report:)) })
    }
  }
}

/// A resource kept per key (per workspace id), fetched on demand: only the keys the screen
/// needs now (``KeyedResource/wanted(in:)``), at most ``KeyedResource/maxInFlight`` at a
/// time, each refreshed on its own period. Described once, like ``DataSlot``, in
/// ``resource``; the scheduler (`DashboardReducer+Keyed`) never switches on the case.
package enum KeyedSlot: String, Hashable, Sendable, CaseIterable {
  /// `GET /workspaces/{id}/members` (docs/admin-api.md §10): the workspaces view's MEMBERS,
  /// for the workspaces on its page while it is shown (always in kiosk mode).
  case workspaceMembers
  /// `GET /workspaces/{id}/rate_limits?include_inherited=true` (§11.2), of which only the
  /// workspace's own values are kept: the rate-limits view's OVERRIDES, for every workspace
  /// that is not archived, while that view is shown (always in kiosk mode).
  case workspaceRateLimits
}

extension KeyedSlot {
  /// How many fetches of one keyed resource may be in flight at once: 1,000 workspaces never
  /// mean 1,000 requests at once, and the organization-wide slots keep most of the budget.
  package static let maxInFlight = 4

  /// The slot's description, built once (see ``DataSlot/resource``; a `switch`, as the
  /// scheduler reads it on every tick and `allCases` would build an array per read).
  package var resource: KeyedResource {
    switch self {
    case .workspaceMembers: Self.membersResource
    case .workspaceRateLimits: Self.rateLimitsResource
    }
  }

  private static let membersResource = describe(.workspaceMembers)
  private static let rateLimitsResource = describe(.workspaceRateLimits)

  private static func describe(_ slot: KeyedSlot) -> KeyedResource {
    switch slot {
    case .workspaceMembers:
      // Members change rarely: the slow period (10 min) while the view shows the workspace.
      KeyedResource(
        \.workspaceMembers, read: { $0.workspaceMembers }, period: .slow,
        wanted: { state, deriver in
          state.mayShow(.workspaces) ? state.workspaceIDsInView(deriver: deriver) : []
        },
        request: { .workspaceMembers(workspaceID: $0) })
    case .workspaceRateLimits:
      // Overrides are set by hand in the Console: the hourly-report period (15 min).
      KeyedResource(
        \.workspaceOverrides, read: { $0.workspaceOverrides }, period: .hourly,
        wanted: { state, _ in state.mayShow(.rateLimits) ? state.liveWorkspaceIDs : [] },
        request: { .workspaceRateLimits(workspaceID: $0) },
        keep: { $0.payload(as: [WorkspaceRateLimit].self).map(RateLimitOverride.overrides(in:)) })
    }
  }
}
