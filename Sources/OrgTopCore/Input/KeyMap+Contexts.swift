/// Where a key press goes: the mode the user is in decides which table of keys applies. A
/// mode with its own keys (typing a filter, an overlay, a confirmation, the profile picker)
/// takes a key first; keys it does not handle go no further, but for Ctrl-C, which quits from
/// anywhere (``KeyMap/globalKeys``). Outside every mode, the view's keys apply
/// (``KeyMap/bindings``), acting on the focused pane.
package enum KeyContext: Hashable, Sendable {
  /// A view, no overlay, not typing: ``KeyMap/bindings``.
  case view(AppView)
  /// Typing a list's filter: ``KeyMap/filterBindings``, and every printable key is typed.
  case filter
  /// The help overlay.
  case help
  /// The selected key's detail.
  case keyDetail
  /// The selected rate limit's detail.
  case rateLimitDetail
  /// The profile picker: ``KeyMap/profilePickerBindings``.
  case profilePicker
  /// A key change's confirmation; `typesText` when it takes a name (rename, archive).
  case confirmation(typesText: Bool)

  /// The context a key press goes to in `state` (the reducer's order: a confirmation, then
  /// the filter being typed, then an overlay, then the view).
  package init(state: DashboardState) {
    switch state.overlay {
    case .keyAction(let prompt):
      self = .confirmation(typesText: prompt.action.takesText)
    case .profilePicker: self = .profilePicker
    case .help: self = .help
    case .keyDetail: self = .keyDetail
    case .rateLimitDetail: self = .rateLimitDetail
    case nil:
      self = DashboardReducer.isEditingFilter(state) ? .filter : .view(state.view)
    }
  }

  /// Whether every printable key is text here (typed into a filter or a name).
  package var typesText: Bool {
    switch self {
    case .filter, .confirmation(typesText: true): true
    default: false
    }
  }
}

/// A key of a mode's own table: its keys, how they are written and what they do.
package struct ContextBinding: Hashable, Sendable {
  package var keys: [KeyPress]
  package var label: String
  /// The short action for the hint bar; `nil` when the hint bar leaves it out.
  package var hint: String?
  /// The sentence for the README.
  package var help: String
}

extension KeyMap {
  /// Keys that act in every context, before it: Ctrl-C quits.
  package static let globalKeys: [KeyPress] = [.control("c")]

  /// The profile picker's keys (its hint bar and the README come from this table).
  package static let profilePickerBindings: [ContextBinding] = [
    ContextBinding(
      keys: [.up, .down, .character("k"), .character("j")], label: "↑/↓", hint: "choose",
      help: "Choose a profile (k/j too)"),
    ContextBinding(
      keys: [.home, .end, .character("g"), .character("G")], label: "Home/End", hint: nil,
      help: "The first or the last profile (g/G too)"),
    ContextBinding(keys: [.enter], label: "Enter", hint: "switch", help: "Switch to it"),
    ContextBinding(
      keys: [.escape, .character("P")], label: "Esc", hint: "back",
      help: "Close the picker (P too)"),
    ContextBinding(
      keys: [.character("?")], label: "?", hint: nil, help: "Show the help instead"),
    ContextBinding(keys: [.character("q")], label: "q", hint: "quit", help: "Quit"),
  ]

  /// A confirmation's keys: y/n, or a typed name and Enter.
  package static func confirmationBindings(typesText: Bool) -> [ContextBinding] {
    if typesText {
      return [
        ContextBinding(keys: [.enter], label: "Enter", hint: nil, help: "Confirm the name typed"),
        ContextBinding(
          keys: [.backspace, .delete], label: "Backspace", hint: nil,
          help: "Delete the last character"),
        ContextBinding(keys: [.escape], label: "Esc", hint: nil, help: "Cancel"),
      ]
    }
    return [
      ContextBinding(
        keys: [.character("y"), .character("Y")], label: "y", hint: nil, help: "Confirm"),
      ContextBinding(
        keys: [.character("n"), .character("N"), .enter, .escape], label: "n/Esc", hint: nil,
        help: "Cancel (Enter too: the default is no)"),
    ]
  }

  /// The keys a context lists (its own table; the view's is ``bindings``), Ctrl-C aside.
  package static func listedKeys(in context: KeyContext) -> Set<KeyPress> {
    switch context {
    case .view:
      return Set(bindings.flatMap(\.keys))
    case .filter:
      return Set(filterBindings.flatMap(\.keys))
    case .help, .rateLimitDetail:
      return Set(overlayCommands.compactMap(binding(for:)).flatMap(\.keys))
    case .keyDetail:
      let commands = overlayCommands + KeyAction.allCases.map(\.command)
      return Set(commands.compactMap(binding(for:)).flatMap(\.keys))
    case .profilePicker:
      return Set(profilePickerBindings.flatMap(\.keys))
    case .confirmation(let typesText):
      return Set(confirmationBindings(typesText: typesText).flatMap(\.keys))
    }
  }
}
