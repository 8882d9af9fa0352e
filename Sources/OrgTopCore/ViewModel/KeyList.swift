import Foundation

extension KeyTableViewModel {
  /// The columns, in ``KeyColumn`` order. Priorities keep NAME, STATUS, COST MTD and FLAGS at
  /// 80 columns; the rest drop in the order TOKENS MTD… CREATED as width runs out.
  package static let columns: [TableColumn] = KeyColumn.allCases.map { column in
    switch column {
    case .name:
      TableColumn(title: column.title, alignment: .left, minWidth: 12, priority: 0, flexible: true)
    case .status: TableColumn(title: column.title, alignment: .left, minWidth: 8, priority: 1)
    case .flags: TableColumn(title: column.title, alignment: .left, minWidth: 5, priority: 3)
    case .workspace: TableColumn(title: column.title, alignment: .left, minWidth: 10, priority: 6)
    case .createdBy: TableColumn(title: column.title, alignment: .left, minWidth: 10, priority: 8)
    case .created: TableColumn(title: column.title, alignment: .left, minWidth: 10, priority: 9)
    case .expires: TableColumn(title: column.title, alignment: .left, minWidth: 10, priority: 7)
    case .lastActive: TableColumn(title: column.title, alignment: .left, minWidth: 11, priority: 5)
    case .tokens: TableColumn(title: column.title, alignment: .right, minWidth: 10, priority: 4)
    case .cost: TableColumn(title: column.title, alignment: .right, minWidth: 10, priority: 2)
    }
  }

  /// Keys within this many seconds of expiring are flagged.
  package static let expiryWarning: TimeInterval = 7 * 86_400

  /// The key table from the state's (filtered, sorted) key rows. Only the rows in view are
  /// formatted: with 10,000 keys, formatting them all every second cost more than the rest of
  /// the frame together.
  package init(state: DashboardState, figures: DashboardFigures, now: Date) {
    let table = state.table
    let rows = state.keyRows
    let selected = rows.isEmpty ? nil : min(table.selectedIndex, rows.count - 1)
    let window = Self.window(
      count: rows.count, scrollOffset: table.scrollOffset, selectedIndex: selected,
      pageSize: table.pageSize)
    let tableRows = rows[window].map { Self.row($0, figures: figures, now: now) }
    // Unknown is not zero: before the list has loaded, the title has no count.
    let title: String
    if let total = state.apiKeys.value?.count {
      if table.flaggedOnly {
        title = "API keys (\(rows.count) flagged of \(total))"
      } else {
        title =
          table.filter?.isEmpty == false
          ? "API keys (\(rows.count) of \(total))" : "API keys (\(total))"
      }
    } else {
      title = "API keys"
    }
    let emptyMessage: String
    if let filter = table.filter, !filter.isEmpty {
      emptyMessage =
        table.flaggedOnly ? "No flagged keys match \"\(filter)\"" : "No keys match \"\(filter)\""
    } else if table.flaggedOnly, state.apiKeys.value != nil {
      emptyMessage = "No flagged keys (f shows every key)"
    } else {
      emptyMessage = state.apiKeys.value == nil ? "Loading API keys…" : "No API keys"
    }
    self.init(
      title: title,
      condition: .of(
        state, primary: [.apiKeys], secondary: [.workspaces, .members, .keyActivity, .keyHourly],
        now: now,
        loading: "Loading API keys…"),
      columns: Self.columns, rows: tableRows, firstRow: window.lowerBound, rowCount: rows.count,
      widestCells: state.widestKeyTexts,
      selectedIndex: selected, scrollOffset: table.scrollOffset,
      sortColumn: table.sortColumn.rawValue, sortDescending: table.sortDescending,
      filter: table.filter, isEditingFilter: table.isEditingFilter,
      emptyMessage: emptyMessage, footer: Self.footer(figures))
  }

  /// The rows in view: `pageSize` rows from the scroll offset, clamped to the rows and moved,
  /// if need be, so the selected row shows.
  package static func window(
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

  /// The longest status text: an active key in its last day (`expires 23h`).
  package static let longestExpiryText = "expires 23h"

  /// One key's cells and role.
  static func row(_ facts: KeyRowFacts, figures: DashboardFigures, now: Date) -> TableRow {
    let key = facts.key
    let cells = KeyColumn.allCases.map { column -> String in
      switch column {
      case .name: key.name
      case .status: statusText(key, now: now)
      case .flags: facts.flags.text
      case .workspace: facts.workspaceName
      case .createdBy: facts.creatorName
      case .created: Format.shortDate(key.createdAt, relativeTo: now)
      case .expires: key.expiresAt.map { Format.shortDate($0, relativeTo: now) } ?? "never"
      case .lastActive: lastActiveText(facts.lastActive, now: now)
      case .tokens: facts.tokensText ?? "…"
      case .cost: costText(facts, figures: figures)
      }
    }
    return TableRow(id: key.id, cells: cells, role: role(of: key, now: now))
  }

  /// The status in words; an active key about to expire says so, since its warning colour
  /// must not carry that meaning alone.
  static func statusText(_ key: APIKey, now: Date) -> String {
    guard key.status == .active, let expiry = key.expiresAt else { return key.status.wire }
    let left = expiry.timeIntervalSince(now)
    guard left < expiryWarning else { return key.status.wire }
    let hours = max(1, Int((left / 3_600).rounded(.up)))
    return hours < 24 ? "expires \(hours)h" : "expires \((hours + 23) / 24)d"
  }

  /// Active keys are good (a warning within a week of expiry), inactive and archived dim,
  /// expired danger. The status text always says it in words too.
  static func role(of key: APIKey, now: Date) -> TextRole {
    switch key.status {
    case .active:
      if let expiry = key.expiresAt, expiry.timeIntervalSince(now) < expiryWarning {
        return .warning
      }
      return .good
    case .inactive, .archived: return .dim
    case .expired: return .danger
    case .unknown: return .normal
    }
  }

  static func lastActiveText(_ value: KeyActivity.LastActive, now: Date) -> String {
    switch value {
    case .day(let day):
      let today = UTCCalendar.dayStart(containing: now)
      let days = Int(today.timeIntervalSince(day) / 86_400)
      switch days {
      case ...0: return "today"
      case 1: return "yesterday"
      default: return "\(days) d ago"
      }
    case .beforeWindow: return "> 30 d"
    case .never: return "never"
    case .unknown: return "—"
    }
  }

  private static func costText(_ facts: KeyRowFacts, figures: DashboardFigures) -> String {
    if let cost = facts.costText { return cost }
    // Legacy reports cannot split cost by key.
    return figures.cost == nil ? "…" : "—"
  }

  private static func footer(_ figures: DashboardFigures) -> String {
    guard let cost = figures.cost else { return "" }
    var text: String
    if cost.isPerKeyAvailable {
      let keys = cost.attributed
      text =
        "MTD keys \(Format.money(keys)) + no key \(Format.money(cost.unattributed)) = \(Format.money(cost.total))"
    } else {
      text = "MTD \(Format.money(cost.total)) (legacy reports: no per-key cost)"
    }
    if let tokens = figures.tokens { text += " · \(Format.tokens(tokens.total)) tokens" }
    return text
  }
}
