import OrgTopCore
import OrgTopUI

/// A terminal backend for headless tests: it keeps the last frame drawn (and counts frames and
/// bells) instead of talking to a terminal. Resize it by setting ``size``.
@MainActor
package final class GridBackend: TerminalBackend {
  package var size: TerminalSize
  package var renderOptions: RenderOptions
  /// The last frame drawn, `nil` before the first.
  package private(set) var lastGrid: Grid?
  package private(set) var framesDrawn = 0
  package private(set) var bells = 0

  package init(size: TerminalSize, renderOptions: RenderOptions = .unicode) {
    self.size = size
    self.renderOptions = renderOptions
  }

  package func draw(_ grid: Grid, changedRows: [Range<Int>]?) {
    // The contract: rows outside `changedRows` are those of the frame drawn before.
    if let changedRows, let lastGrid, lastGrid.size == grid.size {
      for row in 0..<grid.size.rows where !changedRows.contains(where: { $0.contains(row) }) {
        precondition(grid.rowEquals(row, in: lastGrid), "row \(row) changed but was not listed")
      }
    }
    lastGrid = grid
    framesDrawn += 1
  }

  package func bell() {
    bells += 1
  }

  /// The last frame's text, one string per row (empty before the first frame).
  package var screenLines: [String] {
    lastGrid?.lines ?? []
  }
}
