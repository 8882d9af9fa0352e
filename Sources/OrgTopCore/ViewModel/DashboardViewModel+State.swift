import Foundation

extension DashboardViewModel {
  /// The product name in the header.
  package static let title = "orgtop"

  /// Projects the state at `now` into everything the screen shows. Pure: the same state and
  /// instant always give the same view model. Text from the API (names) is passed raw; the UI
  /// sanitizes it. Derives from scratch what it shows (``DashboardProjector`` remembers it).
  package init(state: DashboardState, now: Date) {
    self.init(state: state, deriver: Deriver(), now: now)
  }

  /// Projects the state with what `deriver` derives (and remembers) of it.
  package init(state: DashboardState, deriver: Deriver, now: Date) {
    var texts = TableTexts()
    self.init(state: state, deriver: deriver, texts: &texts, now: now)
  }

  /// Projects the state with what `deriver` derives of it and the table texts `texts`
  /// remembers: every pane projected again, nothing derived or formatted again unless its
  /// inputs changed (what a frame after a key press costs).
  package init(state: DashboardState, deriver: Deriver, texts: inout TableTexts, now: Date) {
    let figures = DashboardFigures(state: state, deriver: deriver, now: now)
    self.init(
      state: state, now: now, figures: figures,
      overview: OverviewViewModel(state: state, figures: figures, now: now),
      usage: UsageViewModel(state: state, figures: figures, now: now),
      keys: deriver.keyRows(of: state), keysTable: nil, deriver: deriver, texts: &texts)
  }

  /// Projects the state with its figures already derived (they depend on the state and the
  /// month alone; ``DashboardProjector`` reuses them between ticks).
  package init(
    state: DashboardState, now: Date, figures: DashboardFigures, deriver: Deriver = Deriver()
  ) {
    var texts = TableTexts()
    self.init(
      state: state, now: now, figures: figures,
      overview: OverviewViewModel(state: state, figures: figures, now: now),
      usage: UsageViewModel(state: state, figures: figures, now: now),
      keys: deriver.keyRows(of: state), keysTable: nil, deriver: deriver, texts: &texts)
  }

  /// Projects the state around panes already projected at `now` (``DashboardProjector`` keeps
  /// what of them reads nothing of the instant), with the key rows (`keys`, and their table
  /// when already projected at `now`) and the other lists' rows `deriver` derives, formatted
  /// through `texts` (which remembers what it can), and the status line from `statusFacts`
  /// when they were gathered from this state already.
  init(
    state: DashboardState, now: Date, figures: DashboardFigures, overview: OverviewViewModel,
    usage: UsageViewModel, keys keyRows: KeyRows, keysTable: ListTableViewModel?,
    statusFacts: StatusBarViewModel.SlotFacts? = nil, deriver: Deriver, texts: inout TableTexts
  ) {
    let selectedKey = keyRows.selected(in: state.keyList)
    var overlay: Overlay?
    switch state.overlay {
    case .help:
      overlay = .help(
        HelpViewModel(
          title: "Keys",
          sections: KeyMap.helpSections(readOnly: state.configuration.isReadOnly)))
    case .keyDetail:
      if let row = selectedKey {
        overlay = .keyDetail(
          KeyDetailViewModel(row: row, state: state, figures: figures, now: now))
      }
    case .profilePicker(let selected):
      overlay = .profiles(ProfilePickerViewModel(state: state, selected: selected))
    case .keyAction(let prompt):
      overlay = .keyAction(KeyActionViewModel(prompt: prompt))
    case .rateLimitDetail:
      overlay = RateLimitList.detail(state: state).map(Overlay.rateLimitDetail)
    case nil: overlay = nil
    }
    self.init(
      header: HeaderViewModel(state: state, now: now),
      overview: overview,
      usage: usage,
      keys: keysTable
        ?? KeyList.table(state: state, keys: keyRows, texts: &texts, figures: figures, now: now),
      focus: state.focusedPane ?? state.focus,
      status: StatusBarViewModel(
        state: state, facts: statusFacts ?? StatusBarViewModel.SlotFacts(state), now: now),
      hints: Self.hints(for: state, selectedKey: selectedKey?.key),
      overlay: overlay,
      kiosk: KioskViewModel(state: state, figures: figures, now: now))
    // A wall screen shows the view of its page (no tab line: nobody switches views there);
    // the interactive program, the view chosen with its tab line.
    let shown: AppView?
    if let kiosk {
      if case .view(let view) = kiosk.page { shown = view } else { shown = nil }
    } else {
      tabs = TabBarViewModel(selected: state.view)
      shown = state.view
    }
    if let shown {
      switch shown {
      case .dashboard: break
      case .members:
        let rows = deriver.memberRows(of: state)
        let costKnown = MemberList.costKnown(state: state, cost: figures.cost)
        members = MembersViewModel(
          members: MemberList.table(
            state: state, rows: rows, widest: texts.members(rows, costKnown: costKnown),
            costKnown: costKnown, now: now),
          invites: MemberList.invitesTable(state: state, now: now))
      case .workspaces:
        workspaces = WorkspaceList.table(
          state: state, workspaces: deriver.workspaceRows(of: state), cost: figures.cost, now: now)
      case .rateLimits:
        rateLimits = RateLimitList.table(state: state, now: now)
      }
    }
    if kiosk != nil {
      // Nobody is at the keyboard of a wall screen: no selection, no keys to offer.
      self.keys.selectedIndex = nil
      members?.members.selectedIndex = nil
      members?.invites.selectedIndex = nil
      workspaces?.selectedIndex = nil
      rateLimits?.selectedIndex = nil
    }
  }
}

extension DashboardViewModel {
  /// The hint bar for what the keys do right now (`selectedKey`: the key list's selection).
  static func hints(for state: DashboardState, selectedKey: APIKey?) -> [KeyHint] {
    if state.configuration.kiosk != nil { return [] }
    if case .profilePicker = state.overlay { return KeyMap.profilePickerHintBar }
    if case .keyAction(let prompt) = state.overlay { return KeyMap.keyActionHintBar(prompt) }
    if state.overlay == .keyDetail, !state.configuration.isReadOnly, let key = selectedKey {
      return KeyMap.keyDetailHintBar(actions: KeyAction.available(for: key.status))
    }
    if state.overlay != nil { return KeyMap.overlayHintBar }
    if DashboardReducer.isEditingFilter(state) { return KeyMap.filterHintBar }
    // The other views have one pane that takes keys: Tab has nothing to move between.
    switch state.view {
    case .dashboard: break
    case .members: return KeyMap.hintBar
    case .workspaces: return KeyMap.hintBar(excluding: [.nextPane])
    // A rate limit opens nothing.
    case .rateLimits: return KeyMap.hintBar(excluding: [.nextPane, .openDetail])
    }
    return KeyMap.hintBar
  }
}

extension HeaderViewModel {
  /// The header: name, organization, badges, data source and report family, clock.
  package init(state: DashboardState, now: Date) {
    var badges: [String] = []
    if state.configuration.mode == .demo { badges.append("DEMO") }
    if state.configuration.isReadOnly { badges.append("READ-ONLY") }
    var source = state.configuration.sourceLabel
    if let reports = state.reportSource { source += " · \(reports.rawValue)" }
    self.init(
      title: DashboardViewModel.title,
      organization: state.organization.value?.name ?? "…",
      badges: badges, source: source,
      clock: state.configuration.showsClock ? Format.clock(now) : "")
  }
}

extension PaneCondition {
  /// How a pane stands given the slots it shows: loading or failed while a `primary` slot has
  /// no value; stale when a shown slot's last fetch failed or its value is well past its TTL
  /// (e.g. after the machine slept); ready otherwise.
  package static func of(
    _ state: DashboardState, primary: [DataSlot], secondary: [DataSlot] = [], now: Date,
    loading: String
  ) -> PaneCondition {
    for slot in primary where !state.hasValue(slot) {
      let status = state[status: slot]
      if status.isFailing, let failure = status.lastFailure {
        return .failed("\(failure.message). \(failure.remedy)")
      }
      return .loading(loading)
    }
    let policy = state.configuration.refreshPolicy
    var staleSince: Date?
    for slot in primary + secondary where state.hasValue(slot) {
      let status = state[status: slot]
      guard let fetchedAt = status.fetchedAt else { continue }
      let overdue = now.timeIntervalSince(fetchedAt) > 2 * policy.ttl(for: slot) + 60
      if status.isFailing || overdue {
        staleSince = min(staleSince ?? fetchedAt, fetchedAt)
      }
    }
    guard let staleSince else { return .ready }
    let age = now.timeIntervalSince(staleSince)
    return .stale(age < 60 ? "stale <1 min" : "stale " + Format.duration(age))
  }
}
