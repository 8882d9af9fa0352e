/// The confirmation overlay of a key action: which key, which change, what the user typed,
/// and where the write stands. Nothing is sent until the user confirms; Esc before that
/// sends nothing.
package struct KeyActionPrompt: Hashable, Sendable {
  /// Where the prompt stands.
  package enum Phase: Hashable, Sendable {
    /// Waiting for `y` (or Enter on typed text); `problem` says why the last Enter was refused.
    case confirming(problem: String?)
    /// The write was sent; its answer has not come back.
    case sending
    /// The API refused or could not be reached: nothing changed on screen.
    case failed(FetchFailure)
  }

  package var action: KeyAction
  package var keyID: String
  /// The key's name when the prompt opened (raw; the screen sanitizes it).
  package var keyName: String
  /// The text field: the new name for a rename (prefilled with the current one), the name
  /// typed to confirm an archive; unused otherwise.
  package var text: String
  package var phase: Phase
  /// Whether the prompt was opened from the key detail, which it returns to when closed.
  package var fromDetail: Bool

  package init(
    action: KeyAction, keyID: String, keyName: String, text: String = "",
    phase: Phase = .confirming(problem: nil), fromDetail: Bool = false
  ) {
    self.action = action
    self.keyID = keyID
    self.keyName = keyName
    self.text = text
    self.phase = phase
    self.fromDetail = fromDetail
  }

  /// The prompt for `action` on `key`: a rename starts from the current name.
  package init(action: KeyAction, key: APIKey, fromDetail: Bool) {
    self.init(
      action: action, keyID: key.id, keyName: key.name,
      text: action == .rename ? key.name : "", fromDetail: fromDetail)
  }
}

/// Where the dashboard's one key write stands, outside the overlay: the write in flight (one
/// at a time) and the outcome of the last one, shown in the status bar until the next key.
package struct KeyWriteState: Hashable, Sendable {
  /// The outcome of a write, for the status bar.
  package struct Outcome: Hashable, Sendable {
    package var text: String
    package var succeeded: Bool

    package init(text: String, succeeded: Bool) {
      self.text = text
      self.succeeded = succeeded
    }
  }

  /// The write sent and not answered yet.
  package var inFlight: KeyUpdate?
  /// The last write's outcome (or a refusal such as read-only), cleared by the next key.
  package var outcome: Outcome?

  package init(inFlight: KeyUpdate? = nil, outcome: Outcome? = nil) {
    self.inFlight = inFlight
    self.outcome = outcome
  }
}
