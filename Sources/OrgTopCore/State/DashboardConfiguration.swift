import Foundation

/// How the dashboard was started: where its data comes from and the user's preferences that the
/// reducer and the view model need. Set once at start; never changed by the reducer.
package struct DashboardConfiguration: Hashable, Sendable {
  /// Whether the data is the embedded simulator's (demo) or a real organization's (live).
  package enum Mode: String, Hashable, Sendable {
    case demo
    case live
  }

  package var mode: Mode
  /// Where the data comes from, for the header, e.g. `simulator 127.0.0.1:41234` or
  /// `api.anthropic.com`. Never contains a credential.
  package var sourceLabel: String
  /// How often the usage and cost reports are refreshed, in seconds (default 60, the API's own
  /// guidance for reports). Values below ``RefreshPolicy/minimumRefreshInterval`` are raised.
  package var refreshInterval: TimeInterval
  /// A monthly budget in dollars, used for the gauge when the organization's spend limits cannot
  /// be read (admin-api.md §14).
  package var budget: Decimal?
  /// Read-only (`--read-only`, kiosk) mode: a badge, and no key action: the reducer offers
  /// none and never returns a write, and the runtime refuses any that reaches it.
  package var isReadOnly: Bool
  /// Whether the header clock is drawn, which makes the program's screen redraw once a second
  /// (else every 10 s, for the coarse status texts).
  package var showsClock: Bool
  /// Seed for the refresh and retry jitter (``RefreshPolicy``); 0 means no jitter (the plain
  /// periods and a fully deterministic backoff). The dashboard draws one per process.
  package var jitterSeed: UInt64
  /// The fraction of the limit at which the gauge warns (the `warn` setting, as `check`).
  package var warnAt: Decimal = Decimal(string: "0.8")!
  /// The fraction of the limit at which the gauge is critical (the `critical` setting).
  package var criticalAt: Decimal = Decimal(string: "0.95")!
  /// Ring the terminal bell when spend first reaches a threshold in a month (`--bell`).
  package var ringsBell = false
  /// The highest level a previous run already alerted for this organization (remembered by
  /// the host across restarts): a wall screen restarted by its service manager must not run
  /// `on_threshold` again for a crossing it announced. Ignored once its month has passed.
  package var alertedBefore: AlertedLevel?
  /// The configured profiles, for the picker (`P`); empty without a configuration file.
  package var profiles: [ProfileSummary] = []
  /// The profile shown, when the settings came from one.
  package var activeProfile: String?
  /// Kiosk mode, when on: read-only, the clock always shown, no hint bar, no dialog.
  package var kiosk: KioskSettings? {
    didSet {
      if kiosk != nil {
        isReadOnly = true
        showsClock = true
      }
    }
  }
  /// The thresholds of the key flags (idle days, anomaly factor).
  package var keyFlagRules = KeyFlagRules()

  /// Every setting has a default: a live dashboard of `api.anthropic.com`, refreshed every 60 s.
  package init(
    mode: Mode = .live, sourceLabel: String = "api.anthropic.com",
    refreshInterval: TimeInterval = 60, budget: Decimal? = nil,
    isReadOnly: Bool = false, showsClock: Bool = true, jitterSeed: UInt64 = 0
  ) {
    self.mode = mode
    self.sourceLabel = sourceLabel
    self.refreshInterval = refreshInterval
    self.budget = budget
    self.isReadOnly = isReadOnly
    self.showsClock = showsClock
    self.jitterSeed = jitterSeed
  }

  /// The refresh schedule these settings imply.
  package var refreshPolicy: RefreshPolicy {
    RefreshPolicy(refreshInterval: refreshInterval, jitterSeed: jitterSeed)
  }
}
