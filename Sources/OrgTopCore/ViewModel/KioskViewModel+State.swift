import Foundation

extension KioskViewModel {
  /// The pages a kiosk rotates through, in order: the big figures, then every view.
  package static let pageCount = 1 + AppView.allCases.count

  /// The kiosk's page at `now` and its alarm; `nil` outside kiosk mode.
  package init?(state: DashboardState, figures: DashboardFigures, now: Date) {
    guard let kiosk = state.configuration.kiosk else { return nil }
    let alarm = KioskAlarm(state: state, now: now)
    let index = kiosk.pageIndex(at: now, pageCount: Self.pageCount)
    guard index == 0 else {
      self.init(page: .view(AppView.allCases[index - 1]), alarm: alarm)
      return
    }
    var big = Self.bigFigures(state: state, figures: figures)
    if alarm != nil {
      // Old figures are drawn dim under the alarm: still there, plainly not current.
      for index in big.indices { big[index].role = .dim }
    }
    self.init(page: .figures(big), alarm: alarm)
  }

  /// Month-to-date spend, the share of the limit, and the month-end projection.
  package static func bigFigures(state: DashboardState, figures: DashboardFigures) -> [BigFigure] {
    let month = "\(Format.monthName(figures.monthStart).uppercased()) (UTC)"
    guard let cost = figures.cost else {
      let caption = pendingCaption(state)
      return [
        BigFigure(label: "SPEND · \(month)", value: "--", caption: caption, role: .dim),
        BigFigure(label: "OF THE LIMIT", value: "--", caption: caption, role: .dim),
        BigFigure(label: "PROJECTED MONTH-END", value: "--", caption: caption, role: .dim),
      ]
    }
    var spend = BigFigure(
      label: "SPEND · \(month)", value: Format.money(cost.total),
      caption: "no readable limit, no budget set", role: .accent)
    var share = BigFigure(
      label: "OF THE LIMIT", value: "--", caption: "no limit to measure against", role: .dim)
    if let limit = figures.limit {
      let (prefix, role) = UsageViewModel.level(
        spend: cost.total, limit: limit.amount, configuration: state.configuration)
      let left = UsageViewModel.remainingRow(spend: cost.total, limit: limit.amount).value
      spend.caption = "of \(Format.money(limit.amount)) \(limit.label) · remaining \(left)"
      spend.role = role
      if !prefix.isEmpty { spend.label += " · " + prefix.dropLast(2) }
      share = BigFigure(
        label: prefix.isEmpty ? "OF THE LIMIT" : "OF THE LIMIT · " + prefix.dropLast(2),
        value: Format.percent(UsageViewModel.ratio(cost.total, limit.amount)),
        caption: "resets \(Format.monthDay(figures.reset)) 00:00 UTC", role: role)
    }
    return [spend, share, projection(figures)]
  }

  private static func projection(_ figures: DashboardFigures) -> BigFigure {
    let label = "PROJECTED MONTH-END"
    guard let rate = figures.burnRate, let projection = figures.projection else {
      let caption = figures.daily == nil ? "loading the daily cost…" : "not enough data yet"
      return BigFigure(label: label, value: "--", caption: caption, role: .dim)
    }
    var caption = "at \(Format.perDay(rate.perDay)) (\(rate.windowLabel))"
    var role = TextRole.normal
    switch projection.limitOutlook {
    case .alreadyReached:
      caption += " · limit already reached"
      role = .danger
    case .reached(let date):
      caption += " · limit reached \(Format.monthDay(date))"
      role = .warning
    case .notAtThisRate:
      caption += " · within the limit"
    case nil:
      break
    }
    return BigFigure(
      label: role == .normal ? label : label + " · OVER THE LIMIT",
      value: Format.money(projection.monthEnd), caption: caption, role: role)
  }

  /// Why the figures are not there yet: loading, or the failure that keeps them away.
  private static func pendingCaption(_ state: DashboardState) -> String {
    if let outage = state.outage { return outage.failure.message }
    let status = state[status: .monthCost]
    if status.isFailing, let failure = status.lastFailure { return failure.message }
    return "loading month-to-date cost…"
  }
}

extension KioskAlarm {
  /// The alarm a wall screen shows: data older than twice its refresh period (how old, why,
  /// when orgtop retries), or no figures at all because the API keeps failing. `nil` when the
  /// data is fresh enough.
  package init?(state: DashboardState, now: Date) {
    let policy = state.configuration.refreshPolicy
    var oldest: Date?
    for slot in DataSlot.allCases where state.hasValue(slot) {
      guard let fetchedAt = state[status: slot].fetchedAt,
        now.timeIntervalSince(fetchedAt) > 2 * policy.ttl(for: slot)
      else { continue }
      oldest = min(oldest ?? fetchedAt, fetchedAt)
    }
    let headline: String
    if let oldest {
      headline =
        "STALE: data is \(Format.duration(now.timeIntervalSince(oldest))) old "
        + "(last updated \(Format.shortTime(oldest)))"
    } else if !state.hasValue(.monthCost),
      state.outage != nil || state[status: .monthCost].isFailing
    {
      headline = "NO DATA: the organization's figures could not be read"
    } else {
      return nil
    }
    let status = StatusBarViewModel(state: state, now: now)
    let cause = status.cause.map(\.text).joined()
    let advice = status.advice.map(\.text).joined()
    self.init(
      headline: headline,
      cause: cause.isEmpty ? "No error reported: the refresh is overdue" : cause,
      advice: advice.isEmpty ? "refreshing" : advice)
  }
}
