import OrgTopCore

/// Turns a view model into a frame: a pure function of the view model, the terminal size and
/// the render options. Every screen is drawn here: the dashboard, the key detail and help
/// overlays, and "terminal too small".
package enum Screen {
  /// The smallest terminal the dashboard is drawn in (60 columns × 18 rows: the key table then
  /// still shows three rows below the tab line); below it the "terminal too small" screen is shown.
  package static let minimumSize = TerminalSize(columns: 60, rows: 18)

  /// Draws the whole frame: every region of ``regions(of:size:)``, in order.
  package static func render(
    _ viewModel: DashboardViewModel, size: TerminalSize, options: RenderOptions
  ) -> Grid {
    var grid = Grid(size: size, glyphs: options.glyphs)
    let layout = DashboardLayout(size: size, tabs: viewModel.tabs != nil)
    for region in regions(of: viewModel, size: size) {
      draw(region, layout: layout, in: &grid)
    }
    return grid
  }

  /// How many rows each list pane shows at a size (none below the minimum size): the page
  /// sizes the program loop gives the reducer. Kiosk mode has no tab line (`tabs: false`), so
  /// its panes are a row taller.
  package static func pageSizes(for size: TerminalSize, tabs: Bool = true) -> PageSizes {
    guard size.columns >= minimumSize.columns, size.rows >= minimumSize.rows else {
      return PageSizes()
    }
    return DashboardLayout(size: size, tabs: tabs).pageSizes
  }

  /// The page sizes for the program showing `state` (a tab line unless in kiosk mode).
  package static func pageSizes(for size: TerminalSize, state: DashboardState) -> PageSizes {
    pageSizes(for: size, tabs: state.configuration.kiosk == nil)
  }

  /// The "terminal too small" screen: what is wrong, the current size and the minimum,
  /// centred; it degrades line by line down to a 0×0 terminal.
  static func drawTooSmall(in grid: inout Grid) {
    let current = "\(grid.columns)x\(grid.rows)"
    let minimum = "\(minimumSize.columns)x\(minimumSize.rows)"
    Banner([
      StyledText("Terminal too small", role: .warning),
      StyledText("Size \(current), need \(minimum)"),
      StyledText("Enlarge the window, or press q to quit", role: .dim),
    ]).draw(in: &grid, rect: Rect(x: 0, y: 0, width: grid.columns, height: grid.rows))
  }
}
