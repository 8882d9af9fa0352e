import OrgTopCore
import OrgTopTestSupport
import OrgTopUI
import Testing

/// The property test can fail: for each region kind, an incremental renderer whose change
/// detection is blind to that kind (it keeps the old cells when only such a region changed,
/// as a hand-written list of fields that forgot a pane would) must be caught by a random run
/// drawing stale cells.
@Suite("Incremental render: a stale renderer is caught")
struct IncrementalRenderMutationTests {
  typealias Property = IncrementalRenderPropertyTests

  /// The incremental render with change detection blind to `kind`: an old region of that kind
  /// counts as the new region at its place, and one with no region at its place any more is
  /// forgotten (its cells are not cleared), as a hand-written comparison that left a pane off
  /// its list would do.
  static func blind(to kind: String) -> Property.Renderer {
    { model, size, options, previous in
      guard let previous, previous.frame.size == size else {
        return Screen.render(model, size: size, options: options)
      }
      let current = Screen.regions(of: model, size: size)
      var old: [ScreenRegion] = []
      for (index, region) in Screen.regions(of: previous.model, size: size).enumerated() {
        if Property.kind(of: region) != kind {
          old.append(region)
        } else if index < current.count {
          old.append(current[index])
        }
      }
      let redrawn = Screen.changedRegions(current, from: old)
      var grid = previous.frame
      for rect in redrawn.cleared { grid.clear(rect) }
      let layout = DashboardLayout(size: size, tabs: model.tabs != nil)
      for index in current.indices where redrawn.draws(index) {
        Screen.draw(current[index], layout: layout, in: &grid)
      }
      return grid
    }
  }

  /// Every region kind but "too small" (drawn alone, and only after a resize, which redraws
  /// everything).
  static let kinds = Property.interactiveKinds.union(Property.kioskKinds).sorted()

  @Test("a renderer blind to one region kind draws stale cells", arguments: kinds)
  func blindRendererIsCaught(kind: String) {
    let caught = Property.runs.contains {
      Property.perform($0, renderer: Self.blind(to: kind), stopAtFirst: true).firstMismatch != nil
    }
    #expect(caught, "a renderer blind to \(kind) went unnoticed by every run")
  }
}

/// A region writes no cell outside its rectangle, the premise of the incremental render: each
/// region of every view and overlay, drawn alone on a blank frame, leaves every other cell blank.
@Suite("Screen regions")
struct ScreenRegionTests {
  @Test(
    "each region draws inside its rectangle",
    arguments: [TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 200, rows: 60)])
  func regionsStayInside(size: TerminalSize) {
    var configuration = Fixtures.configuration
    configuration.profiles = [ProfileSummary(name: "production"), ProfileSummary(name: "demo")]
    let screens: [[KeyPress]] = [
      [], [.character("?")], [.enter], [.character("d")], [.character("P")], [.character("2")],
      [.character("3")], [.character("4")],
    ]
    for keys in screens {
      var harness = ReducerHarness(configuration: configuration)
      harness.send(.layoutChanged(size: size, pageSizes: Screen.pageSizes(for: size)))
      harness.complete(harness.start())
      for key in keys { harness.press(key) }
      let model = DashboardViewModel(state: harness.state, now: harness.now)
      let blank = Grid(size: size, glyphs: .unicode)
      let layout = DashboardLayout(size: size)
      for region in Screen.regions(of: model, size: size) {
        var grid = blank
        Screen.draw(region, layout: layout, in: &grid)
        let outside = (0..<size.rows).flatMap { row in
          (0..<size.columns).filter { column in
            !region.rect.intersection(Rect(x: column, y: row, width: 1, height: 1)).isEmpty
              ? false : grid[row, column] != blank[row, column]
          }.map { (row, $0) }
        }
        #expect(
          outside.isEmpty,
          "\(IncrementalRenderPropertyTests.kind(of: region)) after \(keys) wrote outside its rect at \(outside.prefix(3))"
        )
      }
    }
  }
}
