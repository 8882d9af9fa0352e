import OrgTopCore

/// Where each part of the dashboard goes at a terminal size. A pure function of the size, so
/// the number of rows each list shows (the reducer's page sizes) is known before anything is
/// drawn.
///
/// - Row 0 is the header; the last two rows are the status bar and the hint bar; the panes
///   share the body between them.
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
  package var body: Rect
  package var overview: Rect
  package var usage: Rect
  package var keys: Rect
  package var status: Rect
  package var hints: Rect

  package init(size: TerminalSize) {
    let full = Rect(x: 0, y: 0, width: max(0, size.columns), height: max(0, size.rows))
    let (headerRect, afterHeader) = full.splitTop(1)
    let (bodyRect, footer) = afterHeader.splitBottom(2)
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
    PageSizes([.keys: Table.visibleRows(height: keys.height - 2)])
  }
}
