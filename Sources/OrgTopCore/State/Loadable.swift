import Foundation

/// The fetch bookkeeping of one ``DataSlot``: when it last succeeded, whether a fetch is in
/// flight, the last failure and when to try next.
package struct SlotStatus: Hashable, Sendable {
  /// When the value was last replaced by a successful fetch.
  package var fetchedAt: Date?
  /// When the fetch in flight was sent; `nil` when none is (single flight per slot).
  package var inFlightSince: Date?
  /// The request in flight (or the last one sent), to tell a stale window's answer apart.
  package var request: DataRequest?
  /// The last failure; cleared by the next success.
  package var lastFailure: FetchFailure?
  package var failedAt: Date?
  package var consecutiveFailures: Int
  /// When the slot is due again; `nil` means due now.
  package var nextAttempt: Date?
  /// A 401/403: the key needs a person. The slot asks again only after
  /// ``RefreshPolicy/blockedRetry`` (or at once on `r`).
  package var isBlocked: Bool
  /// The organization cannot read this resource (spend limits on some organizations): not
  /// asked again this session.
  package var isUnsupported: Bool

  package init(
    fetchedAt: Date? = nil, inFlightSince: Date? = nil, request: DataRequest? = nil,
    lastFailure: FetchFailure? = nil, failedAt: Date? = nil, consecutiveFailures: Int = 0,
    nextAttempt: Date? = nil, isBlocked: Bool = false, isUnsupported: Bool = false
  ) {
    self.fetchedAt = fetchedAt
    self.inFlightSince = inFlightSince
    self.request = request
    self.lastFailure = lastFailure
    self.failedAt = failedAt
    self.consecutiveFailures = consecutiveFailures
    self.nextAttempt = nextAttempt
    self.isBlocked = isBlocked
    self.isUnsupported = isUnsupported
  }

  package var isInFlight: Bool { inFlightSince != nil }

  /// Whether the last attempt failed (the value, if any, is stale).
  package var isFailing: Bool { consecutiveFailures > 0 && !isUnsupported }

  /// Whether a fetch should be sent at `now`.
  package func isDue(at now: Date) -> Bool {
    guard !isInFlight, !isUnsupported else { return false }
    guard let nextAttempt else { return true }
    return nextAttempt <= now
  }
}

/// A slot's last good value with its fetch bookkeeping. The value survives failures: the
/// screen keeps showing it, marked stale.
package struct Loadable<Value: Hashable & Sendable>: Hashable, Sendable {
  package var value: Value?
  package var status: SlotStatus

  package init(value: Value? = nil, status: SlotStatus = SlotStatus()) {
    self.value = value
    self.status = status
  }
}
