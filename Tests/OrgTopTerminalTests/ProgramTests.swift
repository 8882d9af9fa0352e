import Foundation
import OrgTopCore
import OrgTopTestSupport
import OrgTopUI
import Testing

extension GridBackend {
  fileprivate var lastText: String { screenLines.joined(separator: "\n") }

  /// The selected table rows: marked with the selection glyph and drawn in reverse video.
  fileprivate var selectedRows: [String] {
    guard let grid = lastGrid else { return [] }
    return grid.lines.indices.filter { row in
      grid.lines[row].contains("›")
        && (0..<grid.columns).contains { grid[row, $0].style.attributes.contains(.reverse) }
    }.map { grid.lines[$0] }
  }
}

/// The real program loop, headless: scripted keys, a manual clock, a fake data source.
@MainActor
private struct Harness {
  let backend = GridBackend(size: TerminalSize(columns: 120, rows: 40))
  let clock = ManualClock(now: Fixtures.now)
  let source = FakeDataSource()
  let program: Program<GridBackend, FakeDataSource, ManualClock>
  let run: Task<ProgramExit, Never>
  static let configuration = DashboardConfiguration(mode: .demo, sourceLabel: "fake")

  init(
    configuration: DashboardConfiguration = Self.configuration,
    configure: (FakeDataSource) -> Void = { _ in }, onFetchesDone: (@MainActor () -> Void)? = nil
  ) async {
    configure(source)
    program = Program(
      backend: backend, source: source, clock: clock,
      state: DashboardState(configuration: configuration), onFetchesDone: onFetchesDone)
    let program = self.program
    run = Task { await program.run() }
    await program.waitUntilIdle()
  }

  func press(_ keys: KeyPress...) async {
    program.send(keys.map { .key($0) })
    await program.waitUntilIdle()
  }

  func advance(by seconds: TimeInterval) async {
    clock.advance(by: seconds)
    await program.waitUntilIdle()
  }
}

private func keys(_ names: [String]) -> [APIKey] {
  names.enumerated().map { index, name in
    APIKey(
      id: "apikey_\(index)", name: name, status: .active,
      createdAt: Date(timeIntervalSince1970: 1_790_000_000))
  }
}

@Suite("Program loop (headless)")
@MainActor
struct ProgramTests {
  @Test("start fetches, the data arrives, and the frame shows the organization")
  func startShowsData() async {
    let harness = await Harness { source in
      source.setOrganization(Organization(id: "org_1", name: "Acme Rockets"))
      source.setAPIKeys(keys(["alpha", "bravo"]))
    }
    #expect(harness.source.calls.contains(.organization))
    #expect(harness.source.calls.contains(.apiKeys))
    #expect(harness.backend.lastText.contains("Acme Rockets"))
    #expect(harness.backend.lastText.contains("alpha"))
    harness.program.send([.key(.character("q"))])
    #expect(await harness.run.value == .quit)
  }

  @Test("Down moves the selection; Enter opens the detail; Esc closes it")
  func navigation() async {
    let harness = await Harness { $0.setAPIKeys(keys(["alpha", "bravo", "charlie"])) }
    #expect(harness.backend.selectedRows.count == 1)
    #expect(harness.backend.selectedRows.first?.contains("alpha") == true)
    await harness.press(.down)
    #expect(harness.backend.selectedRows.first?.contains("bravo") == true)
    let beforeDetail = harness.backend.lastText
    #expect(!beforeDetail.contains("apikey_1"))
    await harness.press(.enter)
    // The detail of the selected key (bravo) shows its id.
    #expect(harness.backend.lastText.contains("apikey_1"))
    await harness.press(.escape)
    #expect(harness.backend.lastText == beforeDetail)
    harness.program.send([.key(.character("q"))])
    #expect(await harness.run.value == .quit)
  }

  @Test("a burst of keys is drawn once")
  func coalescing() async {
    let harness = await Harness { $0.setAPIKeys(keys(["a", "b", "c", "d"])) }
    let framesBefore = harness.backend.framesDrawn
    await harness.press(.down, .down, .down)
    #expect(harness.backend.framesDrawn == framesBefore + 1)
    #expect(harness.backend.selectedRows.first?.contains("d") == true)
    harness.program.send([.key(.character("q"))])
    _ = await harness.run.value
  }

  @Test("a batch that changes nothing visible draws nothing; a clock tick draws")
  func unchangedFrameNotDrawn() async {
    let harness = await Harness { $0.setAPIKeys(keys(["a", "b"])) }
    let framesBefore = harness.backend.framesDrawn
    await harness.press(.character("§"))  // bound to nothing
    #expect(harness.backend.framesDrawn == framesBefore)
    await harness.advance(by: 1)
    #expect(harness.backend.framesDrawn == framesBefore + 1)
    #expect(harness.backend.lastText.contains(Format.clock(harness.clock.now)))
    harness.program.send([.key(.character("q"))])
    _ = await harness.run.value
  }

  @Test("the refresh happens at the TTL, not before; one timer for the state, one for the clock")
  func refreshAtTTL() async {
    let harness = await Harness()
    let ttl = Harness.configuration.refreshPolicy.ttl(for: .monthCost)
    harness.source.resetCalls()
    let start = harness.clock.now
    let nextSecond = Date(timeIntervalSince1970: (start.timeIntervalSince1970).rounded(.down) + 1)
    #expect(harness.clock.pendingDeadlines == [nextSecond, start.addingTimeInterval(ttl)])
    await harness.advance(by: ttl - 1)
    #expect(!harness.source.calls.contains { Self.isCostReport($0) })
    await harness.advance(by: 1)
    #expect(harness.source.calls.contains { Self.isCostReport($0) })
    // Never more than one timer for the state, however many wake-ups it wants.
    #expect(harness.clock.pendingDeadlines.count == 2)
    harness.program.send([.key(.character("q"))])
    _ = await harness.run.value
  }

  @Test("an idle second redraws the clock in the timer's call, without the loop or the reducer")
  func idleSecondSkipsTheReducer() async {
    let harness = await Harness()
    let state = harness.program.state
    let framesBefore = harness.backend.framesDrawn
    // No `waitUntilIdle`: the frame is drawn by the time the clock's call returns, so the
    // tick went through neither the inbox nor a wake-up of the loop's task.
    harness.clock.advance(by: 1)
    #expect(harness.backend.framesDrawn == framesBefore + 1)
    #expect(harness.backend.lastText.contains(Format.clock(harness.clock.now)))
    // `lastSeen` moves on every action the reducer runs; a clock tick runs none.
    #expect(harness.program.state == state)
    harness.program.send([.key(.character("q"))])
    _ = await harness.run.value
  }

  /// A tick planned to move the clock alone must draw exactly what projecting the state at its
  /// second draws: over four minutes the status line's ages and countdowns move, the key
  /// table's minute turns, refreshes come in and a key is pressed, each frame is checked
  /// against a render from scratch.
  @Test("every tick draws what a full render of the state at its second draws")
  func ticksEqualFullRenders() async {
    let harness = await Harness { $0.setAPIKeys(keys(["a", "b", "c"])) }
    let size = harness.backend.size
    for second in 1...240 {
      await harness.advance(by: 1)
      if second == 95 { await harness.press(.down) }
      let expected = Screen.render(
        DashboardViewModel(state: harness.program.state, now: harness.clock.now), size: size,
        options: .unicode)
      // The text first, for a readable failure; then the styles.
      #expect(harness.backend.screenLines == expected.lines, "second \(second)")
      let same = harness.backend.lastGrid == expected
      #expect(same, "second \(second): the styles differ")
    }
    // Most ticks changed nothing but the clock, and were drawn as such.
    #expect(harness.program.clockOnlyTicks >= 180)
    harness.program.send([.key(.character("q"))])
    _ = await harness.run.value
  }

  /// The host's hook for handing the heap back: told after answers, only when nothing is in
  /// flight any more, and not by a tick.
  @Test("the host is told when the fetches are done, not on a tick")
  func fetchesDoneHook() async {
    final class Calls {
      var count = 0
      var whileFetching = 0
    }
    let calls = Calls()
    var program: Program<GridBackend, FakeDataSource, ManualClock>?
    let harness = await Harness(onFetchesDone: {
      calls.count += 1
      if program?.state.isFetching == true { calls.whileFetching += 1 }
    })
    program = harness.program
    #expect(calls.count >= 1)
    let afterStart = calls.count
    await harness.advance(by: 1)
    #expect(calls.count == afterStart, "a tick fetches nothing")
    await harness.advance(by: Harness.configuration.refreshPolicy.ttl(for: .monthCost))
    #expect(calls.count > afterStart, "a refresh's answers")
    #expect(calls.whileFetching == 0)
    harness.program.send([.key(.character("q"))])
    _ = await harness.run.value
  }

  /// Each answer derives the whole screen again; the answers to one refresh come in apart, so
  /// the loop draws when the last is in, or at the clock's next tick if one keeps it waiting.
  @Test("a refresh's wake-up and answers are drawn once, when the last answer is in")
  func answersOfARefreshDrawTogether() async {
    // A jittered refresh falls between two ticks of the clock: the wake-up comes on its own.
    var configuration = Harness.configuration
    configuration.jitterSeed = 42
    let harness = await Harness(configuration: configuration)
    let refresh = harness.clock.now.addingTimeInterval(
      configuration.refreshPolicy.refreshDelay(for: .monthCost, at: harness.clock.now))
    await harness.advance(by: refresh.timeIntervalSince(harness.clock.now).rounded(.down))
    let framesBefore = harness.backend.framesDrawn
    let figure = await Self.refreshWithHeldCost(harness, at: refresh)
    #expect(harness.program.state[status: .monthCost].isInFlight)
    #expect(harness.backend.framesDrawn == framesBefore, "drawn before the last answer")
    #expect(!harness.backend.lastText.contains(figure))
    harness.source.releaseCostReports()
    await harness.program.waitUntilIdle()
    #expect(harness.backend.framesDrawn == framesBefore + 1)
    #expect(harness.backend.lastText.contains(figure))
    harness.program.send([.key(.character("q"))])
    _ = await harness.run.value
  }

  @Test("an answer that keeps the others waiting holds them only until the clock's next tick")
  func aHeldAnswerHoldsTheFrameOnlyUntilTheTick() async {
    let harness = await Harness()
    let figure = await Self.refreshWithHeldCost(harness)
    let framesWhileWaiting = harness.backend.framesDrawn
    harness.clock.advance(by: 1)
    #expect(await Self.eventually { harness.backend.framesDrawn > framesWhileWaiting })
    #expect(harness.program.state[status: .monthCost].isInFlight)
    #expect(harness.backend.lastText.contains(figure))
    harness.source.releaseCostReports()
    await harness.program.waitUntilIdle()
    harness.program.send([.key(.character("q"))])
    _ = await harness.run.value
  }

  /// Runs the next report refresh with the usage reports answered (a month of 1.23 M tokens,
  /// more than the start-up's empty reports) and the cost reports held; returns once the usage
  /// answers have been taken in (the loop draws, if at all, before it waits again), with the
  /// token figure the screen shows for them.
  private static func refreshWithHeldCost(_ harness: Harness, at refresh: Date? = nil) async
    -> String
  {
    let month = UTCCalendar.monthStart(containing: harness.clock.now)
    harness.source.setUsageRows([
      UsageRow(
        start: month, end: month.addingTimeInterval(86_400),
        tokens: TokenCounts(uncachedInput: 1_234_567))
    ])
    harness.source.holdCostReports()
    harness.source.resetCalls()
    harness.clock.advance(
      to: refresh
        ?? Fixtures.now.addingTimeInterval(
          Harness.configuration.refreshPolicy.ttl(for: .monthCost)))
    let answered = await eventually {
      harness.source.calls.contains(where: isCostReport)
        && !harness.program.state[status: .monthUsage].isInFlight
    }
    #expect(answered, "the refresh never asked for the cost reports, or usage never answered")
    return Format.tokens(1_234_567)
  }

  /// Lets the program loop run until `condition` holds; false if it still does not after many
  /// turns, so that a broken loop fails the test instead of hanging the run.
  private static func eventually(_ condition: () -> Bool) async -> Bool {
    for _ in 0..<100_000 {
      if condition() { return true }
      await Task.yield()
    }
    return condition()
  }

  private static func isCostReport(_ request: DataRequest) -> Bool {
    if case .cost = request { return true }
    return false
  }

  @Test("a failing fetch keeps the last data on screen and shows the error")
  func failureKeepsData() async {
    let harness = await Harness {
      $0.setOrganization(Organization(id: "org_1", name: "Acme Rockets"))
    }
    harness.source.startOutage(
      FetchFailure(kind: .network, message: "Connection refused", remedy: "Check the network"))
    await harness.advance(by: Harness.configuration.refreshPolicy.ttl(for: .organization))
    #expect(harness.backend.lastText.contains("Acme Rockets"))
    #expect(harness.backend.lastText.contains("Connection refused"))
    harness.program.send([.key(.character("q"))])
    _ = await harness.run.value
  }

  @Test("a resize re-lays out at the new size")
  func resize() async {
    let harness = await Harness()
    harness.backend.size = TerminalSize(columns: 80, rows: 24)
    harness.program.send([.resized(TerminalSize(columns: 80, rows: 24))])
    await harness.program.waitUntilIdle()
    #expect(harness.backend.lastGrid?.size == TerminalSize(columns: 80, rows: 24))
    harness.program.send([.key(.character("q"))])
    _ = await harness.run.value
  }

  @Test("termination signals and closed input end the loop with the right status")
  func endings() async {
    let interrupted = await Harness()
    interrupted.program.send([.terminationRequested(signal: 2)])
    #expect(await interrupted.run.value == .signal(2))
    #expect(ProgramExit.signal(2).status == 130)
    #expect(ProgramExit.signal(15).status == 143)
    #expect(ProgramExit.quit.status == 0)

    let hungUp = await Harness()
    hungUp.program.send([.inputClosed])
    #expect(await hungUp.run.value == .inputClosed)
    // Nothing left running: the wake-up timer was cancelled.
    #expect(hungUp.clock.pendingDeadlines.isEmpty)
  }
}
