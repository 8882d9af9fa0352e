/// What a key does on the dashboard.
package enum KeyCommand: String, Hashable, Sendable, CaseIterable {
  case moveUp, moveDown, pageUp, pageDown, moveToTop, moveToBottom
  case openDetail, back, nextPane, previousPane
  case refresh, toggleHelp, quit
  case startFilter, cycleSort, reverseSort, toggleFlagged
  case pickProfile
  case showDashboard, showMembers, showWorkspaces, showRateLimits
  case renameKey, deactivateKey, activateKey, archiveKey
}

/// The one table of key bindings. It drives the reducer's dispatch, the hint bar, the `?` help
/// overlay and the README's key table, so the four can never disagree.
package enum KeyMap {
  /// One command and the keys that trigger it, with its texts.
  package struct Binding: Hashable, Sendable {
    package var command: KeyCommand
    package var keys: [KeyPress]
    /// How the keys are written in the hint bar and help, e.g. `↑/k`.
    package var label: String
    /// The short action for the hint bar, e.g. `filter`.
    package var hint: String
    /// The sentence for the help overlay and README.
    package var help: String
    /// The help section it is listed under.
    package var section: String
    /// Its place in the hint bar (lower = more important), or `nil` when not shown there.
    package var hintRank: Int?
  }

  /// A key accepted while the filter is being edited, for the hint bar and help.
  package struct FilterBinding: Hashable, Sendable {
    package var keys: [KeyPress]
    package var label: String
    package var hint: String
    package var help: String
  }

  package static let navigation = "Navigation"
  package static let views = "Views"
  package static let data = "Data"
  package static let filterAndSort = "Filter and sort"
  package static let filterEditing = "While typing a filter"
  package static let changeKey = "Change a key"

  /// Every binding, in help order.
  package static let bindings: [Binding] = [
    Binding(
      command: .moveUp, keys: [.up, .character("k")], label: "↑/k", hint: "up",
      help: "Select the previous row", section: navigation, hintRank: nil),
    Binding(
      command: .moveDown, keys: [.down, .character("j")], label: "↓/j", hint: "down",
      help: "Select the next row", section: navigation, hintRank: nil),
    Binding(
      command: .pageUp, keys: [.pageUp], label: "PgUp", hint: "page up",
      help: "Move up one page of rows", section: navigation, hintRank: nil),
    Binding(
      command: .pageDown, keys: [.pageDown], label: "PgDn", hint: "page down",
      help: "Move down one page of rows", section: navigation, hintRank: nil),
    Binding(
      command: .moveToTop, keys: [.home, .character("g")], label: "Home/g", hint: "top",
      help: "Select the first row", section: navigation, hintRank: nil),
    Binding(
      command: .moveToBottom, keys: [.end, .character("G")], label: "End/G", hint: "bottom",
      help: "Select the last row", section: navigation, hintRank: nil),
    Binding(
      command: .openDetail, keys: [.enter], label: "Enter", hint: "detail",
      help:
        "Open the selected key's or rate limit's detail, or the keys of the selected member"
        + " or workspace",
      section: views, hintRank: 1),
    Binding(
      command: .back, keys: [.escape], label: "Esc", hint: "back",
      help: "Close the detail or help, clear the filter, or go back to the previous view",
      section: views, hintRank: 6),
    Binding(
      command: .showDashboard, keys: [.character("1")], label: "1", hint: "dashboard",
      help: "Show the dashboard (overview, usage, API keys)", section: views, hintRank: nil),
    Binding(
      command: .showMembers, keys: [.character("2")], label: "2", hint: "members",
      help: "Show the members and pending invites", section: views, hintRank: nil),
    Binding(
      command: .showWorkspaces, keys: [.character("3")], label: "3", hint: "workspaces",
      help: "Show the workspaces with their keys and month-to-date cost", section: views,
      hintRank: nil),
    Binding(
      command: .showRateLimits, keys: [.character("4")], label: "4", hint: "rate limits",
      help: "Show every rate limit with the last hour's peak and the headroom left",
      section: views, hintRank: nil),
    Binding(
      command: .nextPane, keys: [.tab], label: "Tab", hint: "pane",
      help: "Focus the next pane (the one keys act on)", section: views, hintRank: 5),
    Binding(
      command: .previousPane, keys: [.backTab], label: "Shift-Tab", hint: "previous pane",
      help: "Focus the previous pane", section: views, hintRank: nil),
    Binding(
      command: .toggleHelp, keys: [.character("?")], label: "?", hint: "help",
      help: "Show or hide this help", section: views, hintRank: 0),
    Binding(
      command: .pickProfile, keys: [.character("P")], label: "P", hint: "profile",
      help: "Switch to another configured profile (organization)", section: views,
      hintRank: nil),
    Binding(
      command: .refresh, keys: [.character("r")], label: "r", hint: "refresh",
      help: "Refresh everything now (also retries after an auth error)", section: data,
      hintRank: 4),
    Binding(
      command: .quit, keys: [.character("q"), .control("c")], label: "q", hint: "quit",
      help: "Quit (Ctrl-C too)", section: data, hintRank: 7),
    Binding(
      command: .startFilter, keys: [.character("/")], label: "/", hint: "filter",
      help:
        "Filter the list (keys by name, id, workspace, creator or status; members by name, email or role; workspaces by name, id or state)",
      section: filterAndSort,
      hintRank: 2),
    Binding(
      command: .cycleSort, keys: [.character("s")], label: "s", hint: "sort",
      help: "Sort by the next column", section: filterAndSort, hintRank: 3),
    Binding(
      command: .reverseSort, keys: [.character("S")], label: "S", hint: "reverse",
      help: "Reverse the sort order", section: filterAndSort, hintRank: nil),
    Binding(
      command: .toggleFlagged, keys: [.character("f")], label: "f", hint: "flagged",
      help: "Show only flagged keys (FLAGS column), or every key again", section: filterAndSort,
      hintRank: nil),
    // The only writes (docs/admin-api.md §6.4); none of them in read-only or kiosk mode.
    Binding(
      command: .renameKey, keys: [.character("n")], label: "n", hint: "rename",
      help: "Rename the key", section: changeKey, hintRank: nil),
    Binding(
      command: .deactivateKey, keys: [.character("d")], label: "d", hint: "deactivate",
      help: "Deactivate an active key (it stops working)", section: changeKey, hintRank: nil),
    Binding(
      command: .activateKey, keys: [.character("a")], label: "a", hint: "reactivate",
      help: "Reactivate an inactive key", section: changeKey, hintRank: nil),
    Binding(
      command: .archiveKey, keys: [.character("A")], label: "A", hint: "archive",
      help: "Archive the key, for good (type its name to confirm)", section: changeKey,
      hintRank: nil),
  ]

  /// The keys accepted while typing a filter (every other printable key is typed).
  package static let filterBindings: [FilterBinding] = [
    FilterBinding(
      keys: [.enter], label: "Enter", hint: "keep filter", help: "Keep the filter and stop typing"
    ),
    FilterBinding(keys: [.escape], label: "Esc", hint: "clear filter", help: "Clear the filter"),
    FilterBinding(
      keys: [.backspace, .delete], label: "Backspace", hint: "delete",
      help: "Delete the last character"),
    FilterBinding(
      keys: [.up, .down, .pageUp, .pageDown], label: "↑/↓", hint: "move",
      help: "Move the selection (PgUp/PgDn: a page)"),
  ]

  /// The command a key triggers outside filter editing, if any.
  package static func command(for key: KeyPress) -> KeyCommand? {
    bindings.first { $0.keys.contains(key) }?.command
  }

  /// The binding of a command.
  package static func binding(for command: KeyCommand) -> Binding? {
    bindings.first { $0.command == command }
  }

  /// The hint bar in order of importance (made once: every frame shows it).
  package static let hintBar = hintBar(excluding: [])

  /// The hint bar without the commands that do nothing where the user is.
  package static func hintBar(excluding commands: Set<KeyCommand>) -> [KeyHint] {
    bindings.filter { $0.hintRank != nil && !commands.contains($0.command) }
      .sorted { ($0.hintRank ?? 0) < ($1.hintRank ?? 0) }
      .map { KeyHint(keys: $0.label, action: $0.hint) }
  }

  /// The commands that act while the detail or help is open.
  package static let overlayCommands: [KeyCommand] = [.back, .toggleHelp, .refresh, .quit]

  /// The hint bar while the detail or help is open: only these keys act there.
  package static let overlayHintBar: [KeyHint] = overlayCommands.compactMap { command in
    binding(for: command).map { KeyHint(keys: $0.label, action: $0.hint) }
  }

  /// The hint bar of the key detail: the actions the key's status allows (none in read-only
  /// mode), then the overlay's keys.
  package static func keyDetailHintBar(actions: [KeyAction]) -> [KeyHint] {
    actions.compactMap { action in
      binding(for: action.command).map { KeyHint(keys: $0.label, action: $0.hint) }
    } + overlayHintBar
  }

  /// The hint bar of a key action's confirmation.
  package static func keyActionHintBar(_ prompt: KeyActionPrompt) -> [KeyHint] {
    switch prompt.phase {
    case .sending, .failed:
      return [KeyHint(keys: "Esc", action: "close")]
    case .confirming:
      if prompt.action.takesText {
        return [
          KeyHint(keys: "Enter", action: prompt.action.verb.lowercased()),
          KeyHint(keys: "Esc", action: "cancel"),
        ]
      }
      return [
        KeyHint(keys: "y", action: prompt.action.verb.lowercased()),
        KeyHint(keys: "n/Esc", action: "cancel"),
      ]
    }
  }

  /// The help overlay's sections; in read-only mode without the key actions, which are off.
  package static func helpSections(readOnly: Bool) -> [HelpSection] {
    readOnly ? helpSections.filter { $0.title != changeKey } : helpSections
  }

  /// The hint bar while the profile picker is open.
  package static var profilePickerHintBar: [KeyHint] {
    profilePickerBindings.compactMap { binding in
      binding.hint.map { KeyHint(keys: binding.label, action: $0) }
    }
  }

  /// The hint bar while the filter is being edited.
  package static var filterHintBar: [KeyHint] {
    filterBindings.map { KeyHint(keys: $0.label, action: $0.hint) }
  }

  /// The help overlay's sections, in order.
  package static var helpSections: [HelpSection] {
    var sections: [HelpSection] = []
    for binding in bindings {
      let hint = KeyHint(keys: binding.label, action: binding.help)
      if let index = sections.firstIndex(where: { $0.title == binding.section }) {
        sections[index].hints.append(hint)
      } else {
        sections.append(HelpSection(title: binding.section, hints: [hint]))
      }
    }
    sections.append(
      HelpSection(
        title: filterEditing,
        hints: filterBindings.map { KeyHint(keys: $0.label, action: $0.help) }))
    return sections
  }
}
