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
  package var recentUsage = Loadable<UsageReport>()
  package var keyActivity = Loadable<UsageReport>()

  /// When `.started` arrived.
  package var startedAt: Date?
  /// The latest instant an action carried: the reducer's notion of now between actions.
  package var lastSeen: Date?
  package var focus: Pane = .keys
  package var overlay: OverlayState?
  package var table = KeyTableState()
  package var terminalSize: TerminalSize?
  /// Set when the reducer asked to quit.
  package var isQuitting = false

  package init(configuration: DashboardConfiguration) {
    self.configuration = configuration
  }

  /// The fetch bookkeeping of a slot, by name.
  package subscript(status slot: DataSlot) -> SlotStatus {
    get {
      switch slot {
      case .organization: organization.status
      case .apiKeys: apiKeys.status
      case .workspaces: workspaces.status
      case .members: members.status
      case .invites: invites.status
      case .rateLimits: rateLimits.status
      case .spendLimits: spendLimits.status
      case .monthUsage: monthUsage.status
      case .monthCost: monthCost.status
      case .recentUsage: recentUsage.status
      case .keyActivity: keyActivity.status
      }
    }
    set {
      switch slot {
      case .organization: organization.status = newValue
      case .apiKeys: apiKeys.status = newValue
      case .workspaces: workspaces.status = newValue
      case .members: members.status = newValue
      case .invites: invites.status = newValue
      case .rateLimits: rateLimits.status = newValue
      case .spendLimits: spendLimits.status = newValue
      case .monthUsage: monthUsage.status = newValue
      case .monthCost: monthCost.status = newValue
      case .recentUsage: recentUsage.status = newValue
      case .keyActivity: keyActivity.status = newValue
      }
    }
  }

  /// Whether the slot holds a value (fresh or stale).
  package func hasValue(_ slot: DataSlot) -> Bool {
    switch slot {
    case .organization: organization.value != nil
    case .apiKeys: apiKeys.value != nil
    case .workspaces: workspaces.value != nil
    case .members: members.value != nil
    case .invites: invites.value != nil
    case .rateLimits: rateLimits.value != nil
    case .spendLimits: spendLimits.value != nil
    case .monthUsage: monthUsage.value != nil
    case .monthCost: monthCost.value != nil
    case .recentUsage: recentUsage.value != nil
    case .keyActivity: keyActivity.value != nil
    }
  }

  /// Which report family answered (the latest report's), `nil` before any report arrived.
  package var reportSource: ReportSource? {
    monthCost.value?.source ?? monthUsage.value?.source ?? recentUsage.value?.source
      ?? keyActivity.value?.source
  }
}
