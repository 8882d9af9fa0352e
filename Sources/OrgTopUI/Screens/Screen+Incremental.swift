import OrgTopCore

extension Screen {
  /// Draws the frame for `viewModel` starting from the frame of the previous view model: when
  /// only the header (the clock) and the status bar ("updated … ago") changed, as on every
  /// idle tick, those two rows are redrawn on a copy of the previous frame and the rest is
  /// kept; otherwise the whole frame is drawn.
  ///
  /// Always equal to `render(viewModel, size:options:)`: the header and footer rows are drawn
  /// only by their own widgets (overlays cover the body alone), and a cleared row is exactly
  /// the blank row a fresh frame starts with.
  package static func render(
    _ viewModel: DashboardViewModel, size: TerminalSize, options: RenderOptions,
    after previous: (model: DashboardViewModel, frame: Grid)?
  ) -> Grid {
    guard let previous, previous.frame.size == size, previous.frame.glyphs == options.glyphs,
      size.columns >= minimumSize.columns, size.rows >= minimumSize.rows,
      onlyHeaderAndStatusDiffer(viewModel, previous.model)
    else { return render(viewModel, size: size, options: options) }
    var grid = previous.frame
    let layout = DashboardLayout(size: size, tabs: viewModel.tabs != nil)
    if viewModel.header != previous.model.header {
      grid.clear(layout.header)
      drawHeader(viewModel.header, rect: layout.header, in: &grid)
    }
    if viewModel.status != previous.model.status || viewModel.hints != previous.model.hints {
      grid.clear(layout.status)
      grid.clear(layout.hints)
      drawFooter(viewModel, layout: layout, in: &grid)
    }
    return grid
  }

  /// Whether everything but the header and the footer (status and hints) is the same.
  private static func onlyHeaderAndStatusDiffer(
    _ lhs: DashboardViewModel, _ rhs: DashboardViewModel
  ) -> Bool {
    lhs.focus == rhs.focus && lhs.overlay == rhs.overlay && lhs.kiosk == rhs.kiosk
      && lhs.overview == rhs.overview && lhs.usage == rhs.usage && lhs.keys == rhs.keys
      && lhs.tabs == rhs.tabs && lhs.members == rhs.members && lhs.workspaces == rhs.workspaces
      && lhs.rateLimits == rhs.rateLimits
  }
}
