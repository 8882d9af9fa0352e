import Foundation

/// Projects states into view models tick after tick, deriving the figures and the sorted key
/// rows only when something they depend on changed.
///
/// Both are pure functions of the state and the UTC month (`DashboardFigures` reads the instant
/// only for the month's bounds; `visibleKeyRows()` not at all), while an idle clock tick changes
/// nothing in the state but `lastSeen`. So a tick reuses them, and only the parts that read the
/// instant (clock, ages, countdowns, stale markers) are recomputed. The result always equals
/// `DashboardViewModel(state:now:)`.
package struct DashboardProjector: Sendable {
  private var cached:
    (
      state: DashboardState, month: Date, figures: DashboardFigures,
      rows: [KeyRowFacts]
    )?

  package init() {}

  /// The view model of `state` at `now`.
  package mutating func viewModel(state: DashboardState, now: Date) -> DashboardViewModel {
    var key = state
    // The one field every action updates; nothing derived reads it.
    key.lastSeen = nil
    let month = UTCCalendar.monthStart(containing: now)
    if let cached, cached.month == month, cached.state == key {
      return DashboardViewModel(state: state, now: now, figures: cached.figures, rows: cached.rows)
    }
    let figures = DashboardFigures(state: state, now: now)
    let rows = state.visibleKeyRows()
    cached = (key, month, figures, rows)
    return DashboardViewModel(state: state, now: now, figures: figures, rows: rows)
  }
}
