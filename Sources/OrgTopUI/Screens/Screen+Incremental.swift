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
