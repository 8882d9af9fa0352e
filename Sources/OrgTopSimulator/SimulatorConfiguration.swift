import Foundation

/// Everything that shapes one simulated organization and its server: the seed, the size, the
/// switches of admin-api.md §15.5, fault injection, the accepted admin key and the clock.
package struct SimulatorConfiguration: Sendable {
  /// Whether the Usage & Cost Analytics API is served (admin-api.md §13.1).
  package enum Analytics: String, Sendable, CaseIterable {
    /// `/analytics/*` answer normally (with the beta header).
    case available
    /// `/analytics/*` answer 404 `not_found_error`, as a server without the API would.
    case absent
  }

  /// Whether `GET /spend_limits` can be read (admin-api.md §12.2).
  package enum SpendLimits: String, Sendable, CaseIterable {
    /// The list answers normally (with the beta header).
    case readable
    /// The list answers 400 `organization_type_not_supported`.
    case unsupported
  }

  /// The seed of the world: one seed, one organization.
  package var seed: UInt64
  /// How many API keys the organization has (30–60 is typical; tens of thousands work).
  package var keyCount: Int
  /// The number of API keys when none is asked for: the same for the dashboard's demo
  /// (`--keys`), `orgtop simulate --keys` and a configuration built in code, so a figure seen
  /// in the demo is the one `orgtop simulate` serves.
  package static let defaultKeyCount = 48
  /// `true` stops the world at start-up: no new usage, stable figures.
  package var frozen: Bool
  package var analytics: Analytics
  package var spendLimits: SpendLimits
  /// Fault injection rules, applied in order.
  package var faults: [FaultRule]
  /// The admin key the server accepts; `nil` generates a throwaway `sk-ant-admin01-…` key.
  package var adminKey: String?
  /// The current time. Inject a manual clock in tests; the world advances lazily from it.
  package var clock: @Sendable () -> Date
  /// The port to bind on 127.0.0.1; `0` picks a free one.
  package var port: Int
  /// Called after each request with its log entry (never holds a key), e.g. for `--log`.
  package var onRequest: (@Sendable (RequestLogEntry) -> Void)?
  /// The demo's stories for the key flags (``FlagShowcase``): keys created by a member who has
  /// left, and a key whose usage bursts. Off by default, so the world of a seed stays the one
  /// the conformance checks and the determinism tests read.
  package var showcasesKeyFlags = false

  package init(
    seed: UInt64 = 42, keyCount: Int = defaultKeyCount, frozen: Bool = false,
    analytics: Analytics = .available,
    spendLimits: SpendLimits = .readable, faults: [FaultRule] = [], adminKey: String? = nil,
    clock: @escaping @Sendable () -> Date = { Date() }, port: Int = 0,
    onRequest: (@Sendable (RequestLogEntry) -> Void)? = nil
  ) {
    self.seed = seed
    self.keyCount = keyCount
    self.frozen = frozen
    self.analytics = analytics
    self.spendLimits = spendLimits
    self.faults = faults
    self.adminKey = adminKey
    self.clock = clock
    self.port = port
    self.onRequest = onRequest
  }
}
