// The dashboard's idle tick, as the program runs it, on the fixture organization with extra
// keys: a tick the plan of steady ticks holds moves the clock's cells alone; any other
// projects the view model at its second (a clock tick does not run the reducer), checks that
// something is to be drawn, renders incrementally in place and plans the next ticks; then the
// diff of the redrawn rows the ncurses backend makes before it writes a cell. Built and run by
// measure-tick.sh against the release build of OrgTopCore, OrgTopUI and OrgTopTestSupport
// (under callgrind for the instructions, natively for the CPU time); not part of the test
// suite.
//
// Usage: orgtop-tick-benchmark <extra keys> <ticks>
import Foundation
import OrgTopCore
import OrgTopTestSupport
import OrgTopUI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

let arguments = CommandLine.arguments
let extraKeys = arguments.count > 1 ? Int(arguments[1]) ?? 10_000 : 10_000
let tickCount = arguments.count > 2 ? Int(arguments[2]) ?? 1_000 : 1_000
let size = TerminalSize(columns: 120, rows: 40)

/// CPU time of this thread in microseconds: unlike wall time, not inflated by other processes.
func threadCPUMicroseconds() -> Double {
  var spec = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
  return Double(spec.tv_sec) * 1e6 + Double(spec.tv_nsec) / 1e3
}

// The fixture organization, then its key list grown to `extraKeys` more keys (as many as a
// large organization lists), at the program's layout.
var harness = ReducerHarness()
harness.loadFixture(source: .analytics, keyPageSize: Screen.pageSizes(for: size)[.keys])
var keys = Fixtures.apiKeys
for index in 0..<extraKeys {
  keys.append(
    APIKey(
      id: "apikey_01Bulk\(String(index, radix: 10))", name: "bulk-key-\(index)",
      status: index % 7 == 0 ? .inactive : .active,
      createdAt: Fixtures.now.addingTimeInterval(
        -Double(index) * 3_600), createdBy: Actor(id: Fixtures.members[index % 4].id, kind: .user),
      partialKeyHint: "sk-ant-api03-B\(index % 10)...zz",
      workspaceID: Fixtures.workspaces[index % 4].id))
}
harness.send(.fetchCompleted(.apiKeys, .success(.apiKeys(keys)), at: harness.now))
harness.send(.layoutChanged(size: size, pageSizes: Screen.pageSizes(for: size)))

/// The program's side of a tick, as `Program.tick` and `NcursesBackend.draw` do it.
struct Loop {
  /// Derives through the harness's deriver, as the program's projector shares the runtime's.
  var projector: DashboardProjector
  var last: (model: DashboardViewModel, frame: DrawnFrame)?
  /// The ticks planned to move the clock alone.
  var steady: SteadyTicks?
  /// What the backend keeps of the terminal's screen.
  var shown: Grid?
  var changedCells = 0

  /// A planned tick moves the clock's cells alone; any other renders and plans the next.
  mutating func tick(_ state: DashboardState, now: Date) {
    if let clock = steady?.clock(at: now), var moved = last.take() {
      let done = Screen.moveClock(&moved.frame, to: clock)
      if done {
        moved.model.header.clock = clock
        show(moved.frame)
      }
      last = moved
      if done { return }
    }
    render(state, now: now)
    if let model = last?.model {
      // One revision throughout: a tick changes no state, as the runtime's revision says.
      steady = SteadyTicks.plan(
        after: now, every: 1, shown: model, state: state, revision: 0, projector: &projector)
    }
  }

  mutating func render(_ state: DashboardState, now: Date) {
    let model = projector.viewModel(state: state, now: now, revision: 0)
    if let last, last.model == model, last.frame.grid.size == size { return }
    var drawn = last.take()?.frame
    Screen.update(&drawn, to: model, size: size, options: .unicode)
    guard let drawn else { return }
    show(drawn)
    last = (model, drawn)
  }

  /// The backend's diff of the rows the render lists: only changed cells go to curses.
  mutating func show(_ drawn: DrawnFrame) {
    if var previous = shown.take() {
      for range in drawn.changedRows ?? [0..<size.rows] {
        for row in range.clamped(to: 0..<size.rows) where !drawn.grid.rowEquals(row, in: previous) {
          for column in 0..<size.columns where previous[row, column] != drawn.grid[row, column] {
            changedCells += 1
          }
          previous.copyRow(row, from: drawn.grid)
        }
      }
      shown = previous
    } else {
      shown = drawn.grid
    }
  }
}

var loop = Loop(projector: DashboardProjector(deriver: harness.deriver))
loop.render(harness.state, now: harness.now)

/// The measured ticks; named so callgrind can collect inside it alone (`--toggle-collect`).
@inline(never)
func runIdleTicks(_ count: Int, _ harness: inout ReducerHarness, _ loop: inout Loop) {
  for _ in 0..<count {
    // A second passes: the program redraws without running the reducer.
    harness.now = harness.now.addingTimeInterval(1)
    loop.tick(harness.state, now: harness.now)
  }
}

let start = threadCPUMicroseconds()
runIdleTicks(tickCount, &harness, &loop)
let perTick = (threadCPUMicroseconds() - start) / Double(tickCount)
print(
  "keys \(harness.state.apiKeys.value?.count ?? 0), ticks \(tickCount), "
    + "cells changed \(loop.changedCells), cpu_us_per_tick \(String(format: "%.2f", perTick))")
