import Foundation

/// The API as a whole is failing: the network is gone, the server hangs, or it answers 529
/// overloaded. Every resource would fail the same way, so while an outage lasts one fetch at a
/// time (the probe) asks on the outage's own backoff and the others wait; the probe's success
/// ends it and every resource that missed its refresh is fetched at once. An overloaded API
/// sees a few requests a minute instead of every resource retrying in lockstep, and the screen
/// is back within one probe interval (at most the refresh interval) of the API's return.
package struct Outage: Hashable, Sendable {
  /// When the first failure of this outage arrived.
  package var since: Date
  /// The latest failure, said for the user.
  package var failure: FetchFailure
  /// Probes that failed so far (the first failure counts as one).
  package var failedProbes: Int
  /// When the next probe may be sent.
  package var nextProbe: Date
  /// The slot sent as the probe, while it is out.
  package var probe: DataSlot?

  package init(
    since: Date, failure: FetchFailure, failedProbes: Int = 1, nextProbe: Date,
    probe: DataSlot? = nil
  ) {
    self.since = since
    self.failure = failure
    self.failedProbes = failedProbes
    self.nextProbe = nextProbe
    self.probe = probe
  }

  /// Whether a failure says the whole API is failing rather than one resource: the transport
  /// (refused, reset, DNS, a hang) or 529 overloaded. A 500 or a malformed body may be one
  /// endpoint's, and a 429 carries its own `Retry-After`: those stay with their slot.
  package static func isAPIWide(_ failure: FetchFailure) -> Bool {
    switch failure.kind {
    case .network, .timeout, .overloaded: true
    default: false
    }
  }
}
