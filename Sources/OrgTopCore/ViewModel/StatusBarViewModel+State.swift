import Foundation

extension StatusBarViewModel {
  /// The slots whose age is "updated … ago": the reports refreshed every interval.
  static let freshnessSlots: [DataSlot] = [.monthCost, .dailyCost, .monthUsage, .recentUsage]

  /// Freshness on the left (in coarse steps: the idle screen changes rarely); the latest
  /// failure with its remedy and retry countdown on the right.
  package init(state: DashboardState, now: Date) {
    self.init(left: Self.left(state, now: now), right: Self.right(state, now: now))
  }

  private static func left(_ state: DashboardState, now: Date) -> [StyledText] {
    var parts: [StyledText] = []
    let fetched = freshnessSlots.compactMap {
      state.hasValue($0) ? state[status: $0].fetchedAt : nil
    }
    if let oldest = fetched.min() {
      parts.append(StyledText("updated \(Format.age(now.timeIntervalSince(oldest)))"))
    } else {
      parts.append(StyledText("loading…", role: .dim))
    }
    let statuses = DataSlot.allCases.map { state[status: $0] }
    if statuses.contains(where: \.isInFlight) {
      parts.append(StyledText("refreshing…", role: .dim))
    } else {
      let next = statuses.filter { !$0.isBlocked && !$0.isUnsupported }
        .compactMap(\.nextAttempt).min()
      if let next {
        parts.append(
          StyledText("next refresh \(Format.countdown(next.timeIntervalSince(now)))", role: .dim))
      }
    }
    return interleave(parts)
  }

  private static func right(_ state: DashboardState, now: Date) -> [StyledText] {
    if let notice = state.notice {
      return [StyledText(notice, role: .danger)]
    }
    let failing = DataSlot.allCases.map { state[status: $0] }.filter(\.isFailing)
    guard
      let worst = failing.max(by: { lhs, rhs in
        // A block (needs the user) outranks a transient failure; then the latest.
        if lhs.isBlocked != rhs.isBlocked { return !lhs.isBlocked }
        return (lhs.failedAt ?? .distantPast) < (rhs.failedAt ?? .distantPast)
      }), let failure = worst.lastFailure
    else { return [] }
    let retry: String
    if worst.isBlocked {
      retry = "press r to retry"
    } else if let next = worst.nextAttempt {
      retry = "retrying \(Format.countdown(next.timeIntervalSince(now)))"
    } else {
      retry = "retrying"
    }
    if failure.kind == .rateLimited {
      return [StyledText("rate limited, \(retry)", role: .warning)]
    }
    var parts = [StyledText(failure.message, role: .danger)]
    if !failure.remedy.isEmpty { parts.append(StyledText(failure.remedy)) }
    parts.append(StyledText(retry, role: worst.isBlocked ? .danger : .warning))
    return interleave(parts)
  }

  private static func interleave(_ parts: [StyledText]) -> [StyledText] {
    var result: [StyledText] = []
    for part in parts {
      if !result.isEmpty { result.append(StyledText(" · ", role: .dim)) }
      result.append(part)
    }
    return result
  }
}
