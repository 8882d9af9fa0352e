import Foundation

extension DashboardState {
  /// Every limiter of every rate-limit group (``RateLimitRow``, docs/views.md), filtered by
  /// ``rateLimitList``'s filter (group, type, models or limiter) and sorted (ties in the API's
  /// order). Computed when read, not stored: an organization has a dozen groups, and the peaks
  /// follow the last hour's report as it refreshes.
  package var rateLimitLines: [RateLimitLine] {
    var lines = RateLimitRow.rows(state: self, overrides: loadedOverrides).flatMap { row in
      row.limiters.map { RateLimitLine(row: row, limiter: $0) }
    }
    if let filter = rateLimitList.activeFilter {
      lines.removeAll { line in
        !([line.group, line.groupType, line.limiter.type] + line.models).contains {
          $0.lowercased().contains(filter)
        }
      }
    }
    let column = rateLimitList.sortColumn
    let descending = rateLimitList.sortDescending
    let keyed = lines.enumerated().map { (offset: $0.offset, line: $0.element) }
    return keyed.sorted { lhs, rhs in
      let order = Self.compare(lhs.line, rhs.line, by: column)
      if order != .orderedSame {
        return descending ? order == .orderedDescending : order == .orderedAscending
      }
      return lhs.offset < rhs.offset
    }.map(\.line)
  }

  /// Orders two lines by a column; an unmeasured peak or headroom sorts after every measured one.
  private static func compare(
    _ lhs: RateLimitLine, _ rhs: RateLimitLine, by column: RateLimitColumn
  )
    -> ComparisonResult
  {
    func order<T: Comparable>(_ left: T, _ right: T) -> ComparisonResult {
      left == right ? .orderedSame : left < right ? .orderedAscending : .orderedDescending
    }
    switch column {
    case .group: return order(lhs.group.lowercased(), rhs.group.lowercased())
    case .limit: return order(lhs.limiter.type, rhs.limiter.type)
    case .value: return order(lhs.limiter.value, rhs.limiter.value)
    case .peak: return order(lhs.limiter.peakPerMinute ?? -1, rhs.limiter.peakPerMinute ?? -1)
    case .headroom:
      return order(lhs.limiter.headroom ?? .infinity, rhs.limiter.headroom ?? .infinity)
    case .overrides: return order(lhs.limiter.overrides.count, rhs.limiter.overrides.count)
    }
  }
}
