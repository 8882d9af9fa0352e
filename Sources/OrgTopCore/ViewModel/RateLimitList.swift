import Foundation

/// The rate-limits view on the list engine: one line per limiter of every group, with its
/// configured value, the last hour's busiest minute and the headroom left (``RateLimitRow``,
/// docs/views.md). Formatting happens here.
package enum RateLimitList {
  /// Where the rate-limits list lives: ``DashboardState/rateLimitList`` over
  /// ``DashboardState/rateLimitLines``.
  package static var binding: ListBinding<DashboardState, RateLimitColumn, RateLimitLine> {
    ListBinding(list: \.rateLimitList, rows: \.rateLimitLines)
  }

  /// Headroom below this is drawn as a warning (and said: the number is there).
  package static let tightHeadroom = 0.2

  /// The columns, in ``RateLimitColumn`` order.
  package static let columns: [ListColumn] = RateLimitColumn.allCases.map { column in
    let (width, priority): (ListColumn.Width, Int) =
      switch column {
      case .group: (.flex(min: 12), 0)
      case .limit: (.min(12), 1)
      case .value: (.min(10), 2)
      case .peak: (.min(10), 4)
      case .headroom: (.min(9), 3)
      case .overrides: (.min(9), 5)
      }
    let alignment: ListColumn.Alignment = column == .group || column == .limit ? .left : .right
    return ListColumn(
      header: column.title, width: width, alignment: alignment, priority: priority,
      sortKey: column.position)
  }

  /// The rate-limits table.
  package static func table(state: DashboardState, now: Date) -> ListTableViewModel {
    let list = state.rateLimitList
    let lines = state.rateLimitLines
    let groups = state.rateLimits.value?.count
    let title: String
    if let groups {
      title =
        list.filter?.isEmpty == false
        ? "Rate limits (\(lines.count) limits match, \(groups) groups)"
        : "Rate limits (\(groups) groups, \(lines.count) limits)"
    } else {
      title = "Rate limits"
    }
    let emptyMessage: String
    if let filter = list.filter, !filter.isEmpty {
      emptyMessage = "No limits match \"\(filter)\""
    } else {
      emptyMessage = state.rateLimits.value == nil ? "Loading rate limits…" : "No rate limits"
    }
    return ListTableViewModel(
      title: title,
      condition: .of(
        state, primary: [.rateLimits], secondary: [.recentUsage], now: now,
        loading: "Loading rate limits…"),
      columns: columns, list: list, rows: lines, widestCells: [],
      emptyMessage: emptyMessage, footer: footer(state, lines: lines)
    ) { [complete = state.overridesProgress.read == state.overridesProgress.of] in
      row($0, overridesComplete: complete)
    }
  }

  /// The selected limit's overrides by workspace name, or how many workspaces have been read
  /// (OVERRIDES says "…" until every one has), or what the columns mean.
  static func footer(_ state: DashboardState, lines: [RateLimitLine]) -> String {
    let progress = state.overridesProgress
    if let index = state.rateLimitList.selectedRowIndex(in: lines),
      !lines[index].limiter.overrides.isEmpty
    {
      let texts = overrides(of: lines[index].limiter, state: state).map {
        "\($0.name) \(Format.integer($0.value))"
      }
      return "Overrides: " + texts.joined(separator: " · ")
    }
    if progress.read < progress.of {
      return "Reading workspace overrides: \(progress.read) of \(progress.of) workspaces"
    }
    return "PEAK 1H: busiest minute of the last hour · HEADROOM: 1 − peak ÷ value"
  }

  /// A limiter's overrides by workspace name (the id where the workspace is not listed), in
  /// name order.
  static func overrides(of limiter: RateLimitRow.Limiter, state: DashboardState)
    -> [(name: String, value: Int)]
  {
    var names: [String: String] = [:]
    for workspace in state.workspaces.value ?? [] { names[workspace.id] = workspace.name }
    var items: [(name: String, value: Int)] = []
    for (id, value) in limiter.overrides { items.append((name: names[id] ?? id, value: value)) }
    items.sort { $0.name == $1.name ? $0.value < $1.value : $0.name < $1.name }
    return items
  }

  /// A limit's role by its headroom: a warning when tight, danger when exceeded (the number
  /// says it too).
  static func role(headroom: Double?) -> TextRole {
    switch headroom {
    case .some(let value) where value < 0: .danger
    case .some(let value) where value < tightHeadroom: .warning
    default: .normal
    }
  }

  /// A limiter's type in words: the three measured ones shortened, any other as sent.
  package static func limitText(_ type: String) -> String {
    switch type {
    case "requests_per_minute": "requests/min"
    case "input_tokens_per_minute": "input tokens/min"
    case "output_tokens_per_minute": "output tokens/min"
    default: type
    }
  }

  /// One limiter's cells; a tight or exceeded headroom is drawn as a warning or danger, and
  /// its number says it too.
  /// OVERRIDES counts the workspaces with their own value; "…" until every workspace has
  /// been read and none of those read has one (unknown is not zero), "n+" while some are
  /// known and others are not.
  static func row(_ line: RateLimitLine, overridesComplete: Bool) -> TableRow {
    let limiter = line.limiter
    let cells = RateLimitColumn.allCases.map { column -> String in
      switch column {
      case .group: line.group
      case .limit: limitText(limiter.type)
      case .value: Format.integer(limiter.value)
      case .peak: limiter.peakPerMinute.map(Format.integer) ?? "—"
      case .headroom: limiter.headroom.map(Format.percent) ?? "—"
      case .overrides:
        overridesComplete
          ? "\(limiter.overrides.count)"
          : limiter.overrides.isEmpty ? "…" : "\(limiter.overrides.count)+"
      }
    }
    return TableRow(id: line.listID, cells: cells, role: role(headroom: limiter.headroom))
  }
}
