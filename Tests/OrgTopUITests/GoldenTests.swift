import OrgTopCore
import OrgTopTestSupport
import OrgTopUI
import Testing

/// Every screen rendered to golden files (characters plus a style map). See `GoldenFile` for how
/// to re-record.
@Suite("Golden screens")
struct GoldenTests {
  static let sizes = [
    TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 120, rows: 40),
    TerminalSize(columns: 200, rows: 60),
  ]

  private func render(
    _ model: DashboardViewModel, _ size: TerminalSize, _ options: RenderOptions = .unicode
  ) -> Grid {
    Screen.render(model, size: size, options: options)
  }

  private func name(_ base: String, _ size: TerminalSize) -> String {
    "\(base)-\(size.columns)x\(size.rows)"
  }

  @Test("dashboard", arguments: GoldenTests.sizes)
  func dashboard(size: TerminalSize) {
    GoldenFile.verify(render(SampleDashboard.dashboard(), size), named: name("dashboard", size))
  }

  @Test("key detail overlay", arguments: GoldenTests.sizes)
  func keyDetail(size: TerminalSize) {
    var model = SampleDashboard.dashboard()
    model.overlay = .keyDetail(SampleDashboard.keyDetail())
    model.hints = [KeyHint(keys: "Esc", action: "back"), KeyHint(keys: "q", action: "quit")]
    GoldenFile.verify(render(model, size), named: name("key-detail", size))
  }

  @Test("help overlay", arguments: GoldenTests.sizes)
  func help(size: TerminalSize) {
    var model = SampleDashboard.dashboard()
    model.overlay = .help(SampleDashboard.help())
    GoldenFile.verify(render(model, size), named: name("help", size))
  }

  @Test(
    "terminal too small",
    arguments: [
      TerminalSize(columns: 59, rows: 17), TerminalSize(columns: 40, rows: 10),
      TerminalSize(columns: 20, rows: 5),
    ])
  func tooSmall(size: TerminalSize) {
    GoldenFile.verify(render(SampleDashboard.dashboard(), size), named: name("too-small", size))
  }

  @Test("the largest layout") func largest() {
    let size = TerminalSize(columns: 300, rows: 80)
    GoldenFile.verify(render(SampleDashboard.dashboard(), size), named: name("dashboard", size))
  }

  @Test("minimum size") func minimum() {
    GoldenFile.verify(
      render(SampleDashboard.dashboard(), Screen.minimumSize),
      named: name("dashboard", Screen.minimumSize))
  }

  @Test("loading") func loading() {
    let size = TerminalSize(columns: 80, rows: 24)
    GoldenFile.verify(render(Scenarios.loading(), size), named: name("loading", size))
  }

  @Test("failed") func failed() {
    let size = TerminalSize(columns: 80, rows: 24)
    GoldenFile.verify(render(Scenarios.failed(), size), named: name("failed", size))
  }

  @Test(
    "stale and over the limit",
    arguments: [Screen.minimumSize, GoldenTests.sizes[0], GoldenTests.sizes[1]])
  func stale(size: TerminalSize) {
    GoldenFile.verify(render(Scenarios.stale(), size), named: name("stale", size))
  }

  @Test("empty filter result") func emptyFilter() {
    let size = TerminalSize(columns: 80, rows: 24)
    GoldenFile.verify(render(Scenarios.emptyFilter(), size), named: name("empty", size))
  }

  @Test("scrolled to a selection far down") func scrolled() {
    let size = TerminalSize(columns: 80, rows: 24)
    let model = SampleDashboard.dashboard(selectedIndex: 30, scrollOffset: 24)
    GoldenFile.verify(render(model, size), named: name("scrolled", size))
  }

  @Test("hostile and wide text", arguments: [GoldenTests.sizes[0], GoldenTests.sizes[1]])
  func hostile(size: TerminalSize) {
    GoldenFile.verify(render(Scenarios.hostile(), size), named: name("hostile", size))
  }

  @Test("ASCII fallback", arguments: [GoldenTests.sizes[0], GoldenTests.sizes[1]])
  func ascii(size: TerminalSize) {
    GoldenFile.verify(render(Scenarios.hostile(), size, .ascii), named: name("ascii", size))
  }

  @Test("ASCII fallback, key detail and stale") func asciiDetail() {
    let size = TerminalSize(columns: 80, rows: 24)
    var model = Scenarios.stale()
    model.overlay = .keyDetail(SampleDashboard.keyDetail())
    GoldenFile.verify(render(model, size, .ascii), named: name("ascii-detail", size))
  }
}
