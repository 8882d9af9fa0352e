import OrgTopCore

/// Where each part of the dashboard goes at a terminal size. A pure function of the size, so
/// the number of rows each list shows (the reducer's page sizes) is known before anything is
/// drawn.
///
/// - Row 0 is the header, row 1 the tab line of the views (none in kiosk mode); the last two
///   rows are the status bar and the hint bar; the panes share the body between them.
/// - **Narrow** (fewer than ``wideThreshold`` columns): overview and usage side by side on top
///   (overview 45 %), the key table below across the full width. The top row takes half the
///   body, between 7 and 12 rows; the keys get the rest, so a taller terminal shows more keys.
/// - **Wide**: a left column (36 % of the width, 44 to 72 columns) holds the overview (10 rows,
///   fewer on a short body) above the usage pane, which gets the rest of the height and so
///   shows more and taller sparklines; the key table takes the whole right side, full height,
///   with room for every column.
package struct DashboardLayout: Hashable, Sendable {
  /// How the panes are arranged.
  package enum Arrangement: Hashable, Sendable {
    case narrow, wide
  }

  /// From this many columns on, the wide arrangement is used.
  package static let wideThreshold = 110

  package var arrangement: Arrangement
  package var header: Rect
  /// The tab line; empty when there is none (kiosk mode).
  package var tabs: Rect
  package var body: Rect
  package var overview: Rect
  package var usage: Rect
  package var keys: Rect
  /// The members view: the members list on top, the pending invites below (3/10 of the body,
  /// at least 5 rows: a border, a header and a few invites).
  package var members: Rect
  package var invites: Rect
  package var status: Rect
  package var hints: Rect

  /// The layout at a size, with a tab line (`tabs`) or without (kiosk mode).
  package init(size: TerminalSize, tabs hasTabs: Bool = true) {
    let full = Rect(x: 0, y: 0, width: max(0, size.columns), height: max(0, size.rows))
    let (headerRect, afterHeader) = full.splitTop(1)
    let (tabsRect, afterTabs) = afterHeader.splitTop(hasTabs ? 1 : 0)
    let (bodyRect, footer) = afterTabs.splitBottom(2)
    tabs = tabsRect
    let (membersRect, invitesRect) = bodyRect.splitBottom(max(5, bodyRect.height * 3 / 10))
    members = membersRect
    invites = invitesRect
    let (statusRect, hintsRect) = footer.splitTop(1)
    header = headerRect
    body = bodyRect
    status = statusRect
    hints = hintsRect
    if full.width >= Self.wideThreshold {
      arrangement = .wide
      let leftWidth = min(72, max(44, full.width * 36 / 100))
      let (left, right) = bodyRect.splitLeft(leftWidth)
      let (overviewRect, usageRect) = left.splitTop(min(10, max(7, left.height / 3)))
      overview = overviewRect
      usage = usageRect
      keys = right
    } else {
      arrangement = .narrow
      let (top, bottom) = bodyRect.splitTop(min(12, max(7, bodyRect.height / 2)))
      let (overviewRect, usageRect) = top.splitLeft(top.width * 45 / 100)
      overview = overviewRect
      usage = usageRect
      keys = bottom
    }
  }

  /// Rows each list pane shows: its pane less the border, header and footer lines.
  package var pageSizes: PageSizes {
    PageSizes([
      .keys: Table.visibleRows(height: keys.height - 2),
      .members: Table.visibleRows(height: members.height - 2),
      .workspaces: Table.visibleRows(height: body.height - 2),
      .rateLimits: Table.visibleRows(height: body.height - 2),
    ])
  }
}
