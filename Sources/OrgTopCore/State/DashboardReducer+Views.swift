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

  /// Applies a list command to the list of the view shown.
  @discardableResult
  static func performOnList(
    _ command: ListCommand, in state: inout DashboardState, deriver: Deriver
  ) -> Bool {
    switch state.view {
    case .dashboard: KeyList.binding(deriver).perform(command, in: &state)
    case .members: MemberList.binding(deriver).perform(command, in: &state)
    case .workspaces: WorkspaceList.binding(deriver).perform(command, in: &state)
    case .rateLimits: RateLimitList.binding.perform(command, in: &state)
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

  private static func pushStep(_ state: inout DashboardState) {
    state.backStack.append(state.view)
    if state.backStack.count > backStackLimit { state.backStack.removeFirst() }
  }
}
