import Foundation

/// Derives states one after another, remembering each part of the ``Derivation`` with the
/// inputs it was computed from, and computing a part again only when its own inputs changed.
///
/// So an idle clock tick (only `lastSeen` changes) costs a few comparisons, a sort change
/// sorts the keys again without summing the reports again, and a part nobody asks for (the
/// members list while it is not shown) is not computed at all. Every part equals the one
/// `Derivation(state:)` computes from scratch (`DerivationPropertyTests`); a fact a part
/// comes to read must join its inputs below.
///
/// One deriver is kept where the states are (the runtime, the program's projector shares it),
/// so the rows are held once; the reducer asks it for the rows it navigates. A reference type
/// so that a list binding can read rows through it; not `Sendable`: it lives on one actor.
package final class Deriver {
  private var tokens: Memo<UsageReport?, TokenSummary?>?
  private var cost: Memo<CostReport?, CostSummary?>?
  private var daily: Memo<CostReport?, DailyCost?>?
  private var activity: Memo<UsageReport?, KeyActivity?>?
  private var keyCounts: Memo<[APIKey]?, [String: Int]>?
  private var keys: Memo<KeyInputs, KeyRows>?
  private var members: Memo<MemberInputs, [MemberRow]>?
  private var workspaces: Memo<WorkspaceInputs, WorkspaceRows>?

  package init() {}

  /// Every part of `state`'s derivation.
  package func derivation(of state: DashboardState) -> Derivation {
    Derivation(
      tokenSummary: tokenSummary(of: state), costSummary: costSummary(of: state),
      dailyCostSeries: dailyCostSeries(of: state), activitySummary: activitySummary(of: state),
      keyCountsByStatus: keyCountsByStatus(of: state), keys: keyRows(of: state),
      memberRows: memberRows(of: state), workspaces: workspaceRows(of: state))
  }

  /// The month-to-date usage summed (from the month's usage report).
  package func tokenSummary(of state: DashboardState) -> TokenSummary? {
    Self.remember(&tokens, state.monthUsage.value) { _ in Derivation.tokenSummary(state) }
  }

  /// The month-to-date cost summed (from the month's cost report).
  package func costSummary(of state: DashboardState) -> CostSummary? {
    Self.remember(&cost, state.monthCost.value) { _ in Derivation.costSummary(state) }
  }

  /// The cost per day (from the daily cost report).
  package func dailyCostSeries(of state: DashboardState) -> DailyCost? {
    Self.remember(&daily, state.dailyCost.value) { _ in Derivation.dailyCostSeries(state) }
  }

  /// The per-key activity (from the activity report).
  package func activitySummary(of state: DashboardState) -> KeyActivity? {
    Self.remember(&activity, state.keyActivity.value) { _ in Derivation.activitySummary(state) }
  }

  /// How many keys have each status.
  package func keyCountsByStatus(of state: DashboardState) -> [String: Int] {
    Self.remember(&keyCounts, state.apiKeys.value) { _ in Derivation.keyCountsByStatus(state) }
  }

  /// The key list's rows.
  package func keyRows(of state: DashboardState) -> KeyRows {
    Self.remember(&keys, KeyInputs(state)) { _ in
      KeyRows(
        state: state, tokens: tokenSummary(of: state), cost: costSummary(of: state),
        activity: activitySummary(of: state))
    }
  }

  /// The members list's rows.
  package func memberRows(of state: DashboardState) -> [MemberRow] {
    Self.remember(&members, MemberInputs(state)) { _ in
      MemberRow.listed(state: state, cost: costSummary(of: state))
    }
  }

  /// The workspaces list's rows.
  package func workspaceRows(of state: DashboardState) -> WorkspaceRows {
    Self.remember(&workspaces, WorkspaceInputs(state)) { _ in WorkspaceRows(state: state) }
  }

  /// The remembered output when `input` equals the one it was computed from (arrays compare
  /// in O(1) while they share storage, as unchanged facts do), else `make`'s, remembered.
  private static func remember<Input: Equatable, Output>(
    _ memo: inout Memo<Input, Output>?, _ input: Input, _ make: (Input) -> Output
  ) -> Output {
    if let remembered = memo, remembered.input == input {
      // An equal value in new storage (a refresh that changed nothing) is kept instead, so the
      // next comparison is O(1) again rather than element by element on every tick.
      memo = Memo(input: input, output: remembered.output)
      return remembered.output
    }
    // The old output goes before the new one is built: 10,000 rows are not held twice.
    memo = nil
    let output = make(input)
    memo = Memo(input: input, output: output)
    return output
  }
}

/// A part of a derivation with the inputs it was computed from.
private struct Memo<Input: Equatable, Output> {
  let input: Input
  let output: Output
}

/// What the key rows read: the facts their columns and flags come from (``KeyFlagInputs``, the
/// reducer's too), the instant the flags are judged at, the flag rules, and the list's filter,
/// sort, scope and "flagged only" (not its selection or scroll).
private struct KeyInputs: Equatable {
  var facts: KeyFlagInputs
  var judgedAt: Date?
  var rules: KeyFlagRules
  var filter: String?
  var sortColumn: KeyColumn
  var sortDescending: Bool
  var flaggedOnly: Bool
  var scope: KeyScope?

  init(_ state: DashboardState) {
    facts = KeyFlagInputs(state)
    judgedAt = state.keyFlagsJudgedAt ?? state.lastSeen
    rules = state.configuration.keyFlagRules
    filter = state.keyList.activeFilter
    sortColumn = state.keyList.sortColumn
    sortDescending = state.keyList.sortDescending
    flaggedOnly = state.keysFlaggedOnly
    scope = state.keyScope
  }
}

/// What the member rows read: the members, the keys they created, the month's cost, and the
/// list's filter and sort.
private struct MemberInputs: Equatable {
  var members: [Member]?
  var keys: [APIKey]?
  var cost: CostReport?
  var filter: String?
  var sortColumn: MemberColumn
  var sortDescending: Bool

  init(_ state: DashboardState) {
    members = state.members.value
    keys = state.apiKeys.value
    cost = state.monthCost.value
    filter = state.memberList.activeFilter
    sortColumn = state.memberList.sortColumn
    sortDescending = state.memberList.sortDescending
  }
}

/// What the workspace rows read (``WorkspaceFigures``): the workspaces, the keys, the month's
/// reports, the member counts read so far, and the list's filter and sort.
private struct WorkspaceInputs: Equatable {
  var workspaces: [Workspace]?
  var keys: [APIKey]?
  var usage: UsageReport?
  var cost: CostReport?
  /// Per workspace id, how many members it has, where read (fetched on demand).
  var memberCounts: [String: Int]
  var filter: String?
  var sortColumn: WorkspaceColumn
  var sortDescending: Bool

  init(_ state: DashboardState) {
    workspaces = state.workspaces.value
    keys = state.apiKeys.value
    usage = state.monthUsage.value
    cost = state.monthCost.value
    memberCounts = state.workspaceMembers.compactMapValues { $0.value?.count }
    filter = state.workspaceList.activeFilter
    sortColumn = state.workspaceList.sortColumn
    sortDescending = state.workspaceList.sortDescending
  }
}
