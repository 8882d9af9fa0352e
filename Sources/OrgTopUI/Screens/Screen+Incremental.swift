import OrgTopCore

extension Screen {
  /// Draws the frame for `viewModel` starting from the frame of the previous view model: only
  /// the regions (``regions(of:size:)``) that differ from the previous frame's are cleared and
  /// redrawn, the rest of the previous frame is kept. On an idle tick that is the header (the
  /// clock) and now and then the footer ("updated … ago").
  ///
  /// Always equal to `render(viewModel, size:options:)`, by construction: a region draws only
  /// inside its rectangle and only from its own value, so an unchanged region that overlaps no
  /// redrawn one has the same cells in both frames; a region that overlaps a changed one (an
  /// overlay over the panes, the kiosk alarm) is redrawn with it, in drawing order, and a
  /// cleared rectangle is exactly the blank a fresh frame starts with.
  package static func render(
    _ viewModel: DashboardViewModel, size: TerminalSize, options: RenderOptions,
    after previous: (model: DashboardViewModel, frame: Grid)?
  ) -> Grid {
    // The previous frame's regions are listed again from its view model.
    let drawn = previous.map {
      DrawnFrame(regions: regions(of: $0.model, size: $0.frame.size), grid: $0.frame)
    }
    return frame(viewModel, size: size, options: options, after: drawn).grid
  }

  /// The incremental render from a previous frame that kept its regions (the program's way:
  /// the previous frame's regions are not listed again).
  package static func frame(
    _ viewModel: DashboardViewModel, size: TerminalSize, options: RenderOptions,
    after previous: DrawnFrame?
  ) -> DrawnFrame {
    var frame = previous
    update(&frame, to: viewModel, size: size, options: options)
    return frame ?? DrawnFrame(regions: [], grid: Grid(size: size, glyphs: options.glyphs))
  }

  /// The incremental render in place: `frame` (the previous one, or `nil`) becomes the frame
  /// of `viewModel`, its ``DrawnFrame/changedRows`` saying which rows it redrew. Its grid is
  /// changed where it lies, not copied, when nothing else holds it: an idle second changes a
  /// row or two of a frame of thousands of cells, and copying the frame each second was most
  /// of the tick's work (callgrind, scripts/measure-tick.sh).
  package static func update(
    _ frame: inout DrawnFrame?, to viewModel: DashboardViewModel, size: TerminalSize,
    options: RenderOptions
  ) {
    let layout = DashboardLayout(size: size, tabs: viewModel.tabs != nil)
    let current = regions(of: viewModel, size: size, layout: layout)
    guard var drawn = frame.take(), drawn.grid.size == size, drawn.grid.glyphs == options.glyphs
    else {
      var grid = Grid(size: size, glyphs: options.glyphs)
      for region in current { draw(region, layout: layout, in: &grid) }
      frame = DrawnFrame(regions: current, grid: grid)
      return
    }
    let redrawn = changedRegions(current, from: drawn.regions)
    for rect in redrawn.cleared { drawn.grid.clear(rect) }
    for index in current.indices where redrawn.draws(index) {
      draw(current[index], layout: layout, in: &drawn.grid)
    }
    drawn.regions = current
    // Every redrawn region's rectangle is among the cleared ones, and a region draws only
    // inside its rectangle: no other row changed.
    drawn.changedRows = redrawn.cleared.map { $0.y..<max($0.y, $0.maxY) }
    frame = drawn
  }

  /// The incremental render of a tick that moves the clock alone (``Program`` plans such
  /// ticks): the clock's region redrawn with `clock`, nothing else compared or drawn. Equal to
  /// ``update(_:to:size:options:)`` with the view model's clock replaced, for the same reason
  /// as it is: the clock's region is the only one that changes and no other region overlaps
  /// its rectangle. Returns `false`, `frame` untouched, when that does not hold: no clock
  /// region, a clock of another width (the header's region beside it would move), or a region
  /// over the clock's cells.
  package static func moveClock(_ frame: inout DrawnFrame, to clock: String) -> Bool {
    guard
      let index = frame.regions.firstIndex(where: {
        if case .clock = $0.content { true } else { false }
      }),
      case .clock(let old) = frame.regions[index].content,
      TextSanitizer.width(of: old) == TextSanitizer.width(of: clock)
    else { return false }
    let rect = frame.regions[index].rect
    let overlapped = frame.regions.indices.contains {
      $0 != index && !frame.regions[$0].rect.intersection(rect).isEmpty
    }
    guard !overlapped else { return false }
    frame.grid.clear(rect)
    drawClock(clock, rect: rect, in: &frame.grid)
    frame.regions[index].content = .clock(clock)
    frame.changedRows = [rect.y..<max(rect.y, rect.maxY)]
    return true
  }

  /// Draws the clock in its region. The plain style: it changes every second, and a styled
  /// cell costs its colour and attribute sequences plus the reset curses sends after every
  /// update (about 30 bytes a tick instead of 2 to 10), the bulk of an idle screen's bytes.
  static func drawClock(_ clock: String, rect: Rect, in grid: inout Grid) {
    guard !rect.isEmpty else { return }
    grid.write(clock, row: rect.y, column: rect.x, width: rect.width - 1, style: .normal)
  }

  /// Which of `regions` to redraw after `old`, and which rectangles to clear first.
  ///
  /// A region is redrawn when it is not the same region (rectangle and content) as the old
  /// frame's at its place; the rectangles of the old regions that changed or went are cleared
  /// too (what they drew must go). Then any region overlapping a cleared rectangle is redrawn
  /// as well, and its rectangle cleared, until nothing more is added: no kept region touches a
  /// cleared cell.
  package static func changedRegions(_ regions: [ScreenRegion], from old: [ScreenRegion])
    -> RegionRedraw
  {
    var redraw = RegionRedraw()
    // Each pair is compared once (a list pane's rows are the bulk of an idle tick's comparing).
    for index in 0..<max(regions.count, old.count) {
      let isNew = index < regions.count
      let wasOld = index < old.count
      guard !isNew || !wasOld || old[index] != regions[index] else { continue }
      if isNew { redraw.add(index, rect: regions[index].rect) }
      if wasOld { redraw.cleared.append(old[index].rect) }
    }
    var grew = !redraw.cleared.isEmpty
    while grew {
      grew = false
      for index in regions.indices where !redraw.draws(index) {
        let rect = regions[index].rect
        if redraw.cleared.contains(where: { !rect.intersection($0).isEmpty }) {
          redraw.add(index, rect: rect)
          grew = true
        }
      }
    }
    return redraw
  }
}

/// What the incremental render redraws: the regions drawn again (by index, at most 64: a
/// frame has about eight) and the rectangles cleared before.
package struct RegionRedraw: Sendable {
  /// The rectangles cleared before drawing: the redrawn regions' and those of the old regions
  /// that changed or went.
  package var cleared: [Rect] = []
  private var drawn: UInt64 = 0

  /// Whether region `index` is drawn again.
  package func draws(_ index: Int) -> Bool {
    index >= 64 || drawn & (1 << UInt64(index)) != 0
  }

  /// Region `index` is drawn again, its rectangle cleared first.
  mutating func add(_ index: Int, rect: Rect) {
    if index < 64 { drawn |= 1 << UInt64(index) }
    cleared.append(rect)
  }
}

/// A frame and the regions it was drawn from: what the next incremental render starts from.
package struct DrawnFrame: Sendable {
  /// The regions the grid was drawn from, in drawing order.
  package var regions: [ScreenRegion]
  /// The cells.
  package var grid: Grid
  /// The rows that may differ from the frame this one was drawn after (ranges may overlap or
  /// reach past the grid); `nil` when it was drawn from scratch, so any row may differ.
  package var changedRows: [Range<Int>]?

  /// A frame drawn from `regions` from scratch.
  package init(regions: [ScreenRegion], grid: Grid) {
    self.regions = regions
    self.grid = grid
  }
}
