import Foundation

/// The members view on the list engine: the members list (navigable, filtered, sorted) and the
/// pending invites below it (a short list, shown whole, soonest to lapse first). Figures are
/// ``MemberRow`` and ``InviteRow`` (docs/views.md); formatting happens here.
package enum MemberList {
  /// Where the members list lives: ``DashboardState/memberList`` over the rows `deriver`
  /// derives.
  package static func binding(_ deriver: Deriver)
    -> ListBinding<DashboardState, MemberColumn, MemberRow>
  {
    ListBinding(list: \.memberList) { deriver.memberRows(of: $0) }
  }

  /// The columns, in ``MemberColumn`` order. At 80 columns NAME, EMAIL, ROLE and KEYS stay.
  package static let columns: [ListColumn] = MemberColumn.allCases.map { column in
    let (width, priority): (ListColumn.Width, Int) =
      switch column {
      case .name: (.flex(min: 12), 0)
      case .email: (.min(16), 1)
      case .role: (.min(9), 2)
      case .added: (.min(10), 5)
      case .keys: (.min(6), 3)
      case .cost: (.min(10), 4)
      }
    let alignment: ListColumn.Alignment = column == .keys || column == .cost ? .right : .left
    return ListColumn(
      header: column.title, width: width, alignment: alignment, priority: priority,
      sortKey: column.position)
  }

  /// The invites' columns: email, role, invited, expires, and the state in words (an invite
  /// lapsing within 48 hours says `expires soon`, not only in colour).
  package static let inviteColumns: [ListColumn] = [
    ListColumn(header: "INVITED EMAIL", width: .flex(min: 16), priority: 0),
    ListColumn(header: "ROLE", width: .min(9), priority: 2),
    ListColumn(header: "INVITED", width: .min(10), priority: 3),
    ListColumn(header: "EXPIRES", width: .min(10), priority: 4),
    ListColumn(header: "STATE", width: .min(12), priority: 1),
  ]

  /// The members table from the derived (filtered, sorted) rows; `widest` is
  /// ``widestTexts(_:costKnown:)`` of them.
  package static func table(
    state: DashboardState, rows: [MemberRow], widest: [String], costKnown: Bool, now: Date
  ) -> ListTableViewModel {
    let list = state.memberList
    let title: String
    if let total = state.members.value?.count {
      title =
        list.filter?.isEmpty == false ? "Members (\(rows.count) of \(total))" : "Members (\(total))"
    } else {
      title = "Members"
    }
    let emptyMessage: String
    if let filter = list.filter, !filter.isEmpty {
      emptyMessage = "No members match \"\(filter)\""
    } else {
      emptyMessage = state.members.value == nil ? "Loading members…" : "No members"
    }
    return ListTableViewModel(
      title: title,
      condition: .of(
        state, primary: [.members], secondary: [.apiKeys, .monthCost], now: now,
        loading: "Loading members…"),
      columns: columns, list: list, rows: rows, widestCells: widest,
      emptyMessage: emptyMessage, footer: "KEYS: active/all they created · Enter lists them"
    ) { row($0, costKnown: costKnown, now: now) }
  }

  /// The pending invites, whole (an organization has a handful); the highlight shows while
  /// the invites pane has the focus (`Tab`), where the list keys move it.
  package static func invitesTable(state: DashboardState, now: Date) -> ListTableViewModel {
    let invites = InviteRow.rows(state: state, now: now)
    let soon = invites.filter(\.expiresSoon).count
    let title =
      state.invites.value == nil
      ? "Pending invites"
      : "Pending invites (\(invites.count)\(soon > 0 ? ", \(soon) expiring within 48 h" : ""))"
    let rows = invites.map { invite in
      let stateText =
        invite.hasExpired ? "expired" : invite.expiresSoon ? "expires soon" : "pending"
      let role: TextRole = invite.hasExpired ? .dim : invite.expiresSoon ? .warning : .normal
      return TableRow(
        id: invite.id,
        cells: [
          invite.email, invite.role.wire, Format.shortDate(invite.invitedAt, relativeTo: now),
          Format.shortDate(invite.expiresAt, relativeTo: now), stateText,
        ], role: role)
    }
    let focused = state.membersFocus == .invites && !rows.isEmpty
    return ListTableViewModel(
      title: title,
      condition: .of(state, primary: [.invites], now: now, loading: "Loading invites…"),
      columns: inviteColumns, rows: rows, firstRow: 0, rowCount: rows.count, widestCells: [],
      selectedIndex: focused ? min(state.selectedInvite, rows.count - 1) : nil,
      scrollOffset: 0, sortColumn: nil, sortDescending: false, filter: nil,
      isEditingFilter: false,
      emptyMessage: state.invites.value == nil ? "Loading invites…" : "No pending invites",
      footer: "")
  }

  /// One member's cells.
  static func row(_ member: MemberRow, costKnown: Bool, now: Date) -> TableRow {
    let cells = MemberColumn.allCases.map { column -> String in
      switch column {
      case .name: member.name.isEmpty ? "—" : member.name
      case .email: member.email
      case .role: member.role.wire
      case .added: Format.shortDate(member.addedAt, relativeTo: now)
      case .keys: keysText(member)
      case .cost: costText(member, costKnown: costKnown)
      }
    }
    return TableRow(id: member.id, cells: cells, role: .normal)
  }

  /// `active/total` keys created, `…` while the keys are not loaded.
  package static func keysText(_ member: MemberRow) -> String {
    guard let total = member.keysCreated, let active = member.activeKeysCreated else { return "…" }
    return "\(active)/\(total)"
  }

  /// Whether a member's missing cost is known to be missing (the month's cost and the keys are
  /// loaded, and the reports cannot split cost by key) rather than still loading.
  package static func costKnown(state: DashboardState, cost: CostSummary?) -> Bool {
    cost != nil && state.apiKeys.value != nil
  }

  /// For each column, its longest text over `rows` (by UTF-8 length), so the table sizes its
  /// columns for every row while it formats only a page.
  package static func widestTexts(_ rows: [MemberRow], costKnown: Bool) -> [String] {
    var widest = [String](repeating: "", count: MemberColumn.allCases.count)
    for row in rows {
      for (column, text) in [
        (MemberColumn.name, row.name), (.email, row.email), (.role, row.role.wire),
        (.keys, keysText(row)), (.cost, costText(row, costKnown: costKnown)),
      ] where text.utf8.count > widest[column.rawValue].utf8.count {
        widest[column.rawValue] = text
      }
    }
    return widest
  }

  /// The month's cost of their keys; `…` while loading, `—` when the reports cannot split cost
  /// by key (legacy).
  package static func costText(_ member: MemberRow, costKnown: Bool) -> String {
    if let cost = member.monthCost { return Format.money(cost) }
    return costKnown ? "—" : "…"
  }
}
