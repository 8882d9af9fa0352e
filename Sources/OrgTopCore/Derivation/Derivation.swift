import Foundation

/// What the dashboard derives from the facts of a ``DashboardState``: the reports' summaries,
/// the lists' rows (filtered and sorted, not formatted) and the counts the panes show. A pure
/// function of the state: `Derivation(state:)` computes every part from scratch, and a
/// ``Deriver`` gives the same value computing again only the parts whose inputs changed.
///
/// Facts flow one way (ARCHITECTURE.md): state → derivation → view models (which format) →
/// grid. Nothing here formats text.
package struct Derivation: Hashable, Sendable {
  /// The month-to-date usage summed once per report (not once per frame).
  package var tokenSummary: TokenSummary?
  /// The month-to-date cost summed once per report.
  package var costSummary: CostSummary?
  /// The per-day cost derived once per report.
  package var dailyCostSeries: DailyCost?
  /// The per-key activity derived once per report.
  package var activitySummary: KeyActivity?
  /// How many keys have each status (by wire name).
  package var keyCountsByStatus: [String: Int]
  /// The key list's rows and the flagged count.
  package var keys: KeyRows
  /// The members list's rows.
  package var memberRows: [MemberRow]
  /// The workspaces list's rows and their cost total.
  package var workspaces: WorkspaceRows

  /// Every part of `state`'s derivation, computed from scratch (no part is remembered).
  package init(state: DashboardState) {
    let tokens = Self.tokenSummary(state)
    let cost = Self.costSummary(state)
    let activity = Self.activitySummary(state)
    self.init(
      tokenSummary: tokens, costSummary: cost, dailyCostSeries: Self.dailyCostSeries(state),
      activitySummary: activity, keyCountsByStatus: Self.keyCountsByStatus(state),
      keys: KeyRows(state: state, tokens: tokens, cost: cost, activity: activity),
      memberRows: MemberRow.listed(state: state, cost: cost),
      workspaces: WorkspaceRows(state: state))
  }

  /// A derivation of the parts given (``Deriver/derivation(of:)``).
  init(
    tokenSummary: TokenSummary?, costSummary: CostSummary?, dailyCostSeries: DailyCost?,
    activitySummary: KeyActivity?, keyCountsByStatus: [String: Int], keys: KeyRows,
    memberRows: [MemberRow], workspaces: WorkspaceRows
  ) {
    self.tokenSummary = tokenSummary
    self.costSummary = costSummary
    self.dailyCostSeries = dailyCostSeries
    self.activitySummary = activitySummary
    self.keyCountsByStatus = keyCountsByStatus
    self.keys = keys
    self.memberRows = memberRows
    self.workspaces = workspaces
  }

  /// The part computed from scratch.
  static func tokenSummary(_ state: DashboardState) -> TokenSummary? {
    state.monthUsage.value.map(TokenSummary.init(report:))
  }

  /// The part computed from scratch.
  static func costSummary(_ state: DashboardState) -> CostSummary? {
    state.monthCost.value.map(CostSummary.init(report:))
  }

  /// The part computed from scratch.
  static func dailyCostSeries(_ state: DashboardState) -> DailyCost? {
    state.dailyCost.value.map(DailyCost.init(report:))
  }

  /// The part computed from scratch.
  static func activitySummary(_ state: DashboardState) -> KeyActivity? {
    state.keyActivity.value.map(KeyActivity.init(report:))
  }

  /// The part computed from scratch.
  static func keyCountsByStatus(_ state: DashboardState) -> [String: Int] {
    (state.apiKeys.value ?? []).reduce(into: [:]) { $0[$1.status.wire, default: 0] += 1 }
  }

  /// Puts `rows[order[i]]` at position `i`, in place (following each cycle of the
  /// permutation), so a sort of 10,000 rows never holds a second copy of them. `order` is used
  /// up: it ends as the identity.
  package static func permute<Row>(_ rows: inout [Row], by order: inout [Int]) {
    for start in rows.indices where order[start] != start {
      let saved = rows[start]
      var current = start
      while true {
        let next = order[current]
        order[current] = current
        if next == start {
          rows[current] = saved
          break
        }
        rows[current] = rows[next]
        current = next
      }
    }
  }
}
