import Foundation
import OrgTopCore
import OrgTopTestSupport
import OrgTopUI
import Testing

/// A backend that keeps every frame it is given, for assertions.
@MainActor
private final class RecordingBackend: TerminalBackend {
  var size: TerminalSize
  private(set) var frames: [Grid] = []

  init(size: TerminalSize) { self.size = size }

  func draw(_ grid: Grid) { frames.append(grid) }

  var lastText: String {
    guard let grid = frames.last else { return "" }
    return (0..<grid.size.rows).map { grid.text(row: $0) }.joined(separator: "\n")
  }

  /// The text of the rows drawn in reverse video (the selection), below the header (whose
  /// badges are reversed too).
  var reversedRows: [String] {
    guard let grid = frames.last, grid.size.rows > 1 else { return [] }
    return (1..<grid.size.rows).filter { row in
      (0..<grid.size.columns).contains { grid[row, $0].style.reverse }
    }.map { grid.text(row: $0) }
  }
}

/// The real program loop, headless: scripted keys, a manual clock, a fake data source.
@MainActor
private struct Harness {
  let backend = RecordingBackend(size: TerminalSize(columns: 120, rows: 40))
  let clock = ManualClock()
  let source = FakeDataSource()
  let program: Program<RecordingBackend, FakeDataSource, ManualClock>
  let run: Task<ProgramExit, Never>

  init(configure: (FakeDataSource) -> Void = { _ in }) async {
    configure(source)
    program = Program(
      backend: backend, source: source, clock: clock,
      state: DashboardState(
        configuration: DashboardConfiguration(mode: .demo, sourceLabel: "test")),
      options: RenderOptions(glyphs: .unicode))
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
    // What is due at the refresh interval is the usage reports (the organization has a longer
    // TTL); any fetch proves the refresh happened.
    #expect(!harness.source.calls.isEmpty)
    #expect(harness.source.calls.contains(.apiKeys))
    #expect(harness.backend.lastText.contains("Acme Rockets"))
    #expect(harness.backend.lastText.contains("alpha"))
    harness.program.send([.key(.character("q"))])
    #expect(await harness.run.value == .quit)
  }

  @Test("Down moves the selection; Enter opens the detail; Esc closes it")
  func navigation() async {
    let harness = await Harness { $0.setAPIKeys(keys(["alpha", "bravo", "charlie"])) }
    #expect(harness.backend.reversedRows.count == 1)
    #expect(harness.backend.reversedRows.first?.contains("alpha") == true)
    await harness.press(.down)
    #expect(harness.backend.reversedRows.first?.contains("bravo") == true)
    let beforeDetail = harness.backend.lastText
    await harness.press(.enter)
    #expect(harness.backend.lastText != beforeDetail)
    await harness.press(.escape)
    #expect(harness.backend.lastText == beforeDetail)
    harness.program.send([.key(.character("q"))])
    #expect(await harness.run.value == .quit)
  }

  @Test("a burst of keys is drawn once")
  func coalescing() async {
    let harness = await Harness { $0.setAPIKeys(keys(["a", "b", "c", "d"])) }
    let framesBefore = harness.backend.frames.count
    await harness.press(.down, .down, .down)
    #expect(harness.backend.frames.count == framesBefore + 1)
    #expect(harness.backend.reversedRows.first?.contains("d") == true)
    harness.program.send([.key(.character("q"))])
    _ = await harness.run.value
  }

  @Test("the refresh happens at the TTL, not before, with one timer pending")
  func refreshAtTTL() async {
    let harness = await Harness()
    let interval = DashboardConfiguration(mode: .demo, sourceLabel: "test").refreshInterval
    harness.source.resetCalls()
    #expect(harness.clock.pendingDeadlines.count == 1)
    await harness.advance(by: interval - 1)
    #expect(harness.source.calls.isEmpty)
    await harness.advance(by: 1)
    // What is due at the refresh interval is the usage reports (the organization has a longer
    // TTL); any fetch proves the refresh happened.
    #expect(!harness.source.calls.isEmpty)
    #expect(harness.clock.pendingDeadlines.count == 1)
    harness.program.send([.key(.character("q"))])
    _ = await harness.run.value
  }

  @Test("a failing fetch keeps the last data on screen and shows the error")
  func failureKeepsData() async {
    let harness = await Harness {
      $0.setOrganization(Organization(id: "org_1", name: "Acme Rockets"))
    }
    harness.source.startOutage(
      FetchFailure(kind: .network, message: "Connection refused", remedy: "Check the network"))
    await harness.advance(
      by: DashboardConfiguration(mode: .demo, sourceLabel: "test").refreshInterval)
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
    #expect(harness.backend.frames.last?.size == TerminalSize(columns: 80, rows: 24))
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
