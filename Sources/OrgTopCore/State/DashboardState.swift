import Foundation

/// Everything the dashboard knows, as one value: the configuration, every data slot with its
/// fetch bookkeeping, and the navigation state: facts only. What follows from them (sums,
/// sorted rows, counts) is a ``Derivation``, computed by a ``Deriver``; formatting happens in
/// the view models. Changed only by ``DashboardReducer``; projected to the screen by
/// `DashboardViewModel(state:now:)`.
package struct DashboardState: Hashable, Sendable {
  /// What is drawn over the dashboard.
  package enum OverlayState: Hashable, Sendable {
    /// The detail of the selected key.
    case keyDetail
    case help
    /// The profile picker, with the highlighted profile's index.
    case profilePicker(selected: Int)
    /// The confirmation of a key action (rename, deactivate, reactivate, archive).
    case keyAction(KeyActionPrompt)
    /// The selected rate limit's group: every limit with its peak and headroom, and the
    /// workspaces' own values.
    case rateLimitDetail
  }

  package var configuration: DashboardConfiguration

  package var organization = Loadable<Organization>()
  package var apiKeys = Loadable<[APIKey]>()
  package var workspaces = Loadable<[Workspace]>()
  package var members = Loadable<[Member]>()
  package var invites = Loadable<[Invite]>()
  package var rateLimits = Loadable<[RateLimitGroup]>()
  package var spendLimits = Loadable<[SpendLimit]>()
  package var monthUsage = Loadable<UsageReport>()
  package var monthCost = Loadable<CostReport>()
  package var dailyCost = Loadable<CostReport>()
  package var recentUsage = Loadable<UsageReport>()
  package var keyActivity = Loadable<UsageReport>()
  /// Per key, the judged hour's tokens and the 7-day hourly median (the anomaly flag), kept
  /// instead of the hourly report itself.
  package var keyHourly = Loadable<KeyHourlyUsage>()

  /// The instant the key flags are judged at: when a fact they read last changed (set by the
  /// reducer), so an idle clock tick does not judge 10,000 keys again; `nil` until then, when
  /// they are judged at ``lastSeen``. The flags' reasons in the detail view and the snapshot
  /// are judged at their own instant.
  package var keyFlagsJudgedAt: Date?
  /// Per workspace id, its members (``KeyedSlot/workspaceMembers``, fetched on demand).
  package var workspaceMembers: [String: Loadable<[WorkspaceMember]>] = [:]
  /// Per workspace id, its own rate-limit values (``KeyedSlot/workspaceRateLimits``, fetched
  /// on demand); the rate-limit lines read them when computed.
  package var workspaceOverrides: [String: Loadable<[RateLimitOverride]>] = [:]

  /// The API as a whole is failing: one probe at a time until it answers again.
  package var outage: Outage?
  /// The highest spend level alerted this month (see ``ThresholdAlert``).
  package var alertedLevel: AlertedLevel?

  /// The latest instant an action carried: the reducer's notion of now between actions.
  package var lastSeen: Date?
  /// The dashboard's focused pane (overview, keys or usage).
  package var focus: Pane = .keys
  /// The members view's focused pane (members or invites).
  package var membersFocus: Pane = .members
  /// The highlighted pending invite (an index into the invites as listed), moved by the list
  /// keys while the invites pane has the focus.
  package var selectedInvite = 0
  package var overlay: OverlayState?
  /// The key list's filter, sort, selection and scroll.
  package var keyList = ListState<KeyColumn>(sortColumn: .cost, sortDescending: true)
  /// `f`: only keys with at least one flag are listed (with the text filter, if any).
  package var keysFlaggedOnly = false
  /// Set by `Enter` on a member or a workspace: only the keys they created, or in it, are
  /// listed.
  package var keyScope: KeyScope?
  /// The view shown (the tab line's highlighted tab).
  package var view = AppView.dashboard
  /// The views `Esc` goes back to, the latest last (a number key or a drill-down is a step).
  package var backStack: [AppView] = []
  /// The members list's filter, sort, selection and scroll.
  package var memberList = ListState<MemberColumn>(sortColumn: .name, sortDescending: false)
  /// The workspaces list's filter, sort, selection and scroll.
  package var workspaceList = ListState<WorkspaceColumn>(sortColumn: .cost, sortDescending: true)
  /// The rate-limits list's filter, sort, selection and scroll (its lines are computed when
  /// read: ``rateLimitLines``).
  package var rateLimitList = ListState<RateLimitColumn>(sortColumn: .group, sortDescending: false)
  /// A message for the status bar that no data slot carries (a profile that could not be
  /// opened); cleared by the next key.
  package var notice: String?
  /// The key write in flight and the last one's outcome.
  package var keyWrite = KeyWriteState()
  /// Set when the reducer asked to quit.
  package var isQuitting = false

  package init(configuration: DashboardConfiguration) {
    self.configuration = configuration
    alertedLevel = configuration.alertedBefore
  }

  /// The fetch bookkeeping of a slot, by name (where it lives: `DataSlot.resource`).
  package subscript(status slot: DataSlot) -> SlotStatus {
    get { slot.resource.status(in: self) }
    set { slot.resource.setStatus(newValue, in: &self) }
  }

  /// Whether the slot holds a value (fresh or stale).
  package func hasValue(_ slot: DataSlot) -> Bool { slot.resource.hasValue(in: self) }

  /// Which report family answered (the latest report's), `nil` before any report arrived.
  package var reportSource: ReportSource? {
    monthCost.value?.source ?? monthUsage.value?.source ?? recentUsage.value?.source
      ?? keyActivity.value?.source
  }
}
