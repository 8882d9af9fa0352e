import Foundation
import OrgTopCore
import OrgTopTestSupport
import OrgTopUI
import Testing

/// The incremental render against a full render over random runs of the real program: seeded
/// sequences of clock ticks, key presses, resizes and fetch answers (successes, network
/// failures, refusals) go through the reducer, and after every step the frame drawn from the
/// previous one must equal the frame drawn from scratch. Each run must also have gone through
/// every view, overlay and region kind it is meant to cover, and a renderer made blind to any
/// one region kind must be caught (`IncrementalRenderMutationTests`).
@Suite("Incremental render: random runs")
struct IncrementalRenderPropertyTests {
  static let keys: [KeyPress] = [
    .down, .up, .pageDown, .pageUp, .home, .end, .tab, .backTab, .enter, .escape,
    .character("?"), .character("s"), .character("S"), .character("/"), .character("a"),
    .character("r"), .backspace, .enter, .character("f"), .character("j"), .character("x"),
    // The views: the tab line, the members, workspaces and rate-limits views.
    .character("1"), .character("2"), .character("2"), .character("3"), .character("4"),
    // The overlays: the profile picker and the key actions' confirmations.
    .character("P"), .character("n"), .character("d"), .character("A"), .character("y"),
    // Enter opens the key detail from the key list (and drills down from the other lists).
    .character("1"), .enter, .enter, .character("d"),
  ]

  /// The sizes a run resizes to: the three golden sizes, both sides of the wide threshold,
  /// the minimum and below it.
  static let sizes = [
    TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 120, rows: 40),
    TerminalSize(columns: 200, rows: 60), TerminalSize(columns: 109, rows: 30),
    TerminalSize(columns: 110, rows: 30), Screen.minimumSize, TerminalSize(columns: 50, rows: 12),
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
    Run(seed: 18, size: TerminalSize(columns: 200, rows: 60), resizes: true),
    Run(seed: 28, size: TerminalSize(columns: 80, rows: 24), resizes: true),
    Run(seed: 9, size: TerminalSize(columns: 120, rows: 40), kiosk: true, resizes: true),
  ]

  /// One random run: its seed and terminal size.
  struct Run: Sendable, CustomTestStringConvertible {
    var seed: UInt64
    var size: TerminalSize
    /// Kiosk mode with a 5 s rotation: the steps' ticks turn its pages.
    var kiosk = false
    /// Whether some steps resize the terminal (to one of ``sizes``).
    var resizes = false
    var testDescription: String {
      "seed \(seed) at \(size.columns)x\(size.rows)" + (kiosk ? " (kiosk)" : "")
        + (resizes ? " with resizes" : "")
    }
  }

  /// An incremental renderer under test: the view model, the size, the options and the
  /// previous frame, as `Screen.render(_:size:options:after:)` takes them.
  typealias Renderer = (
    DashboardViewModel, TerminalSize, RenderOptions, (model: DashboardViewModel, frame: Grid)?
  ) -> Grid

  /// What a run went through, and at which step the renderer first drew stale cells.
  struct Outcome {
    var firstMismatch: Int?
    var mismatches = 0
    /// The region kinds drawn (see ``kind(of:)``) and the overlays opened.
    var kinds: Set<String> = []
    var loaded = false
  }

  /// The region's kind: a name per case of `ScreenRegion.Content`, and per overlay. A new case
  /// does not compile here until it is named, so it joins the coverage and mutation checks.
  static func kind(of region: ScreenRegion) -> String {
    switch region.content {
    case .header: "header"
    case .clock: "clock"
    case .tabs: "tabs"
    case .overview: "overview"
    case .usage: "usage"
    case .list(_, let focused): focused ? "list" : "list (unfocused)"
    case .footer: "footer"
    case .overlay(.keyDetail): "overlay: key detail"
    case .overlay(.help): "overlay: help"
    case .overlay(.profiles): "overlay: profiles"
    case .overlay(.keyAction): "overlay: key action"
    case .overlay(.rateLimitDetail): "overlay: rate-limit detail"
    case .kioskFigures: "kiosk figures"
    case .kioskAlarm: "kiosk alarm"
    case .tooSmall: "too small"
    }
  }

  /// Runs `run` through the reducer and compares `renderer`'s frame with a full render after
  /// every step; stops after a few mismatches (or the first, when `stopAtFirst`).
  static func perform(_ run: Run, renderer: Renderer, stopAtFirst: Bool = false) -> Outcome {
    var random = SplitMix(state: run.seed)
    var configuration = Fixtures.configuration
    if run.kiosk { configuration.kiosk = KioskSettings(rotation: 5) }
    configuration.profiles = [
      ProfileSummary(name: "production"), ProfileSummary(name: "demo", organization: "Acme"),
    ]
    configuration.activeProfile = "demo"
    var size = run.size
    var harness = ReducerHarness(configuration: configuration)
    harness.send(.layoutChanged(size: size, pageSizes: Screen.pageSizes(for: size)))
    var pending = harness.start()
    var previous: (model: DashboardViewModel, frame: Grid)?
    var outcome = Outcome()
    for step in 0..<600 {
      if step == 300, !run.kiosk {
        // Halfway, the key detail on purpose: random keys reach it only with the key list
        // focused (Tab moves the focus away) and a key selected.
        pending += harness.press(.escape) + harness.press(.escape) + harness.press(.character("1"))
        for _ in 0..<3 where harness.state.focus != .keys { pending += harness.press(.tab) }
        pending += harness.press(.down) + harness.press(.enter)
      }
      if step == 450, !run.kiosk {
        // And a rate limit's detail, which random keys reach only on that view.
        pending += harness.press(.escape) + harness.press(.escape) + harness.press(.character("4"))
        pending += harness.press(.down) + harness.press(.enter)
      }
      switch Int.random(in: 0..<20, using: &random) {
      case 0..<8:
        pending += harness.advance(by: Double(Int.random(in: 1...20, using: &random)))
      case 8..<14:
        pending += harness.press(keys.randomElement(using: &random) ?? .down)
      case 14 where run.resizes:
        size = sizes.randomElement(using: &random) ?? size
        harness.send(
          .layoutChanged(size: size, pageSizes: Screen.pageSizes(for: size, state: harness.state))
        )
      default:
        let answer = Int.random(in: 0..<6, using: &random)
        pending = harness.complete(pending) { _, request in
          switch answer {
          case 0: .failure(refused)
          case 1: .failure(rejected)
          default: .success(Fixtures.response(to: request))
          }
        }
      }
      let model = DashboardViewModel(state: harness.state, now: harness.now)
      for region in Screen.regions(of: model, size: size) { outcome.kinds.insert(kind(of: region)) }
      let full = Screen.render(model, size: size, options: .unicode)
      let incremental = renderer(model, size, .unicode, previous)
      if incremental != full {
        outcome.mismatches += 1
        if outcome.firstMismatch == nil { outcome.firstMismatch = step }
        if stopAtFirst || outcome.mismatches > 3 { return outcome }
      }
      previous = (model, incremental)
    }
    outcome.loaded = harness.state.apiKeys.value != nil
    return outcome
  }

  /// The region kinds an interactive run must draw: every view and every overlay.
  static let interactiveKinds: Set<String> = [
    "header", "clock", "tabs", "overview", "usage", "list", "list (unfocused)", "footer",
    "overlay: key detail", "overlay: help", "overlay: profiles", "overlay: key action",
    "overlay: rate-limit detail",
  ]
  /// The region kinds a kiosk run must draw: both pages and the alarm.
  static let kioskKinds: Set<String> = [
    "header", "clock", "overview", "usage", "list", "footer", "kiosk figures", "kiosk alarm",
  ]

  @Test("equals a full render after every step", arguments: IncrementalRenderPropertyTests.runs)
  func randomRun(_ run: Run) {
    let outcome = Self.perform(run) { Screen.render($0, size: $1, options: $2, after: $3) }
    if let step = outcome.firstMismatch {
      Issue.record("step \(step) drew stale cells (\(outcome.mismatches) steps in all)")
    }
    // The run went through the states it is meant to: loaded, every view and overlay.
    #expect(outcome.loaded)
    var expected = run.kiosk ? Self.kioskKinds : Self.interactiveKinds
    if run.resizes {
      // Resizing runs must go below the minimum size and through the views; the overlays are
      // the other runs' to cover.
      expected = expected.filter { !$0.hasPrefix("overlay") }.union(["too small"])
    }
    let missed = expected.subtracting(outcome.kinds)
    #expect(missed.isEmpty, "not covered: \(missed.sorted())")
  }

  @Test(
    "every row that changed is listed as redrawn", arguments: IncrementalRenderPropertyTests.runs)
  func changedRowsAreListed(_ run: Run) {
    var unlisted: [String] = []
    var listed = 0
    var step = 0
    _ = Self.perform(run) { model, size, options, previous in
      step += 1
      let drawn = previous.map {
        DrawnFrame(regions: Screen.regions(of: $0.model, size: $0.frame.size), grid: $0.frame)
      }
      let frame = Screen.frame(model, size: size, options: options, after: drawn)
      guard let rows = frame.changedRows, let previous else { return frame.grid }
      let rowSet = Set(rows.flatMap { $0 })
      listed += rowSet.count
      for row in 0..<size.rows
      where !rowSet.contains(row) && !frame.grid.rowEquals(row, in: previous.frame) {
        unlisted.append("step \(step) row \(row)")
      }
      return frame.grid
    }
    #expect(unlisted.isEmpty, "\(unlisted.prefix(5))")
    #expect(listed > 0)
  }
}
