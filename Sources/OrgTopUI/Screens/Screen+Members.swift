import OrgTopCore

extension Screen {
  /// The members view: header and tab line, the members list above the pending invites (the
  /// focused one, `Tab`, takes the list keys and is marked: ▶, bold title, accent border),
  /// then the status and hint bars.
  static func drawMembersView(
    _ model: DashboardViewModel, members: MembersViewModel, layout: DashboardLayout,
    in grid: inout Grid
  ) {
    drawHeader(model.header, rect: layout.header, in: &grid)
    if let tabs = model.tabs { TabBar(tabs).draw(in: &grid, rect: layout.tabs) }
    drawList(members.members, focused: model.focus == .members, rect: layout.members, in: &grid)
    drawList(members.invites, focused: model.focus == .invites, rect: layout.invites, in: &grid)
    drawFooter(model, layout: layout, in: &grid)
  }
}

extension Screen {
  /// A view that is one list (workspaces): header and tab line, the list across the body, the
  /// status and hint bars.
  static func drawListView(
    _ model: DashboardViewModel, list: ListTableViewModel, layout: DashboardLayout,
    in grid: inout Grid
  ) {
    drawHeader(model.header, rect: layout.header, in: &grid)
    if let tabs = model.tabs { TabBar(tabs).draw(in: &grid, rect: layout.tabs) }
    drawList(list, focused: true, rect: layout.body, in: &grid)
    drawFooter(model, layout: layout, in: &grid)
  }
}
