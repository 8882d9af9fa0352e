import Foundation

/// The refresh schedule: how long each slot's data is fresh, and how long to wait after a
/// failure. Pure numbers and arithmetic; the reducer applies them.
///
/// Numbers (admin-api.md §13.8, §14): organization and rate limits 10 min; keys, members,
/// invites, workspaces and spend limits 5 min; the four report slots every refresh interval
/// (60 s by default); key activity 5 min; hourly usage per key 15 min. Failures back off 5 s, 10 s, 20 s … capped at 5 min,
/// never sooner than the server's `Retry-After` (itself capped at 1 h against absurd values).
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
  /// 0: no jitter. Otherwise each delay is stretched by a deterministic 0–20 % drawn from it.
  package var jitterSeed: UInt64

  package init(refreshInterval: TimeInterval = 60, jitterSeed: UInt64 = 0) {
    self.refreshInterval = max(refreshInterval, Self.minimumRefreshInterval)
    self.jitterSeed = jitterSeed
  }

  /// How long a successful fetch of a slot stays fresh: the field its resource names
  /// (`DataSlot.resource`).
  package func ttl(for slot: DataSlot) -> TimeInterval { self[keyPath: slot.resource.period] }

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
    jitterFraction(index: DataSlot.allCases.firstIndex(of: slot) ?? 0, failures: failures)
  }

  private func jitterFraction(index: Int, failures: Int) -> Double {
    guard jitterSeed != 0 else { return 0 }
    let slotIndex = UInt64(index)
    var mixed = jitterSeed &+ slotIndex &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(max(failures, 0))
    // splitmix64 finaliser: a good spread from consecutive inputs.
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    mixed ^= mixed >> 31
    return Double(mixed % 10_000) / 10_000 * 0.2
  }
}
