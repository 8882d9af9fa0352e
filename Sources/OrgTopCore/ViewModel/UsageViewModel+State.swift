import Foundation

extension UsageViewModel {
  /// The usage pane: month-to-date spend against the limit, burn rate and projection, tokens,
  /// recent throughput and rate-limit headroom, with the window and freshness spelled out.
  package init(state: DashboardState, figures: DashboardFigures, now: Date) {
    self.init(state: state, figures: figures, instant: Instant(figures: figures, now: now))
    condition = Self.condition(state, now: now)
  }

  /// What the pane's rows read of the instant: the countdown to the reset (whole minutes) and
  /// the day the cost chart ends on. Between ticks that leave it equal (and the state equal)
  /// the rows are the same, so ``DashboardProjector`` keeps them.
  struct Instant: Hashable, Sendable {
    var countdown: String
    var chartDay: Date

    init(figures: DashboardFigures, now: Date) {
      countdown = Format.countdown(figures.reset.timeIntervalSince(now))
      chartDay = UTCCalendar.dayStart(containing: figures.dailyAsOf ?? now)
    }
  }

  /// The pane's rows as of `instant`; `condition` is `.ready` until set from
  /// ``condition(_:now:)``.
  init(state: DashboardState, figures: DashboardFigures, instant: Instant) {
    var rows: [LabeledValue] = []
    let pending = "…"
    var gauge: GaugeViewModel?
    if let cost = figures.cost {
      rows.append(LabeledValue("Spend MTD", Format.money(cost.total), role: .accent))
      if let limit = figures.limit {
        let fraction = Self.ratio(cost.total, limit.amount)
        let (level, role) = Self.level(
          spend: cost.total, limit: limit.amount, configuration: state.configuration)
        gauge = GaugeViewModel(
          fraction: fraction,
          label: level
            + "\(Format.percent(fraction)) of \(Format.money(limit.amount)) \(limit.label)",
          role: role)
      }
    } else {
      rows.append(LabeledValue("Spend MTD", pending, role: .dim))
    }
    rows.append(Self.limitRow(figures.limit, state: state))
    if let cost = figures.cost, let limit = figures.limit {
      rows.append(Self.remainingRow(spend: cost.total, limit: limit.amount))
    }
    rows += Self.outlookRows(figures)
    rows.append(
      LabeledValue(
        "Resets",
        "\(Format.monthDay(figures.reset)) 00:00 UTC (\(instant.countdown))"
      ))
    if let tokens = figures.tokens {
      rows.append(LabeledValue("Tokens MTD", Format.tokens(tokens.total)))
      rows.append(
        LabeledValue(
          "Requests MTD", tokens.requests.map(Format.integer) ?? "n/a (legacy reports)",
          role: tokens.requests == nil ? .dim : .normal))
      let unattributedCost = figures.cost.map { $0.isPerKeyAvailable ? $0.unattributed : .zero() }
      if tokens.unattributed > 0 || (unattributedCost ?? .zero()) > .zero() {
        var parts: [String] = []
        if let unattributedCost, figures.cost?.isPerKeyAvailable == true {
          parts.append(Format.money(unattributedCost))
        }
        parts.append("\(Format.tokens(tokens.unattributed)) tokens")
        rows.append(
          LabeledValue("No key", parts.joined(separator: " · ") + " (Console, Workbench)"))
      }
    } else {
      rows.append(LabeledValue("Tokens MTD", pending, role: .dim))
    }
    if let recent = figures.recent, let average = recent.average, let peak = recent.peak {
      rows.append(
        LabeledValue(
          "Tokens/min",
          "avg \(Format.tokens(average)) · peak \(Format.tokens(peak)) (last \(recent.perMinute.count) min)"
        ))
    }
    for headroom in figures.headroom {
      rows.append(Self.headroomRow(headroom))
    }
    self.init(
      title: "Usage · \(Format.monthName(figures.monthStart)) (UTC)",
      condition: .ready, gauge: gauge, rows: rows,
      sparklines: Self.sparklines(figures, chartDay: instant.chartDay),
      footnote: Self.footnote(figures))
  }

  /// How the pane stands at `now` (staleness ages read the instant every tick).
  static func condition(_ state: DashboardState, now: Date) -> PaneCondition {
    .of(
      state, primary: [.monthCost], secondary: [.dailyCost, .monthUsage, .recentUsage], now: now,
      loading: "Loading month-to-date usage…")
  }

  /// The gauge's level in words as well as colour: a prefix for the label that survives
  /// truncation and a monochrome terminal.
  static func level(spend: Money, limit: Money, configuration: DashboardConfiguration)
    -> (prefix: String, role: TextRole)
  {
    switch SpendLevel(
      spend: spend, limit: limit, warnAt: configuration.warnAt,
      criticalAt: configuration.criticalAt)
    {
    case .normal: ("", .good)
    case .warning: ("WARNING: ", .warning)
    case .critical: ("CRITICAL: ", .danger)
    case .overLimit: ("OVER LIMIT: ", .danger)
    }
  }

  static func ratio(_ part: Money, _ whole: Money) -> Double {
    guard whole.minorUnits > 0 else { return 0 }
    return NSDecimalNumber(decimal: part.minorUnits / whole.minorUnits).doubleValue
  }

  /// What is left under the limit in dollars, exact (cents minus cents), or by how much the
  /// spend is over it.
  static func remainingRow(spend: Money, limit: Money) -> LabeledValue {
    let left = limit.minorUnits - spend.minorUnits
    if left < 0 {
      let over = Money(minorUnits: -left, currency: limit.currency)
      return LabeledValue("Remaining", "none: over by \(Format.money(over))", role: .danger)
    }
    return LabeledValue(
      "Remaining", Format.money(Money(minorUnits: left, currency: limit.currency)))
  }

  private static func limitRow(_ limit: GaugeLimit?, state: DashboardState) -> LabeledValue {
    if let limit {
      return LabeledValue("Limit", "\(Format.money(limit.amount)) (\(limit.label))")
    }
    let status = state.spendLimits.status
    if state.spendLimits.value == nil, !status.isUnsupported, !status.isFailing {
      return LabeledValue("Limit", "…", role: .dim)
    }
    return LabeledValue("Limit", "none (no readable limit, no budget set)", role: .dim)
  }

  private static func outlookRows(_ figures: DashboardFigures) -> [LabeledValue] {
    guard figures.cost != nil else { return [] }
    guard let rate = figures.burnRate, let projection = figures.projection else {
      // The daily series is its own report: until it arrives the rate is loading, not missing.
      let text = figures.daily == nil ? "…" : "— (not enough data yet)"
      return [LabeledValue("Burn rate", text, role: .dim)]
    }
    var rows = [
      LabeledValue("Burn rate", "\(Format.perDay(rate.perDay)) (\(rate.windowLabel))")
    ]
    let over = figures.limit.map { projection.monthEnd > $0.amount } ?? false
    rows.append(
      LabeledValue(
        "Month-end", "\(Format.money(projection.monthEnd)) projected",
        role: over ? .warning : .normal))
    switch projection.limitOutlook {
    case .alreadyReached: rows.append(LabeledValue("Limit reached", "already", role: .danger))
    case .reached(let date):
      rows.append(LabeledValue("Limit reached", "on \(Format.monthDay(date))", role: .danger))
    case .notAtThisRate:
      rows.append(LabeledValue("Limit reached", "not at this rate", role: .good))
    case nil: break
    }
    return rows
  }

  private static func headroomRow(_ headroom: RecentUsage.Headroom) -> LabeledValue {
    var parts: [String] = []
    if let input = headroom.input { parts.append("input \(Format.percent(input))") }
    if let output = headroom.output { parts.append("output \(Format.percent(output))") }
    if let requests = headroom.requests { parts.append("requests \(Format.percent(requests))") }
    let least = [headroom.input, headroom.output, headroom.requests].compactMap { $0 }.min()
    let role: TextRole = least.map { $0 < 0.05 ? .danger : ($0 < 0.2 ? .warning : .good) } ?? .dim
    return LabeledValue(
      "Headroom \(headroom.groupName)",
      parts.isEmpty ? "no per-minute limits" : parts.joined(separator: " · ") + " left at peak",
      role: role)
  }

  private static func sparklines(_ figures: DashboardFigures, chartDay: Date)
    -> [SparklineViewModel]
  {
    var result: [SparklineViewModel] = []
    if let recent = figures.recent {
      result.append(
        SparklineViewModel(
          title: "Tokens/min · last 60 min", values: recent.perMinute.map(Double.init),
          caption: recent.peak.map { "peak \(Format.tokensPerMinute($0))" } ?? "no data yet"))
    }
    if let daily = figures.daily {
      // The chart runs through the day of the data (or today); only the day matters.
      let asOf = chartDay
      result.append(
        SparklineViewModel(
          title: "Cost/day · \(Format.monthName(figures.monthStart))",
          values: daily.dailyDollars(from: figures.monthStart, through: asOf),
          caption: "today \(Format.money(daily.cost(onDayOf: asOf)))"))
    }
    return result
  }

  private static func footnote(_ figures: DashboardFigures) -> String {
    guard let asOf = figures.costAsOf else { return "UTC · month to date" }
    return figures.costAsOfIsReported
      ? "UTC · month to date · data as of \(Format.shortTime(asOf))"
      : "UTC · month to date · data ≈5 min behind (legacy reports)"
  }
}
