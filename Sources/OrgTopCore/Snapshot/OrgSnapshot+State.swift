import Foundation

extension OrgSnapshot {
  /// The snapshot of `state` at `now`, from the dashboard's own figures. Each part is `nil`
  /// while the data it needs did not load; what failed is listed in ``errors``.
  package init(state: DashboardState, now: Date, source: Source) {
    let deriver = Deriver()
    let figures = DashboardFigures(state: state, deriver: deriver, now: now)
    let breakdown = MonthBreakdown(
      usage: state.monthUsage.value, cost: state.monthCost.value,
      defaultWorkspaceID: state.workspaces.value?.first(where: \.isDefault)?.id)
    var source = source
    source.reports = state.reportSource?.rawValue
    self.init(
      generatedAt: now, source: source,
      organization: state.organization.value.map {
        OrganizationFacts(id: $0.id, name: $0.name, type: $0.type)
      },
      window: Window(start: figures.monthStart, end: figures.costAsOf),
      dataAgeSeconds: [:], errors: [])
    cost = figures.cost.map { Self.cost($0, breakdown: breakdown) }
    tokens = state.monthUsage.value.map { _ in Tokens(breakdown.tokens) }
    limit = Self.limit(figures)
    burn = Self.burn(figures)
    keys = Self.keys(
      state: state, rows: deriver.keyRows(of: state).rows, figures: figures,
      breakdown: breakdown, now: now)
    workspaces = Self.workspaces(state: state, breakdown: breakdown)
    members = Self.members(
      state: state, keys: keys, perKeyCost: figures.cost?.isPerKeyAvailable == true)
    rateLimits = Self.rateLimits(state: state, figures: figures)
    noKeyUsage = Self.noKeyUsage(state: state, breakdown: breakdown)
    for slot in DataSlot.allCases {
      let status = state[status: slot]
      // updateValue, not a subscript: assigning a nil `Int?` through the subscript would
      // remove the key, and every resource must be listed (null: never read).
      dataAgeSeconds.updateValue(
        status.fetchedAt.map { max(0, Int(now.timeIntervalSince($0).rounded(.down))) },
        forKey: slot.rawValue)
      if !status.hasSettled {
        errors.append(
          ResourceError(
            resource: slot.rawValue, kind: FetchFailure.Kind.timeout.rawValue, status: nil,
            message: "No answer before the timeout",
            remedy: "Check the network and the base URL, or raise --timeout"))
      } else if let failure = status.lastFailure, !status.isUnsupported {
        errors.append(
          ResourceError(
            resource: slot.rawValue, kind: failure.kind.rawValue, status: failure.status,
            message: failure.message, remedy: failure.remedy))
      }
    }
  }

  private static func cost(_ summary: CostSummary, breakdown: MonthBreakdown) -> Cost {
    Cost(
      totalUSD: Dollars(summary.total),
      keysUSD: summary.isPerKeyAvailable ? Dollars(summary.attributed) : nil,
      noKeyUSD: summary.isPerKeyAvailable ? Dollars(summary.unattributed) : nil,
      byModel: summary.byModel.keys.sorted().map { model in
        ModelCost(
          model: model, costUSD: summary.byModel[model].map(Dollars.init),
          tokens: breakdown.tokensByModel[model].map(Tokens.init))
      })
  }

  private static func limit(_ figures: DashboardFigures) -> Limit {
    guard let limit = figures.limit else {
      return Limit(resetsAt: figures.reset)
    }
    var result = Limit(
      source: CheckVerdict.sourceName(limit.source), amountUSD: Dollars(limit.amount),
      resetsAt: figures.reset)
    if let spent = figures.cost?.total, limit.amount.minorUnits > 0 {
      result.usedFraction = Format.rounded(spent.minorUnits / limit.amount.minorUnits, scale: 6)
      result.remainingUSD = Dollars(
        Money(minorUnits: max(0, limit.amount.minorUnits - spent.minorUnits)))
    }
    return result
  }

  private static func burn(_ figures: DashboardFigures) -> Burn? {
    guard let rate = figures.burnRate else { return nil }
    var days: Int?
    if case .completeDays(let count) = rate.window { days = count }
    var burn = Burn(
      usdPerDay: Dollars(Format.rounded(rate.perDay.majorUnits, scale: 6)),
      window: rate.windowLabel, windowDays: days, limitAlreadyReached: false)
    if let projection = figures.projection {
      burn.projectedMonthEndUSD = Dollars(Format.rounded(projection.monthEnd.majorUnits, scale: 6))
      switch projection.limitOutlook {
      case .reached(let date): burn.limitReachedAt = date
      case .alreadyReached: burn.limitAlreadyReached = true
      case .notAtThisRate, nil: break
      }
    }
    return burn
  }
}
