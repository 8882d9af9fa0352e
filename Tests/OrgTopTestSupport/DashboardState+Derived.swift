import OrgTopCore

/// The state's derivation as tests read it: every part computed from scratch from the state's
/// facts (`Derivation(state:)`), never remembered, so a test of the reducer or the runtime
/// checks what the state's facts derive to, independently of any ``Deriver``'s memory.
extension DashboardState {
  /// The whole derivation, from scratch.
  package var derived: Derivation { Derivation(state: self) }
  /// The key list's rows (filtered, sorted).
  package var keyRows: [KeyRowFacts] { derived.keys.rows }
  /// The selected key's row, if it is listed.
  package var selectedKeyRow: KeyRowFacts? { derived.keys.selected(in: keyList) }
  /// How many keys have a flag, the filters aside.
  package var flaggedKeyCount: Int { derived.keys.flaggedCount }
  /// How many keys have each status.
  package var keyCountsByStatus: [String: Int] { derived.keyCountsByStatus }
  /// The month-to-date cost summed.
  package var costSummary: CostSummary? { derived.costSummary }
  /// The members list's rows.
  package var memberRows: [MemberRow] { derived.memberRows }
  /// The workspaces list's rows.
  package var workspaceRows: [WorkspaceRow] { derived.workspaces.rows }
  /// The workspaces' cost total.
  package var workspaceCostTotal: Money? { derived.workspaces.costTotal }
}
