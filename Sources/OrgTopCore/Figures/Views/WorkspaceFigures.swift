import Foundation

/// The workspaces view's figures: a row per workspace whose costs add up, to the cent, to the
/// organization's month-to-date spend (``CostSummary/total``).
///
/// Where things go (docs/views.md):
/// - **Report rows** (usage and cost, keyed or not) go to the workspace their `workspace_id`
///   names: the reports are grouped by workspace (``ReportWindows/monthCost(at:)``), so usage
///   with no key (Console, Workbench) is placed by the API itself. A `null` `workspace_id` is
///   the **Default workspace** (the legacy reports' spelling of it, docs/admin-api.md §13.5,
///   §13.6, §16 #10). An id the workspace list does not hold gets its own unlisted row, so
///   nothing is dropped from the sum.
/// - **Keys** are counted in the workspace of their `scope`. A key with no workspace (an
///   organization-scoped key, or an older shape that did not say) is in no row: it is counted
///   in ``keysWithoutWorkspace``. Its usage still lands in a row, by the report's workspace.
package struct WorkspaceFigures: Hashable, Sendable {
  /// A count of keys, all statuses and active only.
  package struct KeyCount: Hashable, Sendable {
    package var total: Int
    package var active: Int

    package init(total: Int, active: Int) {
      self.total = total
      self.active = active
    }
  }

  /// The listed workspaces in the list's order, then unlisted ones by id.
  package var rows: [WorkspaceRow]
  /// Keys with no workspace; `nil` while the keys are not loaded.
  package var keysWithoutWorkspace: KeyCount?

  /// The figures from the state; `nil` while the workspace list is not loaded.
  /// `memberCounts` holds the member count of each workspace whose members were loaded.
  package init?(state: DashboardState, memberCounts: [String: Int] = [:]) {
    guard let workspaces = state.workspaces.value else { return nil }
    self.init(
      workspaces: workspaces, keys: state.apiKeys.value, usage: state.monthUsage.value,
      cost: state.monthCost.value, memberCounts: memberCounts)
  }

  /// The figures from the facts: one pass over the keys and one over each report, into
  /// dictionaries by workspace id. A report not grouped by workspace gives no per-workspace
  /// figure (`nil`), rather than putting everything in the Default workspace.
  package init(
    workspaces: [Workspace], keys: [APIKey]?, usage: UsageReport?, cost: CostReport?,
    memberCounts: [String: Int] = [:]
  ) {
    let defaultID = workspaces.first(where: \.isDefault)?.id ?? ""
    var keyTotals: [String: Int] = [:]
    var keyActives: [String: Int] = [:]
    var noWorkspace = KeyCount(total: 0, active: 0)
    for key in keys ?? [] {
      let isActive = key.status == .active
      guard let workspace = key.workspaceID else {
        noWorkspace.total += 1
        if isActive { noWorkspace.active += 1 }
        continue
      }
      keyTotals[workspace, default: 0] += 1
      if isActive { keyActives[workspace, default: 0] += 1 }
    }
    var tokens: [String: Int]?
    if let usage, usage.query.groupBy.contains(.workspace) {
      var sums: [String: Int] = [:]
      for row in usage.rows { sums[row.workspaceID ?? defaultID, default: 0] += row.tokens.total }
      tokens = sums
    }
    var costs: [String: Money]?
    if let cost, cost.query.groupBy.contains(.workspace) {
      var sums: [String: Money] = [:]
      for row in cost.rows {
        let id = row.workspaceID ?? defaultID
        sums[id] = (sums[id] ?? .zero(row.amount.currency)) + row.amount
      }
      costs = sums
    }

    func row(id: String, name: String, archived: Bool, isDefault: Bool, listed: Bool)
      -> WorkspaceRow
    {
      WorkspaceRow(
        id: id, name: name, isArchived: archived, isDefault: isDefault, isListed: listed,
        totalKeys: keys == nil ? nil : keyTotals[id] ?? 0,
        activeKeys: keys == nil ? nil : keyActives[id] ?? 0, members: memberCounts[id],
        monthTokens: tokens.map { $0[id] ?? 0 }, monthCost: costs.map { $0[id] ?? .zero() })
    }

    var rows = workspaces.map {
      row(
        id: $0.id, name: $0.name, archived: $0.archivedAt != nil, isDefault: $0.isDefault,
        listed: true)
    }
    let listed = Set(workspaces.map(\.id))
    var unlisted = Set(keyTotals.keys)
    unlisted.formUnion(tokens.map { Array($0.keys) } ?? [])
    unlisted.formUnion(costs.map { Array($0.keys) } ?? [])
    unlisted.subtract(listed)
    for id in unlisted.sorted() {
      // "" is the Default workspace when the list left it out: the reports' `null`.
      rows.append(
        row(
          id: id, name: id.isEmpty ? "Default" : id, archived: false, isDefault: id.isEmpty,
          listed: false))
    }
    self.rows = rows
    keysWithoutWorkspace = keys == nil ? nil : noWorkspace
  }

  /// The sum of the rows' month-to-date cost: equal to the organization's (``CostSummary/total``
  /// of the same report); `nil` while the cost is not known per workspace.
  package var totalCost: Money? {
    var total = Money.zero()
    for row in rows {
      guard let cost = row.monthCost else { return nil }
      total = total + cost
    }
    return total
  }
}
