/// The confirmation of a key action as the screen shows it: a title, sentences that name the
/// key (name and id) and the change, an optional text field, and where the write stands.
/// Names are passed raw; the UI sanitizes them like every other text.
package struct KeyActionViewModel: Hashable, Sendable {
  /// A text field: its label and what has been typed.
  package struct Field: Hashable, Sendable {
    package var label: String
    package var text: String
    /// Whether the field takes keys (a cursor is drawn after the text).
    package var isEditing: Bool

    package init(label: String, text: String, isEditing: Bool) {
      self.label = label
      self.text = text
      self.isEditing = isEditing
    }
  }

  package var title: String
  /// The question and what the change means, one paragraph each (wrapped by the UI).
  package var paragraphs: [StyledText]
  package var field: Field?
  /// A refused entry, the write in flight, or the API's refusal with its remedy.
  package var status: [StyledText]
  /// The keys, in the bottom border, e.g. `y deactivate · n/Esc cancel`.
  package var keys: String

  package init(
    title: String, paragraphs: [StyledText], field: Field?, status: [StyledText], keys: String
  ) {
    self.title = title
    self.paragraphs = paragraphs
    self.field = field
    self.status = status
    self.keys = keys
  }

  /// The confirmation of `prompt`.
  package init(prompt: KeyActionPrompt) {
    let action = prompt.action
    let named = "'\(prompt.keyName)' (\(prompt.keyID))"
    var paragraphs: [StyledText]
    var field: Field?
    let editing = Self.isConfirming(prompt.phase)
    switch action {
    case .rename:
      paragraphs = [StyledText("Rename key \(named)?")]
      field = Field(label: "New name", text: prompt.text, isEditing: editing)
    case .deactivate:
      paragraphs = [
        StyledText("Deactivate key \(named)?", role: .title),
        StyledText("Requests with this key fail until it is reactivated (a)."),
      ]
    case .activate:
      paragraphs = [
        StyledText("Reactivate key \(named)?", role: .title),
        StyledText("Requests with this key work again."),
      ]
    case .archive:
      let typed = DashboardReducer.cannotBeTyped(prompt.keyName) ? "id" : "name"
      paragraphs = [
        StyledText("Archive key \(named)?", role: .title),
        StyledText(
          "This is final: an archived key never works again and cannot be reactivated.",
          role: .danger),
      ]
      field = Field(label: "Type its \(typed)", text: prompt.text, isEditing: editing)
    }
    if action == .rename { paragraphs[0].role = .title }
    var status: [StyledText] = []
    switch prompt.phase {
    case .confirming(let problem):
      if let problem { status = [StyledText(problem, role: .warning)] }
    case .sending:
      status = [StyledText("\(action.progressive)… waiting for the API's answer", role: .dim)]
    case .failed(let failure):
      status = [
        StyledText("\(action.verb) failed: \(failure.message)", role: .danger),
        StyledText(failure.remedy),
      ]
    }
    let keys = KeyMap.keyActionHintBar(prompt).map { "\($0.keys) \($0.action)" }
      .joined(separator: " · ")
    self.init(
      title: "\(action.verb) key", paragraphs: paragraphs, field: field, status: status,
      keys: keys)
  }

  private static func isConfirming(_ phase: KeyActionPrompt.Phase) -> Bool {
    if case .confirming = phase { return true }
    return false
  }
}
