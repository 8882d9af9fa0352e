import OrgTopCore

/// One part of a frame: a rectangle of the screen and the view model drawn in it. A frame is a
/// list of regions drawn in order (``Screen/regions(of:size:)``); the full render draws them
/// all, the incremental render only those whose region differs from the previous frame's.
///
/// A region's drawing depends on nothing but its `content`, its `rect` and the layout its
/// rect comes from, and writes no cell outside its `rect` (a test draws each region alone and
/// checks): so two equal regions draw the same cells, and change detection is `==` on the
/// region, with no list of fields to keep up to date.
package struct ScreenRegion: Hashable, Sendable {
  /// What a region draws: a pane's view model and what else its drawing reads (focus).
  ///
  /// Indirect: a region is copied a few times per frame, and a boxed payload is one retain
  /// where an inline view model is one per string and array it holds (the idle tick's cost).
  package indirect enum Content: Hashable, Sendable {
    /// The top line but the clock: title, organization, badges and source.
    case header(HeaderViewModel)
    /// The clock at the top line's right end, a region of its own: an idle second redraws
    /// these few cells, not the whole line with its texts to sanitize again.
    case clock(String)
    /// The tab line of the views.
    case tabs(TabBarViewModel)
    /// The organization overview pane.
    case overview(OverviewViewModel, focused: Bool)
    /// The usage pane: gauge, figures, sparklines.
    case usage(UsageViewModel, focused: Bool)
    /// A list pane (keys, members, invites, workspaces, rate limits).
    case list(ListTableViewModel, focused: Bool)
    /// The status bar and the hint bar (an error too long for one line takes both rows).
    case footer(StatusBarViewModel, hints: [KeyHint])
    /// An overlay over the body: the body dimmed, then the overlay. Its rect is the body, so
    /// it overlaps every pane below it and is redrawn with any of them (and they with it).
    case overlay(Overlay)
    /// Kiosk mode's page of big figures, under the stale alarm if there is one.
    case kioskFigures([BigFigure], alarm: KioskAlarm?)
    /// Kiosk mode's stale alarm over the dashboard's panes.
    case kioskAlarm(KioskAlarm)
    /// "Terminal too small" across the whole terminal.
    case tooSmall
  }

  /// Where the region is drawn: it writes no cell outside.
  package var rect: Rect
  /// What is drawn there.
  package var content: Content

  /// A region drawing `content` in `rect`.
  package init(_ rect: Rect, _ content: Content) {
    self.rect = rect
    self.content = content
  }
}

extension Screen {
  /// The regions of the frame for `viewModel` at `size`, in drawing order: the one description
  /// of what goes where, used by both the full and the incremental render. A pane added here is
  /// drawn by both and compared by the incremental render without any other change.
  package static func regions(of viewModel: DashboardViewModel, size: TerminalSize)
    -> [ScreenRegion]
  {
    regions(
      of: viewModel, size: size, layout: DashboardLayout(size: size, tabs: viewModel.tabs != nil))
  }

  /// The regions, in the layout for `viewModel` at `size` already computed.
  static func regions(
    of viewModel: DashboardViewModel, size: TerminalSize, layout: DashboardLayout
  ) -> [ScreenRegion] {
    guard size.columns >= minimumSize.columns, size.rows >= minimumSize.rows else {
      return [
        ScreenRegion(
          Rect(x: 0, y: 0, width: max(0, size.columns), height: max(0, size.rows)), .tooSmall)
      ]
    }
    var regions: [ScreenRegion] = []
    regions.reserveCapacity(8)
    let top = layout.header
    let clock = viewModel.header.clock
    // The clock's span, one column from the right edge, at least one column left of the rest.
    let clockWidth = max(0, min(TextSanitizer.width(of: clock), top.width - 2))
    let split = top.maxX - clockWidth - 1
    var header = viewModel.header
    header.clock = ""
    regions.append(
      ScreenRegion(
        Rect(x: top.x, y: top.y, width: split - top.x, height: top.height), .header(header)))
    regions.append(
      ScreenRegion(
        Rect(x: split, y: top.y, width: top.maxX - split, height: top.height), .clock(clock)))
    if let tabs = viewModel.tabs { regions.append(ScreenRegion(layout.tabs, .tabs(tabs))) }
    if let kiosk = viewModel.kiosk, case .figures(let figures) = kiosk.page {
      regions.append(ScreenRegion(layout.body, .kioskFigures(figures, alarm: kiosk.alarm)))
    } else if let members = viewModel.members {
      // The focused one (`Tab`) takes the list keys and is marked: ▶, bold title, accent border.
      let focus = viewModel.focus
      regions.append(
        ScreenRegion(layout.members, .list(members.members, focused: focus == .members)))
      regions.append(
        ScreenRegion(layout.invites, .list(members.invites, focused: focus == .invites)))
    } else if let list = viewModel.workspaces ?? viewModel.rateLimits {
      regions.append(ScreenRegion(layout.body, .list(list, focused: true)))
    } else {
      let focus = viewModel.focus
      regions.append(
        ScreenRegion(layout.overview, .overview(viewModel.overview, focused: focus == .overview)))
      regions.append(ScreenRegion(layout.usage, .usage(viewModel.usage, focused: focus == .usage)))
      regions.append(ScreenRegion(layout.keys, .list(viewModel.keys, focused: focus == .keys)))
    }
    let footer = Rect(
      x: layout.status.x, y: layout.status.y, width: layout.status.width,
      height: layout.status.height + layout.hints.height)
    regions.append(ScreenRegion(footer, .footer(viewModel.status, hints: viewModel.hints)))
    if let kiosk = viewModel.kiosk {
      if case .view = kiosk.page, let alarm = kiosk.alarm {
        regions.append(ScreenRegion(layout.body, .kioskAlarm(alarm)))
      }
    } else if let overlay = viewModel.overlay {
      regions.append(ScreenRegion(layout.body, .overlay(overlay)))
    }
    return regions
  }

  /// Draws one region on `grid`, over what earlier regions drew.
  package static func draw(_ region: ScreenRegion, layout: DashboardLayout, in grid: inout Grid) {
    let rect = region.rect
    switch region.content {
    case .header(let header):
      drawHeader(header, rect: rect, in: &grid)
    case .clock(let clock):
      drawClock(clock, rect: rect, in: &grid)
    case .tabs(let tabs):
      TabBar(tabs).draw(in: &grid, rect: rect)
    case .overview(let overview, let focused):
      drawOverview(overview, focused: focused, rect: rect, in: &grid)
    case .usage(let usage, let focused):
      drawUsage(usage, focused: focused, rect: rect, in: &grid)
    case .list(let list, let focused):
      drawList(list, focused: focused, rect: rect, in: &grid)
    case .footer(let status, let hints):
      StatusBar(status).draw(
        in: &grid, row: rect.y, hintsRow: rect.y + 1, column: rect.x, width: rect.width,
        hints: hints)
    case .overlay(let overlay):
      drawOverlay(overlay, layout: layout, in: &grid)
    case .kioskFigures(let figures, let alarm):
      var body = rect
      if let alarm {
        let height = drawAlarm(alarm, rect: body, in: &grid)
        body = body.splitTop(height + 1).1
      }
      drawBigFigures(figures, rect: body, in: &grid)
    case .kioskAlarm(let alarm):
      drawAlarm(alarm, rect: rect, in: &grid)
    case .tooSmall:
      drawTooSmall(in: &grid)
    }
  }

  /// An overlay: the panes stay visible behind it, dimmed, so the overlay stands out.
  static func drawOverlay(_ overlay: Overlay, layout: DashboardLayout, in grid: inout Grid) {
    grid.restyle(layout.body, style: Style(.dim))
    switch overlay {
    case .keyDetail(let detail):
      drawKeyDetail(detail, layout: layout, in: &grid)
    case .help(let help):
      drawHelp(help, layout: layout, in: &grid)
    case .profiles(let picker):
      drawProfilePicker(picker, layout: layout, in: &grid)
    case .keyAction(let prompt):
      drawKeyAction(prompt, layout: layout, in: &grid)
    case .rateLimitDetail(let detail):
      drawKeyDetail(detail, layout: layout, in: &grid)
    }
  }
}
