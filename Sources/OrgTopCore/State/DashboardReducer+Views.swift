extension DashboardReducer {
  /// How many steps `Esc` can go back: enough for any real walk between views, and a bound so
  /// a long session does not grow the state.
  static let backStackLimit = 32

  /// Shows a view (a number key): the view left is a step `Esc` goes back to. The dashboard
  /// reached by its number key lists every key again.
  static func show(_ view: AppView, in state: inout DashboardState, deriver: Deriver) {
    guard view != state.view else { return }
    pushStep(&state)
    if view == .dashboard, state.keyScope != nil {
      state.keyScope = nil
      KeyList.binding(deriver).reconcile(&state)
    }
    state.view = view
    // Its lines are computed when read: put the selection on them now.
    if view == .rateLimits { RateLimitList.binding.reconcile(&state) }
  }

  /// `Esc` with nothing to close or clear: back to the previous view; leaving a member's keys
  /// drops the narrowing. `false` when there is no step to go back to.
  @discardableResult
  static func goBack(in state: inout DashboardState, deriver: Deriver) -> Bool {
    guard let previous = state.backStack.popLast() else { return false }
    if state.view == .dashboard, state.keyScope != nil {
      state.keyScope = nil
      KeyList.binding(deriver).reconcile(&state)
    }
    state.view = previous
    return true
  }

  /// `Enter` on a member: the key list, narrowed to the keys they created, with the top row
  /// selected; `Esc` comes back to the members.
  static func openMemberKeys(in state: inout DashboardState, deriver: Deriver) {
    let rows = deriver.memberRows(of: state)
    guard let index = state.memberList.selectedRowIndex(in: rows) else { return }
    let member = rows[index]
    pushStep(&state)
    openKeys(
      .creator(id: member.id, name: member.name.isEmpty ? member.email : member.name), in: &state,
      deriver: deriver)
  }

  /// `Enter` on a workspace: the key list, narrowed to the keys scoped to it.
  static func openWorkspaceKeys(in state: inout DashboardState, deriver: Deriver) {
    let rows = deriver.workspaceRows(of: state).rows
    guard let index = state.workspaceList.selectedRowIndex(in: rows) else { return }
    let workspace = rows[index]
    pushStep(&state)
    openKeys(.workspace(id: workspace.id, name: workspace.name), in: &state, deriver: deriver)
  }

  /// Shows the key list narrowed to a scope, with its top row selected and no text filter.
  private static func openKeys(
    _ scope: KeyScope, in state: inout DashboardState, deriver: Deriver
  ) {
    state.view = .dashboard
    state.focus = .keys
    state.keyList.filter = nil
    state.keyList.isEditingFilter = false
    state.keyList.hasUserSelection = false
    state.keyScope = scope
    KeyList.binding(deriver).reconcile(&state)
  }

  /// `Tab` / `Shift-Tab`: the next or previous pane of the view shown (a view of one list has
  /// none to move to).
  static func movePaneFocus(forward: Bool, in state: inout DashboardState) {
    let panes = state.view.panes
    guard let current = state.focusedPane, !panes.isEmpty else { return }
    let index = panes.firstIndex(of: current) ?? 0
    let next = panes[(index + (forward ? 1 : panes.count - 1)) % panes.count]
    if state.view == .members { state.membersFocus = next } else { state.focus = next }
  }

  /// Applies a list command to the focused list of the view shown: on the dashboard only the
  /// key list takes them (the overview and usage have no rows), on the members view the
  /// members or the invites. `false` when nothing took it.
  @discardableResult
  static func performOnList(
    _ command: ListCommand, in state: inout DashboardState, deriver: Deriver
  ) -> Bool {
    switch state.view {
    case .dashboard:
      guard state.focus == .keys || command == .clearFilter else { return false }
      return KeyList.binding(deriver).perform(command, in: &state)
    case .members where state.membersFocus == .invites:
      return moveInvite(command, in: &state)
    case .members: return MemberList.binding(deriver).perform(command, in: &state)
    case .workspaces: return WorkspaceList.binding(deriver).perform(command, in: &state)
    case .rateLimits: return RateLimitList.binding.perform(command, in: &state)
    }
  }

  /// Whether the list of the view shown is having its filter typed.
  static func isEditingFilter(_ state: DashboardState) -> Bool {
    switch state.view {
    case .dashboard: state.keyList.isEditingFilter
    case .members: state.memberList.isEditingFilter
    case .workspaces: state.workspaceList.isEditingFilter
    case .rateLimits: state.rateLimitList.isEditingFilter
    }
  }

  /// A key typed into the filter of the view shown.
  static func editFilter(_ key: KeyPress, in state: inout DashboardState, deriver: Deriver) {
    switch state.view {
    case .dashboard: KeyList.binding(deriver).editFilter(key, in: &state)
    case .members: MemberList.binding(deriver).editFilter(key, in: &state)
    case .workspaces: WorkspaceList.binding(deriver).editFilter(key, in: &state)
    case .rateLimits: RateLimitList.binding.editFilter(key, in: &state)
    }
  }

  /// A list command on the invites: they move the highlight (a handful of rows, shown whole:
  /// no filter, no sort, no scrolling).
  private static func moveInvite(_ command: ListCommand, in state: inout DashboardState) -> Bool {
    let last = max((state.invites.value?.count ?? 0) - 1, 0)
    let before = state.selectedInvite
    switch command {
    case .up: state.selectedInvite = max(before - 1, 0)
    case .down: state.selectedInvite = min(before + 1, last)
    case .top, .pageUp: state.selectedInvite = 0
    case .bottom, .pageDown: state.selectedInvite = last
    case .startFilter, .clearFilter, .cycleSort, .reverseSort: return false
    }
    return state.selectedInvite != before
  }

  private static func pushStep(_ state: inout DashboardState) {
    state.backStack.append(state.view)
    if state.backStack.count > backStackLimit { state.backStack.removeFirst() }
  }
}
