import Foundation
import OrgTopCore

/// The clock's coming ticks that change nothing on the screen but the clock, with the clock's
/// text at each: ``Program`` draws those as the clock's cells alone, without projecting the
/// state again.
///
/// Why: on a wall screen nearly every tick is such a tick (the status line's ages and
/// countdowns move every ten seconds, the key table's every minute), and projecting the state
/// from cold caches a second after the last projection was most of what drawing a tick cost.
/// Projected back to back at the tick that plans them, the next instants cost a fraction of
/// that. The plan is exact, not a guess of when texts change: it holds the ticks whose view
/// model equals the shown one in everything but the clock, up to the first that differs, for
/// one revision of the state (any action ends it).
package struct SteadyTicks {
  /// The runtime's revision of the state the ticks were projected from.
  package let revision: Int
  /// The planned ticks not drawn yet, earliest first.
  private var ticks: ArraySlice<(instant: Date, clock: String)>

  /// At most this many ticks are planned at once (a minute at one a second).
  package static let horizon = 60

  /// Plans the ticks after `instant`, one every `interval` seconds, for `state` (of revision
  /// `revision`) whose view model at `instant`, `shown`, is on the screen: projects the
  /// following instants through `projector` until one differs from `shown` in more than its
  /// clock, or ``horizon`` of them.
  package static func plan(
    after instant: Date, every interval: TimeInterval, shown: DashboardViewModel,
    state: DashboardState, revision: Int, projector: inout DashboardProjector
  ) -> SteadyTicks {
    var ticks: [(instant: Date, clock: String)] = []
    var expected = shown
    for step in 1...horizon {
      let next = instant.addingTimeInterval(TimeInterval(step) * interval)
      let model = projector.viewModel(state: state, now: next, revision: revision)
      expected.header.clock = model.header.clock
      guard model == expected else { break }
      ticks.append((next, model.header.clock))
    }
    return SteadyTicks(revision: revision, ticks: ticks[...])
  }

  /// The clock at the tick of `instant` when it is planned (earlier planned ticks, missed,
  /// are dropped); `nil` when it is not.
  package mutating func clock(at instant: Date) -> String? {
    while let first = ticks.first, first.instant < instant { ticks.removeFirst() }
    guard let first = ticks.first, first.instant == instant else { return nil }
    ticks.removeFirst()
    return first.clock
  }
}
