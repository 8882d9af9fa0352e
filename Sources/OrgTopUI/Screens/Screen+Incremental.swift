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
    guard let previous, previous.frame.size == size, previous.frame.glyphs == options.glyphs
    else { return render(viewModel, size: size, options: options) }
    let current = Self.regions(of: viewModel, size: size)
    let redrawn = changedRegions(current, from: Self.regions(of: previous.model, size: size))
    var grid = previous.frame
    for rect in redrawn.cleared { grid.clear(rect) }
    let layout = DashboardLayout(size: size, tabs: viewModel.tabs != nil)
    for index in current.indices where redrawn.drawn[index] {
      draw(current[index], layout: layout, in: &grid)
    }
    return grid
  }

  /// Which of `regions` to redraw after `old`, and which rectangles to clear first.
  ///
  /// A region is redrawn when it is not the same region (rectangle and content) as the old
  /// frame's at its place; the rectangles of the old regions that changed or went are cleared
  /// too (what they drew must go). Then any region overlapping a cleared rectangle is redrawn
  /// as well, and its rectangle cleared, until nothing more is added: no kept region touches a
  /// cleared cell.
  package static func changedRegions(_ regions: [ScreenRegion], from old: [ScreenRegion])
    -> (drawn: [Bool], cleared: [Rect])
  {
    var drawn = Array(repeating: false, count: regions.count)
    var cleared: [Rect] = []
    // Each pair is compared once (a list pane's rows are the bulk of an idle tick's comparing).
    for index in 0..<max(regions.count, old.count) {
      let isNew = index < regions.count
      let wasOld = index < old.count
      guard !isNew || !wasOld || old[index] != regions[index] else { continue }
      if isNew {
        drawn[index] = true
        cleared.append(regions[index].rect)
      }
      if wasOld { cleared.append(old[index].rect) }
    }
    let rects = regions.map(\.rect)
    var grew = !cleared.isEmpty
    while grew {
      grew = false
      for index in rects.indices where !drawn[index] {
        let rect = rects[index]
        if cleared.contains(where: { !rect.intersection($0).isEmpty }) {
          drawn[index] = true
          cleared.append(rect)
          grew = true
        }
      }
    }
    return (drawn, cleared)
  }
}
