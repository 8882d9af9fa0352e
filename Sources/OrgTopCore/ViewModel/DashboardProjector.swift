import Foundation

/// Projects states into view models tick after tick, deriving the figures only when something
/// they depend on changed (the sorted key rows are kept in the state itself).
///
/// The figures are a pure function of the state and the UTC month (`DashboardFigures` reads
/// the instant only for the month's bounds), while an idle clock tick changes nothing in the
/// state but `lastSeen`. So a tick reuses them, and only the parts that read the instant
/// (clock, ages, countdowns, stale markers) are recomputed. The result always equals
/// `DashboardViewModel(state:now:)`.
package struct DashboardProjector: Sendable {
  private var cached: (state: DashboardState, month: Date, figures: DashboardFigures)?

  package init() {}

  /// The view model of `state` at `now`.
  package mutating func viewModel(state: DashboardState, now: Date) -> DashboardViewModel {
    var key = state
    // The one field every action updates; nothing derived reads it.
    key.lastSeen = nil
    let month = UTCCalendar.monthStart(containing: now)
    if let cached, cached.month == month, cached.state == key {
      return DashboardViewModel(state: state, now: now, figures: cached.figures)
    }
    let figures = DashboardFigures(state: state, now: now)
    cached = (key, month, figures)
    return DashboardViewModel(state: state, now: now, figures: figures)
  }
}
