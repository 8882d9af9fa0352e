import OrgTopCore
import OrgTopTestSupport
import OrgTopUI
import Testing

/// Rendering from the previous frame must give exactly the frame a full render gives, whatever
/// changed between the two view models.
@Suite("Incremental render")
struct IncrementalRenderTests {
  static let sizes = [
    TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 120, rows: 40),
    TerminalSize(columns: 59, rows: 17),
  ]

  /// Pairs (before, after) covering an idle tick and every kind of larger change.
  static func transitions() -> [(String, DashboardViewModel, DashboardViewModel)] {
    let base = GoldenScenario.dashboard.viewModel(size: TerminalSize(columns: 120, rows: 40))
    var ticked = base
    ticked.header.clock = "23:59:58 UTC"
    var statusChanged = ticked
    statusChanged.status = StatusBarViewModel(
      left: [StyledText("updated 3 h 5 min ago, a much longer text than before")],
      cause: [StyledText("rate limited", role: .warning)])
    var shorterClock = base
    shorterClock.header.clock = ""
    var wideHeader = base
    wideHeader.header.organization = "組織名前がとても長い組織の名前"
    var overlay = ticked
    overlay.overlay =
      GoldenScenario.help.viewModel(size: TerminalSize(columns: 120, rows: 40))
      .overlay
    var focus = ticked
    focus.focus = base.focus == .keys ? .usage : .keys
    return [
      ("clock tick", base, ticked),
      ("status bar", ticked, statusChanged),
      ("status bar back", statusChanged, base),
      ("clock hidden", base, shorterClock),
      ("wide header", base, wideHeader),
      ("wide header removed", wideHeader, base),
      ("overlay opened", base, overlay),
      ("overlay closed", overlay, base),
      ("focus", base, focus),
      (
        "loading", base,
        GoldenScenario.loading.viewModel(size: TerminalSize(columns: 120, rows: 40))
      ),
      ("unchanged", base, base),
    ]
  }

  @Test("equals a full render", arguments: IncrementalRenderTests.sizes)
  func equalsFullRender(size: TerminalSize) {
    for options in [RenderOptions.unicode, RenderOptions(glyphs: .ascii)] {
      for (name, before, after) in Self.transitions() {
        let previous = Screen.render(before, size: size, options: options)
        let incremental = Screen.render(
          after, size: size, options: options, after: (before, previous))
        let full = Screen.render(after, size: size, options: options)
        #expect(incremental == full, "\(name) at \(size.columns)x\(size.rows), \(options.glyphs)")
      }
    }
  }

  @Test("lists the rows it redrew, and every row that changed is among them")
  func changedRows() {
    let size = TerminalSize(columns: 120, rows: 40)
    for (name, before, after) in Self.transitions() {
      let previous = Screen.frame(before, size: size, options: .unicode, after: nil)
      #expect(previous.changedRows == nil, "a first frame is all new")
      let frame = Screen.frame(after, size: size, options: .unicode, after: previous)
      let listed = Set((frame.changedRows ?? []).flatMap { $0 })
      for row in 0..<size.rows where !listed.contains(row) {
        #expect(frame.grid.rowEquals(row, in: previous.grid), "\(name): row \(row) not listed")
      }
      switch name {
      case "clock tick":
        // The header's row alone: the backend looks at one row of forty.
        #expect(listed == [0])
      case "unchanged":
        #expect(listed.isEmpty)
      default:
        break
      }
    }
  }

  @Test(
    "moving the clock alone equals a full render with the new clock",
    arguments: [TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 120, rows: 40)])
  func moveClock(size: TerminalSize) {
    let scenarios: [(String, DashboardViewModel)] = [
      ("dashboard", GoldenScenario.dashboard.viewModel(size: size)),
      ("help", GoldenScenario.help.viewModel(size: size)),
      ("loading", GoldenScenario.loading.viewModel(size: size)),
    ]
    for (name, before) in scenarios {
      var frame: DrawnFrame? = Screen.frame(before, size: size, options: .unicode, after: nil)
      var after = before
      after.header.clock = "23:59:58 UTC"
      #expect(Screen.moveClock(&frame!, to: after.header.clock), "\(name)")
      #expect(frame?.grid == Screen.render(after, size: size, options: .unicode), "\(name)")
      // The header's row alone is listed.
      #expect(frame?.changedRows == [0..<1], "\(name)")
    }
  }

  @Test("moving the clock is refused when the clock's width changes or there is no clock")
  func moveClockRefused() {
    let size = TerminalSize(columns: 120, rows: 40)
    let before = GoldenScenario.dashboard.viewModel(size: size)
    let drawn = Screen.frame(before, size: size, options: .unicode, after: nil)
    var frame = drawn
    #expect(!Screen.moveClock(&frame, to: "23:59:58.5 UTC"))
    #expect(frame.grid == drawn.grid && frame.regions == drawn.regions)
    var tooSmall = Screen.frame(
      before, size: TerminalSize(columns: 20, rows: 5), options: .unicode, after: nil)
    #expect(!Screen.moveClock(&tooSmall, to: "23:59:58 UTC"))
  }

  @Test("a frame of another size is not reused")
  func otherSize() {
    let before = GoldenScenario.dashboard.viewModel(size: TerminalSize(columns: 80, rows: 24))
    var after = before
    after.header.clock = "00:00:01 UTC"
    let small = TerminalSize(columns: 80, rows: 24)
    let large = TerminalSize(columns: 120, rows: 40)
    let previous = Screen.render(before, size: small, options: .unicode)
    let frame = Screen.render(after, size: large, options: .unicode, after: (before, previous))
    #expect(frame == Screen.render(after, size: large, options: .unicode))
    #expect(frame.size == large)
  }
}
