import Foundation

/// The refresh schedule: how long each slot's data is fresh, and how long to wait after a
/// failure. Pure numbers and arithmetic; the reducer applies them.
///
/// Numbers (admin-api.md §13.8, §14): organization and rate limits 10 min; keys, members,
/// invites, workspaces and spend limits 5 min; the four report slots every refresh interval
/// (60 s by default); key activity 5 min; hourly usage per key 15 min. Failures back off 5 s,
/// 10 s, 20 s … capped at 5 min, never sooner than the server's `Retry-After` (itself capped at
/// 1 h against absurd values). With a jitter seed, each delay is stretched a little (never
/// shortened), so screens started together drift apart; the slots of one period keep asking
/// together (``refreshDelay(for:at:)``).
package struct RefreshPolicy: Hashable, Sendable {
  /// The smallest accepted report refresh interval: the API asks for about one report request
  /// a minute sustained; a shorter interval is allowed for demos but not below this.
  package static let minimumRefreshInterval: TimeInterval = 10
  /// The largest accepted report refresh interval (a day): beyond it the month-to-date figures
  /// would be older than the dashboard is useful.
  package static let maximumRefreshInterval: TimeInterval = 86_400

  package var refreshInterval: TimeInterval
  package var slowTTL: TimeInterval = 600
  package var listTTL: TimeInterval = 300
  package var activityTTL: TimeInterval = 300
  /// The hourly per-key report (the anomaly flag): 2 requests every 15 minutes. Its judged hour
  /// changes once an hour, so a burst shows 5 to 20 minutes after its hour ends.
  package var hourlyTTL: TimeInterval = 900
  package var backoffBase: TimeInterval = 5
  package var backoffCap: TimeInterval = 300
  package var retryAfterCap: TimeInterval = 3600
  /// After a 401 or 403, how long until the slot asks again on its own: a key can be
  /// re-enabled or given the permission, and a wall screen has nobody to press `r`.
  package var blockedRetry: TimeInterval = 300
  /// A fetch unanswered after this long is presumed lost and sent again.
  package var inFlightTimeout: TimeInterval = 300
  /// 0: no jitter. Otherwise each delay is stretched by a deterministic amount drawn from it
  /// (see ``refreshDelay(for:at:)`` and ``retryDelay(for:afterFailures:retryAfter:)``): the
  /// program draws it at random, tests inject one.
  package var jitterSeed: UInt64
  /// The most a successful refresh is put off by the jitter: a share of the period, and at
  /// most ``refreshJitterCap`` (seconds apart are enough to break the lockstep; the documented
  /// periods, the 15-minute hourly report's included, stay what they say).
  package var refreshJitterShare: Double = 0.1
  package var refreshJitterCap: TimeInterval = 15

  package init(refreshInterval: TimeInterval = 60, jitterSeed: UInt64 = 0) {
    self.refreshInterval = max(refreshInterval, Self.minimumRefreshInterval)
    self.jitterSeed = jitterSeed
  }

  /// The periods a resource can name (`DataSlot.resource`); each is a field of the policy.
  package enum Period: Hashable, Sendable, CaseIterable {
    /// ``slowTTL``: organization and rate limits.
    case slow
    /// ``listTTL``: keys, workspaces, members, invites, spend limits.
    case list
    /// ``refreshInterval``: the reports the screen shows live (`--refresh`).
    case reports
    /// ``activityTTL``: thirty days of activity per key.
    case activity
    /// ``hourlyTTL``: the hourly report per key (the anomaly flag).
    case hourly
  }

  /// How long a period is, in seconds.
  package func duration(of period: Period) -> TimeInterval {
    switch period {
    case .slow: slowTTL
    case .list: listTTL
    case .reports: refreshInterval
    case .activity: activityTTL
    case .hourly: hourlyTTL
    }
  }

  /// How long a successful fetch of a slot stays fresh: the period its resource names.
  package func ttl(for slot: DataSlot) -> TimeInterval { duration(of: slot.resource.period) }

  /// When a slot asked at `asked` and answered is due again: its ``ttl(for:)`` after the
  /// request, put off by the jitter by `[0, min(share × ttl, cap))`, drawn from the seed, the
  /// slot's period and the instant. One draw per period, not per slot: the slots of a period
  /// that were asked together (the four reports, the five lists) are asked together again, so
  /// the screen's figures come from one moment and the program wakes once a period for them,
  /// not once a slot (ARCHITECTURE.md, "What an idle second costs"). Screens with other seeds
  /// still drift apart.
  package func refreshDelay(for slot: DataSlot, at asked: Date) -> TimeInterval {
    let ttl = ttl(for: slot)
    let instant = UInt64(bitPattern: Int64(asked.timeIntervalSince1970.rounded(.down)))
    // Salted apart from the retry draws, which use the failure count, and indexed past the
    // slots, whose indices the retry draws use.
    let period = Period.allCases.firstIndex(of: slot.resource.period) ?? 0
    let draw = unitJitter(
      index: DataSlot.allCases.count + 1 + period, salt: instant ^ 0xA5A5_5A5A_0F0F_F0F0)
    return ttl + min(ttl * refreshJitterShare, refreshJitterCap) * draw
  }

  /// How long to wait before the next attempt after `failures` consecutive failures (1 for the
  /// first): `base × 2^(failures−1)` capped, then never less than the server's `Retry-After`.
  package func retryDelay(
    for slot: DataSlot, afterFailures failures: Int, retryAfter: TimeInterval?
  ) -> TimeInterval {
    let exponent = min(max(failures - 1, 0), 16)
    var delay = min(backoffBase * Double(1 << exponent), backoffCap)
    delay += delay * jitterFraction(slot: slot, failures: failures)
    if let retryAfter, retryAfter > 0 {
      delay = max(delay, min(retryAfter, retryAfterCap))
    }
    return delay
  }

  /// How long a slot refused with 401 or 403 waits before asking again: ``blockedRetry``,
  /// stretched by the jitter so the refused slots do not ask together.
  package func blockedDelay(for slot: DataSlot, afterFailures failures: Int) -> TimeInterval {
    blockedRetry + blockedRetry * jitterFraction(slot: slot, failures: failures)
  }

  /// How long to wait before the next probe of an ``Outage`` after `failures` failed probes:
  /// `base × 2^(failures−1)` stretched by the jitter, then capped so that the screen is back
  /// within one refresh interval of the API's return. Against 529 overloaded the backoff grows
  /// to ``overloadedProbeFloor`` instead, when that is longer. Never sooner than the server's
  /// `Retry-After`.
  package func probeDelay(afterFailures failures: Int, failure: FetchFailure) -> TimeInterval {
    let exponent = min(max(failures - 1, 0), 16)
    var delay = backoffBase * Double(1 << exponent)
    delay += delay * jitterFraction(index: DataSlot.allCases.count, failures: failures)
    let cap =
      failure.kind == .overloaded
      ? max(refreshInterval, Self.overloadedProbeFloor) : refreshInterval
    delay = min(delay, cap)
    if let retryAfter = failure.retryAfter, retryAfter > 0 {
      delay = max(delay, min(retryAfter, retryAfterCap))
    }
    return delay
  }

  /// The probe interval an overloaded API settles at: two probes a minute, each at most three
  /// requests with the client's own retries.
  package static let overloadedProbeFloor: TimeInterval = 30

  /// A deterministic fraction in [0, 0.2) from the seed, the slot and the attempt, so screens
  /// started together do not retry in lockstep while tests stay reproducible.
  private func jitterFraction(slot: DataSlot, failures: Int) -> Double {
    jitterFraction(index: slotIndex(slot), failures: failures)
  }

  private func jitterFraction(index: Int, failures: Int) -> Double {
    unitJitter(index: index, salt: UInt64(max(failures, 0))) * 0.2
  }

  private func slotIndex(_ slot: DataSlot) -> Int { DataSlot.allCases.firstIndex(of: slot) ?? 0 }

  /// A deterministic draw in [0, 1) from the seed, a slot's index and a salt; 0 without a seed.
  private func unitJitter(index: Int, salt: UInt64) -> Double {
    guard jitterSeed != 0 else { return 0 }
    let slotIndex = UInt64(index)
    var mixed = jitterSeed &+ slotIndex &* 0x9E37_79B9_7F4A_7C15 &+ salt
    // splitmix64 finaliser: a good spread from consecutive inputs.
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    mixed ^= mixed >> 31
    return Double(mixed % 10_000) / 10_000
  }
}
