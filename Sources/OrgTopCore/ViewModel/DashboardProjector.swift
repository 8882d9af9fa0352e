import Foundation

/// Projects states into view models tick after tick, deriving only what the tick changed.
///
/// The figures are a pure function of the state and the UTC month (`DashboardFigures` reads
/// the instant only for the month's bounds), while an idle clock tick changes nothing in the
/// state (an action changes `lastSeen` too, which nothing derived reads). So a tick reuses
/// them, and with them the overview and usage panes' rows, which read nothing else of the
/// instant but the reset countdown (whole minutes) and the cost chart's day, and the key
/// table's rows (formatted at the whole minute); only what reads the instant every second
/// (clock, ages, countdowns, stale markers) is recomputed. The rows come from a ``Deriver``
/// (the runtime's, shared so the rows are held once), and the widest texts the tables size
/// their columns by are measured again only when the rows change. The result always equals
/// `DashboardViewModel(state:now:)`.
package struct DashboardProjector {
  /// What was derived from one state (without `lastSeen`) in one month.
  private struct Derived: Sendable {
    var state: DashboardState
    var month: Date
    var figures: DashboardFigures
    var overview: OverviewViewModel
    var usageInstant: UsageViewModel.Instant
    var usage: UsageViewModel
    /// The key rows: asking the deriver every tick would compare their inputs every tick.
    var keys: KeyRows
    /// The key table with its rows formatted at ``keysMinute`` (``KeyList/rowInstant(_:)``).
    var keysMinute: Date
    var keysTable: ListTableViewModel
    /// What the status line reads of the slots (it reads nothing else but the instant).
    var statusFacts: StatusBarViewModel.SlotFacts
    /// The caller's revision of ``state``, when it gave one.
    var revision: Int?

    /// Whether this was derived from `state` (or from a state differing only in `lastSeen`):
    /// the same revision says so without comparing the states, the tick's largest cost after
    /// the copy of the frame.
    func isDerived(from state: DashboardState, revision: Int?) -> Bool {
      if let revision, revision == self.revision { return true }
      var key = state
      // The one field every action updates; nothing derived reads it.
      key.lastSeen = nil
      return key == self.state
    }
  }

  private var cached: Derived?
  /// What the state derives to: sorted rows and the reports' summaries.
  package let deriver: Deriver
  private var texts = TableTexts()

  /// A projector deriving through `deriver` (the runtime's, where there is one).
  package init(deriver: Deriver = Deriver()) {
    self.deriver = deriver
  }

  /// The view model of `state` at `now`. `revision`, when given, is a number that changes
  /// whenever the state does (``Runtime``'s): a tick that passes the same one is not made to
  /// compare the whole state with the last.
  package mutating func viewModel(state: DashboardState, now: Date, revision: Int? = nil)
    -> DashboardViewModel
  {
    derive(state: state, now: now, revision: revision)
    // Field by field from where the derivation lies: binding it to a local would copy it.
    var overview = cached!.overview
    overview.condition = OverviewViewModel.condition(state, now: now)
    var usage = cached!.usage
    usage.condition = UsageViewModel.condition(state, now: now)
    var keysTable = cached!.keysTable
    keysTable.condition = KeyList.condition(state, now: now)
    return DashboardViewModel(
      state: state, now: now, figures: cached!.figures, overview: overview, usage: usage,
      keys: cached!.keys, keysTable: keysTable, statusFacts: cached!.statusFacts,
      deriver: deriver, texts: &texts)
  }

  /// Brings ``cached`` to what `state` derives to in the month of `now`: the last derivation
  /// updated where it lies (never copied: a copy would retain everything the state and the
  /// panes hold, every tick), or a new one.
  private mutating func derive(state: DashboardState, now: Date, revision: Int?) {
    let month = UTCCalendar.monthStart(containing: now)
    guard cached?.month == month, cached?.isDerived(from: state, revision: revision) == true
    else {
      let figures = DashboardFigures(state: state, deriver: deriver, now: now)
      let instant = UsageViewModel.Instant(figures: figures, now: now)
      let keys = deriver.keyRows(of: state)
      let minute = KeyList.rowInstant(now)
      var key = state
      key.lastSeen = nil
      cached = Derived(
        state: key, month: month, figures: figures,
        overview: OverviewViewModel(state: state, figures: figures),
        usageInstant: instant,
        usage: UsageViewModel(state: state, figures: figures, instant: instant),
        keys: keys, keysMinute: minute,
        keysTable: KeyList.table(
          state: state, keys: keys, texts: &texts, figures: figures, minute: minute),
        statusFacts: StatusBarViewModel.SlotFacts(state), revision: revision)
      return
    }
    cached!.revision = revision
    let minute = KeyList.rowInstant(now)
    // Judged at `lastSeen` until a fact they read arrives: then a tick can change them.
    if state.keyFlagsJudgedAt == nil || minute != cached!.keysMinute {
      if state.keyFlagsJudgedAt == nil { cached!.keys = deriver.keyRows(of: state) }
      cached!.keysMinute = minute
      cached!.keysTable = KeyList.table(
        state: state, keys: cached!.keys, texts: &texts, figures: cached!.figures,
        minute: minute)
    }
    let instant = UsageViewModel.Instant(figures: cached!.figures, now: now)
    if instant != cached!.usageInstant {
      cached!.usageInstant = instant
      cached!.usage = UsageViewModel(state: state, figures: cached!.figures, instant: instant)
    }
  }
}
