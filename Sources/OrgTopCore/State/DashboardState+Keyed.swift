extension DashboardState {
  /// The ids of the workspaces on the workspaces list's page (the window the screen draws):
  /// the workspaces whose members are fetched. A page is at most a screen's height, so a
  /// thousand workspaces cost a page of requests, and the rest only when scrolled to.
  package func workspaceIDsInView(deriver: Deriver) -> [String] {
    let rows = deriver.workspaceRows(of: self).rows
    let window = workspaceList.window(count: rows.count)
    return rows[window].compactMap { $0.id.isEmpty || !$0.isListed ? nil : $0.id }
  }

  /// Whether `view` is on screen now or will be without a keypress: the view chosen, or any
  /// view in kiosk mode, whose rotation shows each in turn (its on-demand columns must be
  /// loaded before their page comes round, not left at "…").
  package func mayShow(_ view: AppView) -> Bool {
    self.view == view || configuration.kiosk != nil
  }

  /// The ids of every workspace that is not archived, in the list's order: the workspaces
  /// whose rate-limit overrides are fetched (an archived workspace's keys cannot call the API).
  package var liveWorkspaceIDs: [String] {
    (workspaces.value ?? []).compactMap { $0.archivedAt == nil ? $0.id : nil }
  }

  /// Every override loaded so far (the workspaces not loaded yet add none).
  package var loadedOverrides: [RateLimitOverride] {
    workspaceOverrides.values.flatMap { $0.value ?? [] }
  }

  /// How many of ``liveWorkspaceIDs`` have had their overrides read: the rate-limits view says
  /// "…" for overrides until every one has.
  package var overridesProgress: (read: Int, of: Int) {
    let ids = liveWorkspaceIDs
    return (ids.count { workspaceOverrides[$0]?.value != nil }, ids.count)
  }
}
