import Foundation

/// The dashboard's only state transition: `reduce(into:action:deriver:)` applies an action to
/// the state and returns the effects for the program loop to carry out. Pure: it reads no clock
/// (every timed action carries its instant) and does no I/O. What it navigates (the sorted
/// rows, the month's cost) it asks of a ``Deriver``: the runtime's, which remembers them, or a
/// fresh one that derives what is asked from scratch; the result is the same.
package enum DashboardReducer {
  /// Applies `action` deriving from scratch what it needs (tests, one-off transitions).
  package static func reduce(into state: inout DashboardState, action: Action) -> [Effect] {
    reduce(into: &state, action: action, deriver: Deriver())
  }

  /// Applies `action`, reading the rows it navigates through `deriver`.
  package static func reduce(
    into state: inout DashboardState, action: Action, deriver: Deriver
  ) -> [Effect] {
    guard !state.isQuitting else { return [] }
    switch action {
    case .started(let now):
      state.lastSeen = now
      return refresh(&state, at: now, deriver: deriver)
    case .clockTicked(let now):
      state.lastSeen = max(state.lastSeen ?? now, now)
      return refresh(&state, at: now, deriver: deriver)
    case .fetchCompleted(let slot, let result, let now):
      state.lastSeen = max(state.lastSeen ?? now, now)
      let keyFacts = KeyFlagInputs(state)
      apply(result, to: slot, in: &state, at: now)
      if slot == .apiKeys || slot == .monthCost || slot == .monthUsage || slot == .keyActivity
        || slot == .workspaces || slot == .members || slot == .keyHourly
      {
        // The flags are judged when their facts change, not on every tick (``DashboardState/keyFlagsJudgedAt``).
        if KeyFlagInputs(state) != keyFacts { state.keyFlagsJudgedAt = now }
        KeyList.binding(deriver).reconcile(&state)
      }
      if slot == .members || slot == .apiKeys || slot == .monthCost {
        MemberList.binding(deriver).reconcile(&state)
      }
      if slot == .workspaces || slot == .apiKeys || slot == .monthCost || slot == .monthUsage {
        WorkspaceList.binding(deriver).reconcile(&state)
      }
      if slot == .rateLimits || slot == .recentUsage, state.view == .rateLimits {
        RateLimitList.binding.reconcile(&state)
      }
      return refresh(&state, at: now, deriver: deriver)
        + thresholdAlerts(&state, at: now, deriver: deriver)
    case .keyedFetchCompleted(let slot, let key, let result, let now):
      state.lastSeen = max(state.lastSeen ?? now, now)
      applyKeyed(result, to: slot, key: key, in: &state, at: now)
      return refresh(&state, at: now, deriver: deriver)
    case .keyPressed(let key, let now):
      state.lastSeen = max(state.lastSeen ?? now, now)
      state.notice = nil
      state.keyWrite.outcome = nil
      // A key may show what a keyed resource holds (a view, a scroll): fetch it now.
      return handle(key, in: &state, at: now, deriver: deriver)
        + fetchDueKeyed(&state, at: now, deriver: deriver)
    case .keyUpdateCompleted(let update, let result, let now):
      state.lastSeen = max(state.lastSeen ?? now, now)
      completeKeyUpdate(update, result, in: &state, deriver: deriver)
      return []
    case .profileSwitchFailed(let profile, let reason):
      state.notice = "Cannot open profile \(profile): \(reason)"
      return []
    case .layoutChanged(_, let pageSizes):
      KeyList.binding(deriver).setPageSize(pageSizes[.keys], in: &state)
      MemberList.binding(deriver).setPageSize(pageSizes[.members], in: &state)
      WorkspaceList.binding(deriver).setPageSize(pageSizes[.workspaces], in: &state)
      RateLimitList.binding.setPageSize(pageSizes[.rateLimits], in: &state)
      return []
    case .terminationRequested:
      state.isQuitting = true
      return [.quit]
    }
  }

  private static func handle(
    _ key: KeyPress, in state: inout DashboardState, at now: Date, deriver: Deriver
  ) -> [Effect] {
    if key == .control("c") {
      state.isQuitting = true
      return [.quit]
    }
    if case .keyAction(let prompt) = state.overlay {
      return handleKeyActionPrompt(key, prompt: prompt, in: &state, deriver: deriver)
    }
    if state.overlay == nil, isEditingFilter(state) {
      editFilter(key, in: &state, deriver: deriver)
      return []
    }
    // The context's own table decides which keys act there (KeyMap+Contexts): an overlay or
    // the profile picker takes only its keys, the view takes the view's.
    guard KeyMap.listedKeys(in: KeyContext(state: state)).contains(key),
      let command = KeyMap.command(for: key)
    else { return [] }
    // A wall screen opens nothing that would wait for a key: only quitting and refreshing act.
    if state.configuration.kiosk != nil, command != .quit, command != .refresh { return [] }
    return perform(command, in: &state, at: now, deriver: deriver)
  }

  /// Runs a command. With an overlay open only closing it, help, refresh and quit act (and,
  /// in the key detail, the key actions).
  package static func perform(
    _ command: KeyCommand, in state: inout DashboardState, at now: Date, deriver: Deriver
  ) -> [Effect] {
    if case .profilePicker(let selected) = state.overlay {
      return pickProfile(command, selected: selected, in: &state)
    }
    if let action = KeyAction(command: command) {
      guard state.view == .dashboard, state.overlay == nil || state.overlay == .keyDetail
      else { return [] }
      return startKeyAction(action, in: &state, deriver: deriver)
    }
    if state.overlay != nil, ![.back, .toggleHelp, .refresh, .quit].contains(command) {
      return []
    }
    switch command {
    case .quit:
      state.isQuitting = true
      return [.quit]
    case .refresh:
      return forceRefresh(&state, at: now, deriver: deriver)
    case .toggleHelp:
      state.overlay = state.overlay == .help ? nil : .help
    case .back:
      if state.overlay != nil {
        state.overlay = nil
      } else if !performOnList(.clearFilter, in: &state, deriver: deriver) {
        goBack(in: &state, deriver: deriver)
      }
    case .openDetail where state.focusedPane == .invites:
      break  // an invite opens nothing
    case .openDetail where state.view == .members:
      openMemberKeys(in: &state, deriver: deriver)
    case .openDetail where state.view == .workspaces:
      openWorkspaceKeys(in: &state, deriver: deriver)
    case .openDetail where state.view == .rateLimits:
      // The selected limit's group in detail (never the selected key's: not on this view).
      if state.rateLimitList.selectedRowIndex(in: state.rateLimitLines) != nil {
        state.overlay = .rateLimitDetail
      }
    case .openDetail:
      // The key detail belongs to the key list: with the overview or usage focused, nothing.
      if state.focus == .keys, state.keyList.selectedID != nil,
        !deriver.keyRows(of: state).rows.isEmpty
      {
        state.overlay = .keyDetail
      }
    case .nextPane, .previousPane:
      movePaneFocus(forward: command == .nextPane, in: &state)
    case .moveUp, .moveDown, .pageUp, .pageDown, .moveToTop, .moveToBottom, .startFilter,
      .cycleSort, .reverseSort:
      if let list = ListCommand(command) { performOnList(list, in: &state, deriver: deriver) }
    case .showDashboard: show(.dashboard, in: &state, deriver: deriver)
    case .showMembers: show(.members, in: &state, deriver: deriver)
    case .showWorkspaces: show(.workspaces, in: &state, deriver: deriver)
    case .showRateLimits: show(.rateLimits, in: &state, deriver: deriver)
    case .toggleFlagged:
      guard state.view == .dashboard else { return [] }
      state.keysFlaggedOnly.toggle()
      KeyList.binding(deriver).reconcile(&state)
    case .pickProfile:
      let index = state.configuration.profiles.firstIndex {
        $0.name == state.configuration.activeProfile
      }
      state.overlay = .profilePicker(selected: index ?? 0)
    case .renameKey, .deactivateKey, .activateKey, .archiveKey: break  // started above
    }
    return []
  }

  /// Keys in the profile picker: arrows and j/k move, Enter switches, Esc (or P) closes; quit,
  /// help and refresh keep their meaning.
  private static func pickProfile(
    _ command: KeyCommand, selected: Int, in state: inout DashboardState
  ) -> [Effect] {
    let profiles = state.configuration.profiles
    let last = max(profiles.count - 1, 0)
    switch command {
    case .moveUp: state.overlay = .profilePicker(selected: max(selected - 1, 0))
    case .moveDown: state.overlay = .profilePicker(selected: min(selected + 1, last))
    case .moveToTop: state.overlay = .profilePicker(selected: 0)
    case .moveToBottom: state.overlay = .profilePicker(selected: last)
    case .back, .pickProfile: state.overlay = nil
    case .toggleHelp: state.overlay = .help
    case .quit:
      state.isQuitting = true
      return [.quit]
    case .openDetail:
      state.overlay = nil
      guard profiles.indices.contains(selected),
        profiles[selected].name != state.configuration.activeProfile
      else { return [] }
      return [.switchProfile(profiles[selected].name)]
    default: break
    }
    return []
  }
}
