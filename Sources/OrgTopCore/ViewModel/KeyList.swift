import Foundation

/// The API key list on the list engine: its columns, how a key row is formatted, and where
/// its list state and rows live in the dashboard state.
package enum KeyList {
  /// Where the key list lives: ``DashboardState/keyList`` over the rows `deriver` derives.
  package static func binding(_ deriver: Deriver)
    -> ListBinding<DashboardState, KeyColumn, KeyRowFacts>
  {
    ListBinding(list: \.keyList) { deriver.keyRows(of: $0).rows }
  }

  /// The columns, in ``KeyColumn`` order. Priorities keep NAME, STATUS, COST MTD and FLAGS at
  /// 80 columns; the rest drop in the order TOKENS MTD… CREATED as width runs out.
  package static let columns: [ListColumn] = KeyColumn.allCases.map { column in
    let (width, priority): (ListColumn.Width, Int) =
      switch column {
      case .name: (.flex(min: 12), 0)
      case .status: (.min(8), 1)
      case .flags: (.min(5), 3)
      case .workspace: (.min(10), 6)
      case .createdBy: (.min(10), 8)
      case .created: (.min(10), 9)
      case .expires: (.min(10), 7)
      case .lastActive: (.min(11), 5)
      case .tokens: (.min(10), 4)
      case .cost: (.min(10), 2)
      }
    let alignment: ListColumn.Alignment = column == .tokens || column == .cost ? .right : .left
    return ListColumn(
      header: column.title, width: width, alignment: alignment, priority: priority,
      sortKey: column.position)
  }

  /// Keys within this many seconds of expiring are flagged.
  package static let expiryWarning: TimeInterval = 7 * 86_400

  /// The key table from the derived (filtered, sorted) key rows; `texts` measures their widest
  /// texts and formats the page's figures, remembering both while the rows stay (the
  /// ``DashboardProjector`` keeps it from tick to tick).
  package static func table(
    state: DashboardState, keys: KeyRows, texts: inout TableTexts, figures: DashboardFigures,
    now: Date
  ) -> ListTableViewModel {
    var table = table(
      state: state, keys: keys, texts: &texts, figures: figures, minute: rowInstant(now))
    table.condition = condition(state, now: now)
    return table
  }

  /// The instant the rows are formatted at: `now` in whole minutes. Nothing in a row is finer
  /// than an hour (expiry countdowns, dates, days since last use), so the rows change at most
  /// once a minute and ``DashboardProjector`` keeps them between the ticks of that minute.
  static func rowInstant(_ now: Date) -> Date { UTCCalendar.floor(now, to: 60) }

  /// How the pane stands at `now` (staleness ages read the instant every tick).
  static func condition(_ state: DashboardState, now: Date) -> PaneCondition {
    .of(
      state, primary: [.apiKeys], secondary: [.workspaces, .members, .keyActivity, .keyHourly],
      now: now, loading: "Loading API keys…")
  }

  /// The table with its rows formatted at `minute` (``rowInstant(_:)``); `condition` is
  /// `.ready` until set from ``condition(_:now:)``.
  static func table(
    state: DashboardState, keys: KeyRows, texts: inout TableTexts, figures: DashboardFigures,
    minute now: Date
  ) -> ListTableViewModel {
    let list = state.keyList
    let rows = keys.rows
    let pageFigures = texts.keyFigures(rows, window: list.window(count: rows.count))
    var pageIndex = 0
    // Unknown is not zero: before the list has loaded, the title has no count.
    var scope = "API keys"
    if let keyScope = state.keyScope { scope += " \(keyScope.title)" }
    let title: String
    if let total = state.apiKeys.value?.count {
      if state.keysFlaggedOnly {
        title = "\(scope) (\(rows.count) flagged of \(total))"
      } else {
        title =
          list.filter?.isEmpty == false || state.keyScope != nil
          ? "\(scope) (\(rows.count) of \(total))" : "\(scope) (\(total))"
      }
    } else {
      title = scope
    }
    let emptyMessage: String
    if let filter = list.filter, !filter.isEmpty {
      emptyMessage =
        state.keysFlaggedOnly
        ? "No flagged keys match \"\(filter)\"" : "No keys match \"\(filter)\""
    } else if state.keysFlaggedOnly, state.apiKeys.value != nil {
      emptyMessage = "No flagged keys (f shows every key)"
    } else if let keyScope = state.keyScope, state.apiKeys.value != nil {
      emptyMessage = "No keys \(keyScope.title) (Esc goes back)"
    } else {
      emptyMessage = state.apiKeys.value == nil ? "Loading API keys…" : "No API keys"
    }
    return ListTableViewModel(
      title: title,
      condition: .ready,
      columns: columns, list: list, rows: rows, widestCells: texts.keys(rows),
      emptyMessage: emptyMessage, footer: footer(figures)
    ) { facts in
      // The page's rows come in order: the n-th is the n-th of the page's figures.
      defer { pageIndex += 1 }
      return row(facts, figures: figures, texts: pageFigures[pageIndex], now: now)
    }
  }

  /// For each column, its longest text over `rows`, longest by UTF-8 length (free to read, and
  /// never less than the display width), so the table sizes its columns for every row while it
  /// formats only a page. Columns whose text depends on the time are sized for the longest text
  /// they can take: dates and activity fit their minimum widths, and an active key with an
  /// expiry date can come to say ``longestExpiryText``.
  package static func widestTexts(_ rows: [KeyRowFacts]) -> [String] {
    var widest = [String](repeating: "", count: KeyColumn.allCases.count)
    func consider(_ column: KeyColumn, _ text: String) {
      if text.utf8.count > widest[column.rawValue].utf8.count { widest[column.rawValue] = text }
    }
    for facts in rows {
      consider(.name, facts.key.name)
      consider(.workspace, facts.workspaceName)
      consider(.createdBy, facts.creatorName)
      consider(.tokens, facts.tokensMTD.map(Format.tokens) ?? "")
      consider(.cost, facts.costMTD.map(Format.money) ?? "")
      consider(.flags, facts.flags.text)
      let expiring = facts.key.status == .active && facts.key.expiresAt != nil
      consider(.status, expiring ? longestExpiryText : facts.key.status.wire)
    }
    return widest
  }

  /// The longest status text: an active key in its last day (`expires 23h`).
  package static let longestExpiryText = "expires 23h"

  /// A row's month-to-date tokens and cost as the table writes them.
  package static func figures(_ facts: KeyRowFacts) -> TableTexts.KeyFigures {
    TableTexts.KeyFigures(
      tokens: facts.tokensMTD.map(Format.tokens), cost: facts.costMTD.map(Format.money))
  }

  /// One key's cells and role (`texts`: ``figures(_:)`` of the row, formatted once per page).
  static func row(
    _ facts: KeyRowFacts, figures: DashboardFigures, texts: TableTexts.KeyFigures, now: Date
  ) -> TableRow {
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
      case .tokens: texts.tokens ?? "…"
      case .cost: costText(texts.cost, figures: figures)
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

  private static func costText(_ cost: String?, figures: DashboardFigures) -> String {
    if let cost { return cost }
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
