/// The one window rule every list uses: `pageSize` rows from the scroll offset, clamped to the
/// rows, and moved (as little as possible) so the selected row shows. The reducer applies it
/// when the selection moves, the view model when it formats the page, the UI when it draws.
package enum ListWindow {
  /// The rows in view of a list of `count` rows.
  package static func range(
    count: Int, scrollOffset: Int, selectedIndex: Int?, pageSize: Int
  ) -> Range<Int> {
    let page = max(1, pageSize)
    guard count > 0 else { return 0..<0 }
    var first = min(max(0, scrollOffset), max(0, count - page))
    if let selected = selectedIndex, (0..<count).contains(selected) {
      if selected < first { first = selected }
      if selected >= first + page { first = selected - page + 1 }
    }
    return first..<min(count, first + page)
  }
}
