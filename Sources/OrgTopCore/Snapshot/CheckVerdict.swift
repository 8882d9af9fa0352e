import Foundation

/// What `orgtop check` concludes from one read: an exit status for cron and CI, the figures it
/// judged, and for a failure the cause and the remedy. Pure: a function of the settled state.
///
/// Order of judgement: an authentication or permission failure (4) first; then anything the
/// verdict needs that could not be read, or a read that timed out (3); then the organization
/// (5, with `--expect-org`); then the thresholds (2 critical, 1 warning, 0 ok). Only the
/// resources the verdict needs count: the organization, month-to-date cost, spend limits (unless
/// a budget stands in), and with `--projected` the daily cost series.
package struct CheckVerdict: Hashable, Sendable {
  /// The outcome, with its exit status.
  package enum Status: String, Hashable, Sendable {
    case ok
    case warning
    case critical
    /// The API could not be read: network, timeout, 5xx, malformed answer.
    case unreadable = "api_error"
    /// 401/403, or no key.
    case authentication = "auth_error"
    case organizationMismatch = "org_mismatch"

    /// The documented exit status.
    package var exitCode: Int32 {
      switch self {
      case .ok: 0
      case .warning: 1
      case .critical: 2
      case .unreadable: 3
      case .authentication: 4
      case .organizationMismatch: 5
      }
    }
  }

  /// The thresholds, as fractions of the limit.
  package struct Thresholds: Hashable, Sendable {
    package var warning: Decimal
    package var critical: Decimal
    /// Judge the projected month-end figure instead of the spend so far.
    package var projected: Bool

    package init(warning: Decimal = 0.8, critical: Decimal = 0.95, projected: Bool = false) {
      self.warning = warning
      self.critical = critical
      self.projected = projected
    }
  }

  package var status: Status
  package var organization: Organization?
  package var spend: Money?
  package var projected: Money?
  package var limit: GaugeLimit?
  /// The judged figure (spend, or the projection) ÷ the limit.
  package var fraction: Decimal?
  package var thresholds: Thresholds
  /// For a failure: what happened, and what to do.
  package var cause: String?
  package var remedy: String?

  /// Judges a read. `settled` is whether every resource answered before the timeout;
  /// `expectedOrganization` is an id or a name.
  package init(
    state: DashboardState, now: Date, settled: Bool, thresholds: Thresholds,
    expectedOrganization: String?
  ) {
    let figures = DashboardFigures(state: state, now: now)
    self.thresholds = thresholds
    organization = state.organization.value
    spend = figures.cost?.total
    projected = figures.projection?.monthEnd
    limit = figures.limit
    status = .ok
    var needed: [DataSlot] = [.organization, .monthCost]
    if state.configuration.budget == nil { needed.append(.spendLimits) }
    if thresholds.projected { needed.append(.dailyCost) }
    if let blocked = DataSlot.allCases.first(where: { state[status: $0].isBlocked }) {
      fail(.authentication, state[status: blocked].lastFailure)
      return
    }
    for slot in needed {
      let slotStatus = state[status: slot]
      if slotStatus.isUnsupported { continue }
      if slotStatus.lastFailure != nil || !slotStatus.hasSettled {
        fail(.unreadable, slotStatus.lastFailure)
        if slotStatus.lastFailure == nil {
          cause =
            settled ? "No answer for \(slot.rawValue)" : "Timed out waiting for \(slot.rawValue)"
          remedy = "Check the network and the base URL, or raise --timeout"
        }
        return
      }
    }
    if let expected = expectedOrganization, let organization,
      organization.id != expected, organization.name != expected
    {
      status = .organizationMismatch
      cause = "The key belongs to \(organization.name) (\(organization.id)), not \(expected)"
      remedy = "Use the admin key of \(expected), or correct --expect-org"
      return
    }
    let judged = thresholds.projected ? projected : spend
    guard let limit, limit.amount.minorUnits > 0, let judged else { return }
    let fraction = judged.minorUnits / limit.amount.minorUnits
    self.fraction = fraction
    if fraction >= thresholds.critical {
      status = .critical
    } else if fraction >= thresholds.warning {
      status = .warning
    }
  }

  private mutating func fail(_ status: Status, _ failure: FetchFailure?) {
    self.status = status
    cause = failure?.message
    remedy = failure?.remedy
  }

  /// The status of a read for commands that report rather than judge (`snapshot`, `keys`):
  /// 4 when a key was refused, 3 when anything failed or the read timed out, else 0.
  package static func readStatus(state: DashboardState, settled: Bool) -> Status {
    if DataSlot.allCases.contains(where: { state[status: $0].isBlocked }) {
      return .authentication
    }
    let failed = DataSlot.allCases.contains {
      state[status: $0].lastFailure != nil && !state[status: $0].isUnsupported
    }
    return failed || !settled ? .unreadable : .ok
  }
}
