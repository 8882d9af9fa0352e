import OrgTopCore

/// The tab line of the views: ` 1 Dashboard   2 Members `. The view shown is in reverse video
/// and bold, so it stands out on a monochrome terminal too (not by colour alone); the others
/// are plain, their number keys bold.
package struct TabBar: Sendable {
  package var model: TabBarViewModel

  package init(_ model: TabBarViewModel) {
    self.model = model
  }

  package func draw(in grid: inout Grid, rect: Rect) {
    guard !rect.isEmpty else { return }
    var x = rect.x + 1
    for (index, tab) in model.tabs.enumerated() {
      let text = " \(tab.key) \(tab.title) "
      let width = grid.width(of: text)
      guard x + width <= rect.maxX else { break }
      if index == model.selected {
        grid.write(
          text, row: rect.y, column: x, width: width, style: Style(.title, [.bold, .reverse]))
      } else {
        grid.write(
          tab.key, row: rect.y, column: x + 1, width: 1, style: Style(.title, .bold))
        grid.write(tab.title, row: rect.y, column: x + 3, width: width - 4, style: Style(.normal))
      }
      x += width + 1
    }
  }
}
