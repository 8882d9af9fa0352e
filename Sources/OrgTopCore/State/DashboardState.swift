import Foundation

/// Everything the dashboard knows, as one value: the configuration, every data slot with its
/// fetch bookkeeping, and the navigation state. Changed only by ``DashboardReducer``; projected
/// to the screen by `DashboardViewModel(state:now:)`.
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
  }

  package var configuration: DashboardConfiguration

  package var organization = Loadable<Organization>()
  package var apiKeys = Loadable<[APIKey]>() {
    didSet {
      if apiKeys.value != oldValue.value {
        keyCountsByStatus = (apiKeys.value ?? []).reduce(into: [:]) {
          $0[$1.status.wire, default: 0] += 1
        }
        deriveKeyRows()
        deriveMemberRows()
        deriveWorkspaceRows()
      }
    }
  }
  package var workspaces = Loadable<[Workspace]>() {
    didSet {
      if workspaces.value != oldValue.value {
        deriveKeyRows()
        deriveWorkspaceRows()
      }
    }
  }
  package var members = Loadable<[Member]>() {
    didSet {
      if members.value != oldValue.value {
        deriveKeyRows()
        deriveMemberRows()
      }
    }
  }
  package var invites = Loadable<[Invite]>()
  package var rateLimits = Loadable<[RateLimitGroup]>()
  package var spendLimits = Loadable<[SpendLimit]>()
  package var monthUsage = Loadable<UsageReport>() {
    didSet {
      // Array equality is O(1) when the storage is shared, so status-only changes are cheap.
      if monthUsage.value != oldValue.value {
        tokenSummary = monthUsage.value.map(TokenSummary.init(report:))
        deriveKeyRows()
        deriveWorkspaceRows()
      }
    }
  }
  package var monthCost = Loadable<CostReport>() {
    didSet {
      if monthCost.value != oldValue.value {
        costSummary = monthCost.value.map(CostSummary.init(report:))
        deriveKeyRows()
        deriveMemberRows()
        deriveWorkspaceRows()
      }
    }
  }
  package var dailyCost = Loadable<CostReport>() {
    didSet {
      if dailyCost.value != oldValue.value {
        dailyCostSeries = dailyCost.value.map(DailyCost.init(report:))
      }
    }
  }
  package var recentUsage = Loadable<UsageReport>()
  package var keyActivity = Loadable<UsageReport>() {
    didSet {
      if keyActivity.value != oldValue.value {
        activitySummary = keyActivity.value.map(KeyActivity.init(report:))
        deriveKeyRows()
      }
    }
  }

  /// Per key, the judged hour's tokens and the 7-day hourly median (the anomaly flag), kept
  /// instead of the hourly report itself.
  package var keyHourly = Loadable<KeyHourlyUsage>() {
    didSet { if keyHourly.value != oldValue.value { deriveKeyRows() } }
  }

  /// Per workspace id, its members (``KeyedSlot/workspaceMembers``, fetched on demand). Only
  /// a change of a count derives the workspace rows again, not a status change.
  package var workspaceMembers: [String: Loadable<[WorkspaceMember]>] = [:] {
    didSet {
      if workspaceMembers.count != oldValue.count
        || workspaceMembers.contains(where: { $0.value.value != oldValue[$0.key]?.value })
      {
        deriveWorkspaceRows()
      }
    }
  }
  /// Per workspace id, its own rate-limit values (``KeyedSlot/workspaceRateLimits``, fetched
  /// on demand); the rate-limit lines read them when computed.
  package var workspaceOverrides: [String: Loadable<[RateLimitOverride]>] = [:]

  /// The month-to-date usage summed once per report (not once per frame).
  package private(set) var tokenSummary: TokenSummary?
  /// The month-to-date cost summed once per report.
  package private(set) var costSummary: CostSummary?
  /// The per-day cost derived once per report.
  package private(set) var dailyCostSeries: DailyCost?
  /// The per-key activity derived once per report.
  package private(set) var activitySummary: KeyActivity?
  /// The keys as the table lists them (filtered, sorted), derived when the keys, the names,
  /// the figures, the filter or the sort change: neither a key press nor a frame sorts
  /// thousands of keys again.
  package internal(set) var keyRows: [KeyRowFacts] = []
  /// Per key-table column (``KeyColumn`` order), the longest text of all ``keyRows``, so the
  /// table sizes its columns for every row while it formats only a page. Derived with them.
  package internal(set) var widestKeyTexts: [String] = []
  /// How many keys have at least one flag, of every key (the filters aside), counted with
  /// ``keyRows``.
  package internal(set) var flaggedKeyCount = 0
  /// How many keys have each status (by wire name), counted when the keys change.
  package private(set) var keyCountsByStatus: [String: Int] = [:]

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
  package var keyList = ListState<KeyColumn>(sortColumn: .cost, sortDescending: true) {
    didSet {
      if keyList.filter != oldValue.filter || keyList.sortColumn != oldValue.sortColumn
        || keyList.sortDescending != oldValue.sortDescending
      {
        deriveKeyRows()
      }
    }
  }
  /// `f`: only keys with at least one flag are listed (with the text filter, if any).
  package var keysFlaggedOnly = false {
    didSet { if keysFlaggedOnly != oldValue { deriveKeyRows() } }
  }
  /// Set by `Enter` on a member or a workspace: only the keys they created, or in it, are
  /// listed.
  package var keyScope: KeyScope? {
    didSet { if keyScope != oldValue { deriveKeyRows() } }
  }
  /// The view shown (the tab line's highlighted tab).
  package var view = AppView.dashboard
  /// The views `Esc` goes back to, the latest last (a number key or a drill-down is a step).
  package var backStack: [AppView] = []
  /// The members list's filter, sort, selection and scroll.
  package var memberList = ListState<MemberColumn>(sortColumn: .name, sortDescending: false) {
    didSet {
      if memberList.filter != oldValue.filter || memberList.sortColumn != oldValue.sortColumn
        || memberList.sortDescending != oldValue.sortDescending
      {
        deriveMemberRows()
      }
    }
  }
  /// The members as the members list shows them (filtered, sorted), derived when the members,
  /// the keys, the month's cost, the filter or the sort change.
  package internal(set) var memberRows: [MemberRow] = []
  /// Per members column (``MemberColumn`` order), the longest text of all ``memberRows``.
  package internal(set) var widestMemberTexts: [String] = []
  /// The workspaces list's filter, sort, selection and scroll.
  package var workspaceList = ListState<WorkspaceColumn>(sortColumn: .cost, sortDescending: true)
  {
    didSet {
      if workspaceList.filter != oldValue.filter
        || workspaceList.sortColumn != oldValue.sortColumn
        || workspaceList.sortDescending != oldValue.sortDescending
      {
        deriveWorkspaceRows()
      }
    }
  }
  /// The workspaces as the workspaces list shows them (filtered, sorted), derived when the
  /// workspaces, the keys, the month's reports, the filter or the sort change.
  package internal(set) var workspaceRows: [WorkspaceRow] = []
  /// The month-to-date cost summed over every workspace (the filter aside): equal to the
  /// organization's, to the cent; `nil` while not known per workspace.
  package internal(set) var workspaceCostTotal: Money?
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
