import Foundation

extension StatusBarViewModel {
  /// The slots whose age is "updated … ago": the reports refreshed every interval.
  static let freshnessSlots: [DataSlot] = [.monthCost, .dailyCost, .monthUsage, .recentUsage]

  /// Freshness on the left (in coarse steps: the idle screen changes rarely); the latest
  /// failure with its remedy and retry countdown on the right.
  package init(state: DashboardState, now: Date) {
    self.init(state: state, facts: SlotFacts(state), now: now)
  }

  /// The same line from `facts` gathered from `state` earlier (``DashboardProjector`` keeps
  /// them while the state is the same, so a tick only measures their instants against `now`).
  package init(state: DashboardState, facts: SlotFacts, now: Date) {
    let (cause, advice) = Self.failure(state, facts: facts, now: now)
    self.init(left: Self.left(state, facts: facts, now: now), cause: cause, advice: advice)
  }

  /// What the line reads of the data slots, gathered in one pass over them.
  package struct SlotFacts: Sendable {
    /// The oldest fetch among the ``freshnessSlots`` that hold a value.
    var oldestFetch: Date?
    /// When the longest-waiting fetch in flight went out.
    var oldestInFlight: Date?
    /// The next scheduled attempt of a slot that is neither blocked nor unsupported.
    var nextAttempt: Date?
    /// The failing slot the line names: a block (it needs the user) before a transient
    /// failure, then the latest; the first of equals.
    var worst: SlotStatus?

    package init(_ state: DashboardState) {
      for slot in DataSlot.allCases {
        let status = state[status: slot]
        if let fetched = status.fetchedAt, freshnessSlots.contains(slot), state.hasValue(slot) {
          oldestFetch = min(oldestFetch ?? fetched, fetched)
        }
        if let since = status.inFlightSince {
          oldestInFlight = min(oldestInFlight ?? since, since)
        }
        if !status.isBlocked, !status.isUnsupported, let next = status.nextAttempt {
          nextAttempt = min(nextAttempt ?? next, next)
        }
        if status.isFailing, worst.map({ Self.ranksBelow($0, status) }) ?? true {
          worst = status
        }
      }
    }

    private static func ranksBelow(_ lhs: SlotStatus, _ rhs: SlotStatus) -> Bool {
      if lhs.isBlocked != rhs.isBlocked { return !lhs.isBlocked }
      return (lhs.failedAt ?? .distantPast) < (rhs.failedAt ?? .distantPast)
    }
  }

  /// A fetch unanswered for this long is named: a server that accepts and never answers must
  /// not look like an ordinary refresh.
  static let hangNotice: TimeInterval = 5

  private static func left(_ state: DashboardState, facts: SlotFacts, now: Date) -> [StyledText] {
    var parts: [StyledText] = []
    if let oldest = facts.oldestFetch {
      parts.append(StyledText("updated \(Format.age(now.timeIntervalSince(oldest)))"))
    } else {
      parts.append(StyledText("loading…", role: .dim))
    }
    if let oldest = facts.oldestInFlight {
      let waited = now.timeIntervalSince(oldest)
      parts.append(
        waited >= hangNotice
          ? StyledText("no answer for \(Format.duration(waited))", role: .warning)
          : StyledText("refreshing…", role: .dim))
    } else if state.outage == nil, let next = facts.nextAttempt {
      parts.append(
        StyledText("next refresh \(Format.countdown(next.timeIntervalSince(now)))", role: .dim))
    }
    if let write = state.keyWrite.inFlight {
      parts.append(StyledText("\(write.action.progressive.lowercased()) '\(write.keyName)'…"))
    }
    return interleave(parts)
  }

  private static func failure(_ state: DashboardState, facts: SlotFacts, now: Date)
    -> (cause: [StyledText], advice: [StyledText])
  {
    if let notice = state.notice {
      return ([StyledText(notice, role: .danger)], [])
    }
    if let outcome = state.keyWrite.outcome {
      return ([StyledText(outcome.text, role: outcome.succeeded ? .good : .danger)], [])
    }
    if let outage = state.outage {
      return outageText(outage, now: now)
    }
    guard let worst = facts.worst, let failure = worst.lastFailure else { return ([], []) }
    let retry: String
    if worst.isBlocked {
      let next = worst.nextAttempt.map { " \(Format.countdown($0.timeIntervalSince(now)))" }
      retry = "retrying\(next ?? "") · r retries now"
    } else if let next = worst.nextAttempt {
      retry = "retrying \(Format.countdown(next.timeIntervalSince(now)))"
    } else {
      retry = "retrying"
    }
    if failure.kind == .rateLimited {
      return ([StyledText("rate limited, \(retry)", role: .warning)], [])
    }
    return (
      [StyledText(failure.message, role: .danger)],
      advice(
        remedy: failure.remedy, retry: StyledText(retry, role: worst.isBlocked ? .danger : .warning)
      )
    )
  }

  /// The remedy (when there is one), then when orgtop retries.
  private static func advice(remedy: String, retry: StyledText) -> [StyledText] {
    interleave((remedy.isEmpty ? [] : [StyledText(remedy)]) + [retry])
  }

  /// The API is failing as a whole: what happened, for how long once it is more than a
  /// minute, what to check, and when the next probe goes.
  private static func outageText(_ outage: Outage, now: Date)
    -> (cause: [StyledText], advice: [StyledText])
  {
    var cause = outage.failure.message
    let lasted = now.timeIntervalSince(outage.since)
    if lasted >= 60 { cause += ", for \(Format.duration(lasted))" }
    let retry =
      outage.probe != nil
      ? "retrying now…" : "retrying \(Format.countdown(outage.nextProbe.timeIntervalSince(now)))"
    return (
      [StyledText(cause, role: .danger)],
      advice(remedy: outage.failure.remedy, retry: StyledText(retry, role: .warning))
    )
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
