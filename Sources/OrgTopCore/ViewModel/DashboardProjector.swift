import Foundation

/// Projects states into view models tick after tick, deriving only what the tick changed.
///
/// The figures are a pure function of the state and the UTC month (`DashboardFigures` reads
/// the instant only for the month's bounds), while an idle clock tick changes nothing in the
/// state but `lastSeen`. So a tick reuses them, and with them the overview and usage panes'
/// rows, which read nothing else of the instant but the reset countdown (whole minutes) and
/// the cost chart's day, and the key table's rows (formatted at the whole minute); only what
/// reads the instant every second (clock, ages, countdowns, stale markers) is recomputed. The result always equals
/// `DashboardViewModel(state:now:)`.
package struct DashboardProjector: Sendable {
  /// What was derived from one state (without `lastSeen`) in one month.
  private struct Derived: Sendable {
    var state: DashboardState
    var month: Date
    var figures: DashboardFigures
    var overview: OverviewViewModel
    var usageInstant: UsageViewModel.Instant
    var usage: UsageViewModel
    /// The key table with its rows formatted at ``keysMinute`` (``KeyList/rowInstant(_:)``).
    var keysMinute: Date
    var keys: ListTableViewModel
  }

  private var cached: Derived?

  package init() {}

  /// The view model of `state` at `now`.
  package mutating func viewModel(state: DashboardState, now: Date) -> DashboardViewModel {
    var key = state
    // The one field every action updates; nothing derived reads it.
    key.lastSeen = nil
    let month = UTCCalendar.monthStart(containing: now)
    var derived: Derived
    if let cached, cached.month == month, cached.state == key {
      derived = cached
      let instant = UsageViewModel.Instant(figures: derived.figures, now: now)
      if instant != derived.usageInstant {
        derived.usageInstant = instant
        derived.usage = UsageViewModel(state: state, figures: derived.figures, instant: instant)
      }
      let minute = KeyList.rowInstant(now)
      if minute != derived.keysMinute {
        derived.keysMinute = minute
        derived.keys = KeyList.table(state: state, figures: derived.figures, minute: minute)
      }
    } else {
      let figures = DashboardFigures(state: state, now: now)
      let instant = UsageViewModel.Instant(figures: figures, now: now)
      let minute = KeyList.rowInstant(now)
      derived = Derived(
        state: key, month: month, figures: figures,
        overview: OverviewViewModel(state: state, figures: figures),
        usageInstant: instant,
        usage: UsageViewModel(state: state, figures: figures, instant: instant),
        keysMinute: minute,
        keys: KeyList.table(state: state, figures: figures, minute: minute))
    }
    cached = derived
    var overview = derived.overview
    overview.condition = OverviewViewModel.condition(state, now: now)
    var usage = derived.usage
    usage.condition = UsageViewModel.condition(state, now: now)
    var keys = derived.keys
    keys.condition = KeyList.condition(state, now: now)
    return DashboardViewModel(
      state: state, now: now, figures: derived.figures, overview: overview, usage: usage,
      keys: keys)
  }
}
