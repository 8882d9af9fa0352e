import Foundation

extension OverviewViewModel {
  /// The organization pane at `now`: identity, counts and what the API cannot say.
  package init(state: DashboardState, figures: DashboardFigures, now: Date) {
    self.init(state: state, figures: figures)
    condition = Self.condition(state, now: now)
  }

  /// The pane's rows, which read nothing of the instant (``DashboardProjector`` keeps them
  /// between ticks); `condition` is `.ready` until set from ``condition(_:now:)``.
  init(state: DashboardState, figures: DashboardFigures) {
    let pending = "…"
    var rows: [LabeledValue] = []
    rows.append(LabeledValue("Organization", state.organization.value?.name ?? pending))
    // The API's `type`, as sent (docs/admin-api.md): "organization" today.
    rows.append(LabeledValue("Type", state.organization.value?.type ?? pending))
    rows.append(LabeledValue("ID", state.organization.value?.id ?? pending, role: .dim))
    if let workspaces = state.workspaces.value {
      let archived = workspaces.filter { $0.archivedAt != nil }.count
      rows.append(LabeledValue("Workspaces", "\(workspaces.count) (\(archived) archived)"))
    } else {
      rows.append(LabeledValue("Workspaces", pending, role: .dim))
    }
    if let members = state.members.value {
      let invites = state.invites.value?.filter { $0.status == .pending }.count
      let suffix = invites.map { " (+\($0) pending \($0 == 1 ? "invite" : "invites"))" } ?? ""
      rows.append(LabeledValue("Members", "\(members.count)\(suffix)"))
    } else {
      rows.append(LabeledValue("Members", pending, role: .dim))
    }
    rows.append(Self.keyCounts(state, counts: figures.keyCountsByStatus))
    rows.append(Self.spendLimits(state: state, figures: figures))
    rows.append(Self.rateLimits(state, tokens: figures.tokens))
    rows.append(LabeledValue("Reports", state.reportSource?.rawValue ?? pending))
    rows.append(LabeledValue("Plan / tier", "n/a (not in the Admin API)", role: .dim))
    self.init(title: "Organization", condition: .ready, rows: rows)
  }

  /// How the pane stands at `now`: the one part of it that reads the instant (staleness ages).
  static func condition(_ state: DashboardState, now: Date) -> PaneCondition {
    .of(
      state, primary: [.organization],
      secondary: [.workspaces, .members, .invites, .apiKeys, .spendLimits], now: now,
      loading: "Loading organization…")
  }

  /// `12: 8 active · 1 inactive …`: known statuses in their order, then any others by name.
  private static func keyCounts(_ state: DashboardState, counts: [String: Int]) -> LabeledValue {
    guard let keys = state.apiKeys.value else { return LabeledValue("API keys", "…", role: .dim) }
    let order = APIKeyStatus.known.map(\.1)
    let statuses = counts.keys.sorted {
      ((order.firstIndex(of: $0) ?? order.count), $0) < (
        (order.firstIndex(of: $1) ?? order.count), $1
      )
    }
    let parts = statuses.map { "\(counts[$0] ?? 0) \($0)" }
    return LabeledValue(
      "API keys", keys.isEmpty ? "none" : "\(keys.count): \(parts.joined(separator: " · "))")
  }

  private static func spendLimits(state: DashboardState, figures: DashboardFigures)
    -> LabeledValue
  {
    let label = "Spend limits"
    let budget = state.configuration.budget.map { " · using budget \(Format.dollars($0))" } ?? ""
    if state.spendLimits.status.isUnsupported {
      return LabeledValue(label, "not readable for this organization\(budget)", role: .dim)
    }
    guard let limits = state.spendLimits.value else {
      return LabeledValue(
        label, state.spendLimits.status.isFailing ? "unavailable" : "…", role: .dim)
    }
    var parts: [String] = []
    for limit in limits where limit.scope == .organization {
      let amount = limit.amount.map(Format.money) ?? "no cap"
      parts.append("org \(amount) \(limit.period.wire)" + (limit.isEnabled ? "" : " (off)"))
    }
    let workspaceCaps = limits.filter {
      if case .workspace = $0.scope { return true }
      return false
    }.count
    if workspaceCaps > 0 {
      parts.append("\(workspaceCaps) workspace \(workspaceCaps == 1 ? "cap" : "caps")")
    }
    for limit in limits where limit.scope == .usageTier {
      parts.append("tier cap \(limit.amount.map(Format.money) ?? "none")")
    }
    return LabeledValue(label, parts.isEmpty ? "none set" : parts.joined(separator: " · "))
  }
}
