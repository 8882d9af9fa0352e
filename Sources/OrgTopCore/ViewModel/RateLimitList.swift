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
      emptyMessage: emptyMessage,
      footer: "PEAK 1H: busiest minute of the last hour · HEADROOM: 1 − peak ÷ value"
    ) { row($0) }
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
  static func row(_ line: RateLimitLine) -> TableRow {
    let limiter = line.limiter
    let cells = RateLimitColumn.allCases.map { column -> String in
      switch column {
      case .group: line.group
      case .limit: limitText(limiter.type)
      case .value: Format.integer(limiter.value)
      case .peak: limiter.peakPerMinute.map(Format.integer) ?? "—"
      case .headroom: limiter.headroom.map(Format.percent) ?? "—"
      }
    }
    let role: TextRole
    switch limiter.headroom {
    case .some(let headroom) where headroom < 0: role = .danger
    case .some(let headroom) where headroom < tightHeadroom: role = .warning
    default: role = .normal
    }
    return TableRow(id: line.listID, cells: cells, role: role)
  }
}
