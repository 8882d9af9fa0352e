// Times Screen.render on the fixture organization's dashboard (reducer state). Built and run by render-benchmark.sh against the
// release build of OrgTopCore, OrgTopUI and OrgTopTestSupport; not part of the test suite.
import Glibc
import OrgTopCore
import OrgTopTestSupport
import OrgTopUI

/// The fixture organization loaded through the reducer at `size`, with `keys` pressed.
func fixtureModel(_ size: TerminalSize, keys: [KeyPress] = []) -> DashboardViewModel {
  var harness = ReducerHarness()
  harness.send(.layoutChanged(size: size, pageSizes: Screen.pageSizes(for: size)))
  harness.complete(harness.start())
  for key in keys { harness.press(key) }
  return DashboardViewModel(state: harness.state, now: harness.now)
}

let bigSize = TerminalSize(columns: 200, rows: 60)
let cases: [(String, DashboardViewModel, TerminalSize, RenderOptions)] = [
  ("dashboard 200x60", fixtureModel(bigSize), bigSize, .unicode),
  (
    "dashboard 300x80", fixtureModel(TerminalSize(columns: 300, rows: 80)),
    TerminalSize(columns: 300, rows: 80), .unicode
  ),
  (
    "dashboard 80x24", fixtureModel(TerminalSize(columns: 80, rows: 24)),
    TerminalSize(columns: 80, rows: 24), .unicode
  ),
  ("dashboard 200x60 ascii", fixtureModel(bigSize), bigSize, .ascii),
  ("key detail 200x60", fixtureModel(bigSize, keys: [.enter]), bigSize, .unicode),
]

let iterations = 2_000
let clock = ContinuousClock()
var checksum = 0

/// CPU time of this thread in microseconds: unlike wall time, not inflated by other processes
/// on a busy machine.
func threadCPUMicroseconds() -> Double {
  var spec = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
  return Double(spec.tv_sec) * 1e6 + Double(spec.tv_nsec) / 1e3
}

for (name, model, size, options) in cases {
  // Warm up, then time.
  for _ in 0..<50 { checksum &+= Screen.render(model, size: size, options: options).cells.count }
  let cpuStart = threadCPUMicroseconds()
  let elapsed = clock.measure {
    for _ in 0..<iterations {
      checksum &+= Screen.render(model, size: size, options: options).cells.count
    }
  }
  let cpu = (threadCPUMicroseconds() - cpuStart) / Double(iterations)
  let perFrame = elapsed / iterations
  let wall =
    Double(perFrame.components.attoseconds) / 1e12 + Double(perFrame.components.seconds) * 1e6
  print(
    "\(name): \(Int(cpu.rounded())) µs CPU, \(Int(wall.rounded())) µs wall per frame"
      + " (\(iterations) frames)")
}

// The whole pure path a frame takes in the program: the fixture organization's reducer state,
// Core's view-model projection (every pane projected again; the rows and their widest texts
// come from the harness's deriver, as the program's come from the runtime's), then the render.
var harness = ReducerHarness()
let fullSize = TerminalSize(columns: 200, rows: 60)
harness.loadFixture(source: .analytics, keyPageSize: Screen.pageSizes(for: fullSize)[.keys])
harness.send(.layoutChanged(size: fullSize, pageSizes: Screen.pageSizes(for: fullSize)))
let state = harness.state
let now = harness.now
var texts = TableTexts()
let cpuStart = threadCPUMicroseconds()
for _ in 0..<iterations {
  let model = DashboardViewModel(state: state, deriver: harness.deriver, texts: &texts, now: now)
  checksum &+= Screen.render(model, size: fullSize, options: .unicode).cells.count
}
let cpu = (threadCPUMicroseconds() - cpuStart) / Double(iterations)
print("state -> view model -> render 200x60: \(Int(cpu.rounded())) µs CPU per frame")

// An idle clock tick as the program draws it: the view model a second later from the projector
// (figures and key rows reused), rendered from the previous frame (only changed rows redrawn).
var previous = (
  model: DashboardViewModel(state: state, now: now),
  frame: Screen.render(
    DashboardViewModel(state: state, now: now), size: fullSize, options: .unicode)
)
var projector = DashboardProjector(deriver: harness.deriver)
let tickStart = threadCPUMicroseconds()
for index in 0..<iterations {
  let model = projector.viewModel(state: state, now: now.addingTimeInterval(Double(index % 2 + 1)))
  let frame = Screen.render(model, size: fullSize, options: .unicode, after: previous)
  checksum &+= frame.cells.count
  previous = (model, frame)
}
let tick = (threadCPUMicroseconds() - tickStart) / Double(iterations)
print("idle tick (projector + incremental render) 200x60: \(Int(tick.rounded())) µs CPU")

// The members view from state: the fixture with 10,000 more keys and 2,000 more members (keys
// created by them), at 200x60, the view model projected and rendered every frame.
var large = ReducerHarness()
large.loadFixture(source: .analytics, keyPageSize: Screen.pageSizes(for: fullSize)[.keys])
var members = Fixtures.members
for index in 0..<2_000 {
  members.append(
    Member(
      id: "user_01Bulk\(index)", email: "member\(index)@bulk.example", name: "Member \(index)",
      role: index % 5 == 0 ? .admin : .developer,
      addedAt: Fixtures.now.addingTimeInterval(-Double(index) * 7_200)))
}
var manyKeys = Fixtures.apiKeys
for index in 0..<10_000 {
  manyKeys.append(
    APIKey(
      id: "apikey_01Bulk\(index)", name: "bulk-key-\(index)",
      status: index % 7 == 0 ? .inactive : .active,
      createdAt: Fixtures.now.addingTimeInterval(-Double(index) * 3_600),
      createdBy: Actor(id: members[index % members.count].id, kind: .user)))
}
large.send(.fetchCompleted(.members, .success(.members(members)), at: large.now))
large.send(.fetchCompleted(.apiKeys, .success(.apiKeys(manyKeys)), at: large.now))
large.send(.layoutChanged(size: fullSize, pageSizes: Screen.pageSizes(for: fullSize)))
// Every view of that organization, each frame projected from the state and rendered.
for (key, name) in [
  ("1", "dashboard"), ("2", "members"), ("3", "workspaces"), ("4", "rate limits"),
] {
  large.press(.character(Character(key)))
  let viewState = large.state
  var texts = TableTexts()
  let start = threadCPUMicroseconds()
  for _ in 0..<iterations {
    let model = DashboardViewModel(
      state: viewState, deriver: large.deriver, texts: &texts, now: large.now)
    checksum &+= Screen.render(model, size: fullSize, options: .unicode).cells.count
  }
  let frame = (threadCPUMicroseconds() - start) / Double(iterations)
  print(
    "\(name) view (10,000 keys, \(members.count) members) state -> render 200x60: "
      + "\(Int(frame.rounded())) µs CPU per frame")
}
print("checksum \(checksum)")
