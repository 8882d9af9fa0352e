/// A pane that shows a list, and so has a page size.
package enum ListPane: String, Hashable, Sendable, CaseIterable {
  case keys, members, workspaces, rateLimits
}

/// How many rows each list pane shows at the current terminal size, computed by the UI's
/// layout: each list's PgUp/PgDn step and scroll window.
package struct PageSizes: Hashable, Sendable {
  private var sizes: [ListPane: Int]

  package init(_ sizes: [ListPane: Int] = [:]) {
    self.sizes = sizes
  }

  /// The rows a pane shows (0 when the layout has no room for it, or did not say).
  package subscript(pane: ListPane) -> Int {
    get { sizes[pane] ?? 0 }
    set { sizes[pane] = newValue }
  }
}
