import Foundation
import OrgTopCore
import OrgTopTestSupport
import OrgTopUI
import Testing

/// Every screen rendered to golden files (characters plus a style map), each from a state the
/// reducer produced from the fixture (`GoldenScenario`). See `GoldenFile` for how to re-record.
@Suite("Golden screens")
struct GoldenTests {
  static let sizes = [
    TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 120, rows: 40),
    TerminalSize(columns: 200, rows: 60),
  ]

  static let cases: [(GoldenScenario, TerminalSize)] = GoldenScenario.all.flatMap { scenario in
    sizes.map { (scenario, $0) }
  }

  private func name(_ base: String, _ size: TerminalSize) -> String {
    "\(base)-\(size.columns)x\(size.rows)"
  }

  @Test("every scenario at 80x24, 120x40 and 200x60", arguments: GoldenTests.cases)
  func screen(_ scenario: GoldenScenario, _ size: TerminalSize) {
    GoldenFile.verify(scenario.render(size: size), named: name(scenario.name, size))
  }

  @Test(
    "terminal too small",
    arguments: [
      TerminalSize(columns: 59, rows: 17), TerminalSize(columns: 40, rows: 10),
      TerminalSize(columns: 20, rows: 5),
    ])
  func tooSmall(size: TerminalSize) {
    GoldenFile.verify(GoldenScenario.dashboard.render(size: size), named: name("too-small", size))
  }

  @Test(
    "the largest and the smallest layouts",
    arguments: [
      TerminalSize(columns: 300, rows: 80), Screen.minimumSize,
    ])
  func extremes(size: TerminalSize) {
    GoldenFile.verify(GoldenScenario.dashboard.render(size: size), named: name("dashboard", size))
  }

  @Test("stale at the minimum size") func staleMinimum() {
    let size = Screen.minimumSize
    GoldenFile.verify(GoldenScenario.stale.render(size: size), named: name("stale", size))
  }

  @Test("a filter that matches nothing") func emptyFilter() {
    let size = TerminalSize(columns: 80, rows: 24)
    GoldenFile.verify(
      GoldenScenario.emptyFilter.render(size: size), named: name("empty-filter", size))
  }

  @Test("scrolled to the last key") func scrolled() {
    let size = TerminalSize(columns: 80, rows: 24)
    GoldenFile.verify(GoldenScenario.scrolled.render(size: size), named: name("scrolled", size))
  }

  @Test("ASCII fallback", arguments: [GoldenTests.sizes[0], GoldenTests.sizes[1]])
  func ascii(size: TerminalSize) {
    GoldenFile.verify(
      GoldenScenario.hostile.render(size: size, options: .ascii), named: name("ascii", size))
  }

  @Test("ASCII fallback, key detail and stale") func asciiDetail() {
    let size = TerminalSize(columns: 80, rows: 24)
    GoldenFile.verify(
      GoldenScenario.staleDetail.render(size: size, options: .ascii),
      named: name("ascii-detail", size))
  }

  /// Every golden file belongs to a test: its base name (less the size and extension) is a
  /// string in this target's sources, so a golden left behind by a removed test fails here.
  @Test("no orphan golden files") func noOrphans() throws {
    let sources = try FileManager.default.contentsOfDirectory(
      at: GoldenFile.directory.deletingLastPathComponent(), includingPropertiesForKeys: nil
    )
    .filter { $0.pathExtension == "swift" }
    .map { try String(contentsOf: $0, encoding: .utf8) }
    .joined()
    let files = try FileManager.default.contentsOfDirectory(atPath: GoldenFile.directory.path)
    for file in files where file.hasSuffix(".txt") {
      var base = String(file.dropLast(".txt".count))
      if base.hasSuffix(".style") { base = String(base.dropLast(".style".count)) }
      let stem = base.replacing(#/-\d+x\d+$/#, with: "")
      // Named whole, by its stem, or by a prefix followed by an interpolation ("once-\(").
      let prefixes = base.indices.filter { base[$0] == "-" }.map { base[...$0] }
      let named =
        sources.contains("\"\(base)\"") || sources.contains("\"\(stem)\"")
        || prefixes.contains { sources.contains("\"\($0)\\(") }
      #expect(named, "golden \(file) is used by no test: delete it")
    }
  }
}
