import Foundation

/// The key actions (rename, deactivate, reactivate, archive): a key opens a confirmation that
/// names the key and the change; only a confirmation returns ``Effect/updateKey(_:)``; the
/// list changes only when the API's answer arrives (``Action/keyUpdateCompleted(_:_:at:)``).
extension DashboardReducer {
  /// What the status bar says when an action key is pressed in read-only (or kiosk) mode.
  package static let readOnlyRefusal = "read-only: key actions are off"

  /// An action key from the key list or the key detail. Read-only refuses here, before any
  /// prompt opens, so no confirmation can lead to a write.
  static func startKeyAction(
    _ action: KeyAction, in state: inout DashboardState, deriver: Deriver
  ) -> [Effect] {
    guard !state.configuration.isReadOnly else {
      state.keyWrite.outcome = .init(text: readOnlyRefusal, succeeded: false)
      return []
    }
    guard let key = deriver.keyRows(of: state).selected(in: state.keyList)?.key else { return [] }
    if let pending = state.keyWrite.inFlight {
      state.keyWrite.outcome = .init(
        text: "\(pending.action.progressive) '\(pending.keyName)': wait for the API's answer",
        succeeded: false)
      return []
    }
    guard action.isAvailable(for: key.status) else {
      state.keyWrite.outcome = .init(
        text: "\(action.verb) is not possible: '\(key.name)' is \(key.status.wire)",
        succeeded: false)
      return []
    }
    state.overlay = .keyAction(
      KeyActionPrompt(action: action, key: key, fromDetail: state.overlay == .keyDetail))
    return []
  }

  /// Keys while a confirmation is open. Nothing reaches the keymap: letters are typed into
  /// the text field, and only `y` (or Enter on typed text) sends.
  static func handleKeyActionPrompt(
    _ key: KeyPress, prompt: KeyActionPrompt, in state: inout DashboardState, deriver: Deriver
  ) -> [Effect] {
    var prompt = prompt
    switch prompt.phase {
    case .sending, .failed:
      // The write is out (or over): Esc or Enter closes; the answer still updates the list.
      if key == .escape || key == .enter { closePrompt(prompt, in: &state, deriver: deriver) }
      return []
    case .confirming:
      break
    }
    if key == .escape {
      closePrompt(prompt, in: &state, deriver: deriver)
      return []
    }
    if prompt.action.takesText {
      switch key {
      case .character(let character):
        guard !character.isNewline, !(character.asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false)
        else { return [] }
        prompt.text.append(character)
        prompt.phase = .confirming(problem: nil)
      case .backspace, .delete:
        if !prompt.text.isEmpty { prompt.text.removeLast() }
        prompt.phase = .confirming(problem: nil)
      case .enter:
        return confirm(prompt, in: &state)
      default:
        return []
      }
      state.overlay = .keyAction(prompt)
      return []
    }
    switch key {
    case .character("y"), .character("Y"):
      return confirm(prompt, in: &state)
    case .character("n"), .character("N"), .enter:
      // y/N: the default is no.
      closePrompt(prompt, in: &state, deriver: deriver)
    default:
      break
    }
    return []
  }

  /// Checks what was typed and, when it holds, sends the one write.
  private static func confirm(_ prompt: KeyActionPrompt, in state: inout DashboardState)
    -> [Effect]
  {
    var prompt = prompt
    // The second lock: a prompt can only exist when writes are on, but the write is refused
    // here too, so no path through the reducer returns the effect in read-only mode.
    guard !state.configuration.isReadOnly else {
      state.overlay = nil
      state.keyWrite.outcome = .init(text: readOnlyRefusal, succeeded: false)
      return []
    }
    guard let key = state.apiKeys.value?.first(where: { $0.id == prompt.keyID }) else {
      prompt.phase = .confirming(problem: "This key is no longer in the list: press Esc")
      state.overlay = .keyAction(prompt)
      return []
    }
    if let problem = problem(with: prompt, key: key) {
      prompt.phase = .confirming(problem: problem)
      state.overlay = .keyAction(prompt)
      return []
    }
    let update = KeyUpdate(
      key: key, action: prompt.action,
      newName: prompt.text.trimmingCharacters(in: .whitespaces))
    prompt.phase = .sending
    state.overlay = .keyAction(prompt)
    state.keyWrite.inFlight = update
    return [.updateKey(update)]
  }

  /// Why the confirmation cannot be sent as it stands, or `nil` when it can.
  private static func problem(with prompt: KeyActionPrompt, key: APIKey) -> String? {
    guard prompt.action.isAvailable(for: key.status) else {
      return "\(prompt.action.verb) is no longer possible: the key is now \(key.status.wire)"
    }
    switch prompt.action {
    case .rename:
      let name = prompt.text.trimmingCharacters(in: .whitespaces)
      if name.isEmpty { return "A key needs a name: type one, or Esc to cancel" }
      if name == key.name { return "That is the current name: type a new one, or Esc" }
    case .archive:
      if prompt.text != key.name, !(cannotBeTyped(key.name) && prompt.text == key.id) {
        let what = cannotBeTyped(key.name) ? "id" : "name"
        return "Type the key's \(what) exactly to archive it, or Esc to cancel"
      }
    case .deactivate, .activate:
      break
    }
    return nil
  }

  /// A name with control characters (or none at all) cannot be typed; its id is asked instead.
  package static func cannotBeTyped(_ name: String) -> Bool {
    name.isEmpty
      || name.unicodeScalars.contains { $0.properties.generalCategory == .control }
  }

  /// Closes a prompt, back to the detail it was opened from.
  /// Back to the key's detail if the prompt came from there and the key is still the one
  /// selected; a key that left the list (a filter it no longer matches) closes the detail
  /// rather than show another key's.
  private static func closePrompt(
    _ prompt: KeyActionPrompt, in state: inout DashboardState, deriver: Deriver
  ) {
    let selected = deriver.keyRows(of: state).selected(in: state.keyList)
    state.overlay = prompt.fromDetail && selected?.key.id == prompt.keyID ? .keyDetail : nil
  }

  /// The API answered a write: the key it returns replaces the old one; a failure changes no
  /// key and says why. Never retried: the user can press the key again.
  static func completeKeyUpdate(
    _ update: KeyUpdate, _ result: Result<APIKey, FetchFailure>, in state: inout DashboardState,
    deriver: Deriver
  ) {
    if state.keyWrite.inFlight == update { state.keyWrite.inFlight = nil }
    var prompt: KeyActionPrompt?
    if case .keyAction(let open) = state.overlay, open.keyID == update.keyID,
      open.action == update.action, open.phase == .sending
    {
      prompt = open
    }
    switch result {
    case .success(let key):
      if var keys = state.apiKeys.value, let index = keys.firstIndex(where: { $0.id == key.id }) {
        keys[index] = key
        state.apiKeys.value = keys
        // A fact the flags read changed: they are judged again, now.
        state.keyFlagsJudgedAt = state.lastSeen
        KeyList.binding(deriver).reconcile(&state)
      }
      let text =
        update.action == .rename
        ? "Renamed '\(update.keyName)' to '\(key.name)'"
        : "Key '\(key.name)' \(update.action.pastParticiple)"
      let rows = deriver.keyRows(of: state)
      let left = !rows.rows.contains { $0.key.id == key.id }
      state.keyWrite.outcome = .init(
        text: text + (left ? " (no longer in the filtered list)" : ""), succeeded: true)
      if let prompt {
        closePrompt(prompt, in: &state, deriver: deriver)
      } else if state.overlay == .keyDetail, rows.selected(in: state.keyList)?.key.id != key.id {
        state.overlay = nil
      }
    case .failure(let failure):
      if var prompt {
        prompt.phase = .failed(failure)
        state.overlay = .keyAction(prompt)
      } else {
        state.keyWrite.outcome = .init(
          text: "\(update.action.verb) '\(update.keyName)' failed: \(failure.message). "
            + failure.remedy,
          succeeded: false)
      }
    }
  }
}
