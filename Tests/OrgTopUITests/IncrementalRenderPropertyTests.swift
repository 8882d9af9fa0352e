import Foundation
import OrgTopCore
import OrgTopTestSupport
import OrgTopUI
import Testing

/// The incremental render against a full render over random runs of the real program: seeded
/// sequences of clock ticks, key presses and fetch answers (successes, network failures,
/// refusals) go through the reducer, and after every step the frame drawn from the previous
/// one must equal the frame drawn from scratch. A pane left out of the incremental path's
/// change detection would draw stale here without any hand-written transition naming it.
@Suite("Incremental render: random runs")
struct IncrementalRenderPropertyTests {
  /// A small deterministic generator (splitmix64): the same seed, the same run.
  struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var mixed = state
      mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
      mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
      return mixed ^ (mixed >> 31)
    }
  }

  static let keys: [KeyPress] = [
    .down, .up, .pageDown, .pageUp, .home, .end, .tab, .backTab, .enter, .escape,
    .character("?"), .character("s"), .character("S"), .character("/"), .character("a"),
    .character("r"), .backspace, .enter,
    // The views: the tab line, the members, workspaces and rate-limits views must never draw stale either.
    .character("1"), .character("2"), .character("2"), .character("3"),
    .character("4"),
  ]

  static let refused = FetchFailure(
    kind: .network, message: "Cannot reach api.anthropic.com: connection refused",
    remedy: "Check the base URL")
  static let rejected = FetchFailure(
    kind: .unauthorized, status: 401, message: "Admin key rejected", remedy: "Check the key")

  static let runs: [Run] = [
    Run(seed: 1, size: TerminalSize(columns: 80, rows: 24)),
    Run(seed: 2, size: TerminalSize(columns: 120, rows: 40)),
    Run(seed: 3, size: TerminalSize(columns: 200, rows: 60)),
    Run(seed: 4, size: TerminalSize(columns: 61, rows: 18)),
    Run(seed: 5, size: TerminalSize(columns: 120, rows: 40), kiosk: true),
    Run(seed: 6, size: TerminalSize(columns: 80, rows: 24), kiosk: true),
  ]

  /// One random run: its seed and terminal size.
  struct Run: Sendable, CustomTestStringConvertible {
    var seed: UInt64
    var size: TerminalSize
    /// Kiosk mode with a 5 s rotation: the steps' ticks turn its pages.
    var kiosk = false
    var testDescription: String {
      "seed \(seed) at \(size.columns)x\(size.rows)" + (kiosk ? " (kiosk)" : "")
    }
  }

  @Test("equals a full render after every step", arguments: IncrementalRenderPropertyTests.runs)
  func randomRun(_ run: Run) {
    let (seed, size) = (run.seed, run.size)
    var random = SplitMix(state: seed)
    var configuration = Fixtures.configuration
    if run.kiosk { configuration.kiosk = KioskSettings(rotation: 5) }
    var harness = ReducerHarness(configuration: configuration)
    harness.send(.layoutChanged(size: size, pageSizes: Screen.pageSizes(for: size)))
    var pending = harness.start()
    var previous: (model: DashboardViewModel, frame: Grid)?
    var mismatches = 0
    for step in 0..<400 {
      switch Int.random(in: 0..<10, using: &random) {
      case 0..<4:
        pending += harness.advance(by: Double(Int.random(in: 1...20, using: &random)))
      case 4..<7:
        harness.press(Self.keys.randomElement(using: &random) ?? .down)
      default:
        let answer = Int.random(in: 0..<6, using: &random)
        pending = harness.complete(pending) { _, request in
          switch answer {
          case 0: .failure(Self.refused)
          case 1: .failure(Self.rejected)
          default: .success(Fixtures.response(to: request))
          }
        }
      }
      let model = DashboardViewModel(state: harness.state, now: harness.now)
      let full = Screen.render(model, size: size, options: .unicode)
      let incremental = Screen.render(model, size: size, options: .unicode, after: previous)
      if incremental != full {
        mismatches += 1
        Issue.record("step \(step) (seed \(seed), \(size.columns)x\(size.rows)) drew stale cells")
      }
      previous = (model, incremental)
      if mismatches > 3 { return }
    }
    // The run went through the states it is meant to: loaded, failing, and back.
    #expect(harness.state.apiKeys.value != nil)
  }
}
