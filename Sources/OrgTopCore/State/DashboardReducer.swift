import Foundation

/// The dashboard's only state transition: `reduce(into:action:)` applies an action to the state
/// and returns the effects for the program loop to carry out. Pure: it reads no clock (every
/// timed action carries its instant) and does no I/O.
package enum DashboardReducer {
  package static func reduce(into state: inout DashboardState, action: Action) -> [Effect] {
    guard !state.isQuitting else { return [] }
    switch action {
    case .started(let now):
      state.lastSeen = now
      return refresh(&state, at: now)
    case .clockTicked(let now):
      state.lastSeen = max(state.lastSeen ?? now, now)
      return refresh(&state, at: now)
    case .fetchCompleted(let slot, let result, let now):
      state.lastSeen = max(state.lastSeen ?? now, now)
      apply(result, to: slot, in: &state, at: now)
      if slot == .apiKeys || slot == .monthCost || slot == .monthUsage || slot == .keyActivity
        || slot == .workspaces || slot == .members || slot == .keyHourly
      {
        reconcileSelection(&state)
      }
      return refresh(&state, at: now) + thresholdAlerts(&state, at: now)
    case .keyPressed(let key, let now):
      state.lastSeen = max(state.lastSeen ?? now, now)
      state.notice = nil
      state.keyWrite.outcome = nil
      return handle(key, in: &state, at: now)
    case .keyUpdateCompleted(let update, let result, let now):
      state.lastSeen = max(state.lastSeen ?? now, now)
      completeKeyUpdate(update, result, in: &state)
      return []
    case .profileSwitchFailed(let profile, let reason):
      state.notice = "Cannot open profile \(profile): \(reason)"
      return []
    case .layoutChanged(_, let keyRowsVisible):
      state.table.pageSize = max(1, keyRowsVisible)
      reconcileSelection(&state)
      return []
    case .terminationRequested:
      state.isQuitting = true
      return [.quit]
    }
  }

  private static func handle(_ key: KeyPress, in state: inout DashboardState, at now: Date)
    -> [Effect]
  {
    if key == .control("c") {
      state.isQuitting = true
      return [.quit]
    }
    if case .keyAction(let prompt) = state.overlay {
      return handleKeyActionPrompt(key, prompt: prompt, in: &state)
    }
    if state.table.isEditingFilter, state.overlay == nil {
      return editFilter(key, in: &state)
    }
    guard let command = KeyMap.command(for: key) else { return [] }
    // A wall screen opens nothing that would wait for a key: only quitting and refreshing act.
    if state.configuration.kiosk != nil, command != .quit, command != .refresh { return [] }
    return perform(command, in: &state, at: now)
  }

  /// Runs a command. With an overlay open only closing it, help, refresh and quit act (and,
  /// in the key detail, the key actions).
  package static func perform(
    _ command: KeyCommand, in state: inout DashboardState, at now: Date
  ) -> [Effect] {
    if case .profilePicker(let selected) = state.overlay {
      return pickProfile(command, selected: selected, in: &state)
    }
    if let action = KeyAction(command: command) {
      guard state.overlay == nil || state.overlay == .keyDetail else { return [] }
      return startKeyAction(action, in: &state)
    }
    if state.overlay != nil, ![.back, .toggleHelp, .refresh, .quit].contains(command) {
      return []
    }
    switch command {
    case .quit:
      state.isQuitting = true
      return [.quit]
    case .refresh:
      return forceRefresh(&state, at: now)
    case .toggleHelp:
      state.overlay = state.overlay == .help ? nil : .help
    case .back:
      if state.overlay != nil {
        state.overlay = nil
      } else if state.table.filter != nil || state.table.isEditingFilter {
        state.table.filter = nil
        state.table.isEditingFilter = false
        reconcileSelection(&state)
      }
    case .openDetail:
      if state.table.selectedKeyID != nil, !state.keyRows.isEmpty {
        state.overlay = .keyDetail
      }
    case .nextPane, .previousPane:
      let panes = Pane.allCases
      let index = panes.firstIndex(of: state.focus) ?? 0
      let step = command == .nextPane ? 1 : panes.count - 1
      state.focus = panes[(index + step) % panes.count]
    case .startFilter:
      state.table.isEditingFilter = true
      if state.table.filter == nil { state.table.filter = "" }
    case .cycleSort:
      state.table.sortColumn = state.table.sortColumn.next
      state.table.sortDescending = state.table.sortColumn.sortsDescendingByDefault
      reconcileSelection(&state)
    case .reverseSort:
      state.table.sortDescending.toggle()
      reconcileSelection(&state)
    case .toggleFlagged:
      state.table.flaggedOnly.toggle()
      reconcileSelection(&state)
    case .pickProfile:
      let index = state.configuration.profiles.firstIndex {
        $0.name == state.configuration.activeProfile
      }
      state.overlay = .profilePicker(selected: index ?? 0)
    case .moveUp: moveSelection(by: -1, in: &state)
    case .moveDown: moveSelection(by: 1, in: &state)
    case .pageUp: moveSelection(by: -state.table.pageSize, in: &state)
    case .pageDown: moveSelection(by: state.table.pageSize, in: &state)
    case .moveToTop: moveSelection(to: 0, in: &state)
    case .moveToBottom: moveSelection(to: Int.max, in: &state)
    case .renameKey, .deactivateKey, .activateKey, .archiveKey: break  // started above
    }
    return []
  }

  /// Keys while the filter is typed: printable characters edit it; arrows still move.
  private static func editFilter(_ key: KeyPress, in state: inout DashboardState) -> [Effect] {
    switch key {
    case .character(let character):
      guard !character.isNewline, !(character.asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false)
      else { return [] }
      state.table.filter = (state.table.filter ?? "") + String(character)
    case .backspace, .delete:
      if var filter = state.table.filter, !filter.isEmpty {
        filter.removeLast()
        state.table.filter = filter
      }
    case .enter:
      state.table.isEditingFilter = false
      if state.table.filter?.isEmpty ?? true { state.table.filter = nil }
    case .escape:
      state.table.isEditingFilter = false
      state.table.filter = nil
    case .up: moveSelection(by: -1, in: &state)
    case .down: moveSelection(by: 1, in: &state)
    case .pageUp: moveSelection(by: -state.table.pageSize, in: &state)
    case .pageDown: moveSelection(by: state.table.pageSize, in: &state)
    default: return []
    }
    reconcileSelection(&state)
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
