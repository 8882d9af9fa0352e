import Foundation

extension OverviewViewModel {
  /// The organization pane: identity, counts and what the API cannot say.
  package init(state: DashboardState, figures: DashboardFigures, now: Date) {
    let pending = "…"
    var rows: [LabeledValue] = []
    rows.append(LabeledValue("Organization", state.organization.value?.name ?? pending))
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
    rows.append(Self.keyCounts(state.apiKeys.value))
    rows.append(Self.spendLimits(state: state, figures: figures))
    rows.append(LabeledValue("Reports", state.reportSource?.rawValue ?? pending))
    rows.append(LabeledValue("Plan / tier", "n/a (not in the Admin API)", role: .dim))
    self.init(
      title: "Organization",
      condition: .of(
        state, primary: [.organization],
        secondary: [.workspaces, .members, .invites, .apiKeys, .spendLimits], now: now,
        loading: "Loading organization…"),
      rows: rows)
  }

  private static func keyCounts(_ keys: [APIKey]?) -> LabeledValue {
    guard let keys else { return LabeledValue("API keys", "…", role: .dim) }
    var counts: [(String, Int)] = []
    for status in keys.map(\.status.wire) {
      if let index = counts.firstIndex(where: { $0.0 == status }) {
        counts[index].1 += 1
      } else {
        counts.append((status, 1))
      }
    }
    let order = APIKeyStatus.known.map(\.1)
    counts.sort {
      (order.firstIndex(of: $0.0) ?? order.count) < (order.firstIndex(of: $1.0) ?? order.count)
    }
    let parts = counts.map { "\($0.1) \($0.0)" }.joined(separator: " · ")
    return LabeledValue("API keys", keys.isEmpty ? "none" : "\(keys.count): \(parts)")
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
