import Foundation

/// The flags of a key: a pure function of its facts, the rules and the instant.
///
/// Only active keys are flagged: an inactive, archived or expired key makes no requests, so
/// neither its hygiene nor its usage needs a look.
package enum KeyFlags {
  /// Every flag the facts raise, in ``KeyFlag/Kind`` order.
  package static func evaluate(_ facts: KeyFlagFacts, rules: KeyFlagRules, now: Date)
    -> [KeyFlag]
  {
    let key = facts.key
    guard key.status == .active else { return [] }
    var flags: [KeyFlag] = []
    if let idle = idleFlag(facts, rules: rules, now: now) { flags.append(idle) }
    if key.expiresAt == nil { flags.append(.noExpiry) }
    if facts.isInDefaultWorkspace == true { flags.append(.defaultWorkspace) }
    if let creator = key.createdBy, creator.kind == .user, let members = facts.memberIDs,
      !members.contains(creator.id)
    {
      flags.append(.creatorGone(creatorID: creator.id))
    }
    if let expiry = key.expiresAt {
      let left = expiry.timeIntervalSince(now)
      if left <= rules.expiryWindow { flags.append(.expiringSoon(at: expiry, secondsLeft: left)) }
    }
    if let (hourStart, figures) = facts.hourly, figures.lastHour >= rules.anomalyFloor,
      Double(figures.lastHour) > rules.anomalyFactor * figures.median
    {
      flags.append(.spike(hourStart: hourStart, tokens: figures.lastHour, median: figures.median))
    }
    return flags
  }

  /// The kinds only, as the table keeps them for every key.
  package static func kinds(_ facts: KeyFlagFacts, rules: KeyFlagRules, now: Date) -> KeyFlagSet {
    KeyFlagSet(evaluate(facts, rules: rules, now: now).map(\.kind))
  }

  /// Idle: unused for more than `idleDays` (counted from the end of the last day with usage,
  /// since the report has day precision), or never used.
  private static func idleFlag(_ facts: KeyFlagFacts, rules: KeyFlagRules, now: Date) -> KeyFlag? {
    let limit = TimeInterval(rules.idleDays) * 86_400
    switch facts.lastActive {
    case .day(let day):
      let lastPossibleUse = min(day.addingTimeInterval(86_400), now)
      let idle = now.timeIntervalSince(lastPossibleUse)
      guard idle > limit else { return nil }
      return .idle(lastUsedDay: day, days: Int(idle / 86_400))
    case .beforeWindow:
      // No use since the report's first day: idle at least that long, and no more is known.
      guard let start = facts.activityWindowStart else { return nil }
      let idle = now.timeIntervalSince(start)
      guard idle > limit else { return nil }
      return .idleSinceWindow(since: start, days: Int(idle / 86_400))
    case .never:
      return .neverUsed(created: facts.key.createdAt)
    case .unknown:
      return nil
    }
  }
}
