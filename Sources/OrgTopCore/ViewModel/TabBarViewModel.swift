/// The tab line at the top: every view with its number key, the one shown marked.
package struct TabBarViewModel: Hashable, Sendable {
  /// One view's tab, e.g. key `2`, title `Members`.
  package struct Tab: Hashable, Sendable {
    package var key: String
    package var title: String

    package init(key: String, title: String) {
      self.key = key
      self.title = title
    }
  }

  package var tabs: [Tab]
  /// Index into `tabs` of the view shown.
  package var selected: Int

  package init(tabs: [Tab], selected: Int) {
    self.tabs = tabs
    self.selected = selected
  }

  /// Every view's tab, made once: the view model is projected every second, and a shared
  /// array costs neither an allocation nor an element-wise comparison.
  private static let allTabs = allViews.map { Tab(key: String($0.key), title: $0.title) }
  private static let allViews = AppView.allCases

  /// The tabs of every view, with `view` marked.
  package init(selected view: AppView) {
    self.init(tabs: Self.allTabs, selected: Self.allViews.firstIndex(of: view) ?? 0)
  }
}

/// The members view: the members list above the pending invites.
package struct MembersViewModel: Hashable, Sendable {
  package var members: ListTableViewModel
  package var invites: ListTableViewModel

  package init(members: ListTableViewModel, invites: ListTableViewModel) {
    self.members = members
    self.invites = invites
  }
}
