import Foundation

extension KeyDetailViewModel {
  /// Every field of one key, its month-to-date usage and cost by model, and 30 days of tokens.
  package init(row: KeyRowFacts, state: DashboardState, figures: DashboardFigures, now: Date) {
    let key = row.key
    var fields = [
      LabeledValue("ID", key.id, role: .dim),
      LabeledValue("Hint", key.partialKeyHint ?? "—"),
      LabeledValue("Status", key.status.wire, role: KeyList.role(of: key, now: now)),
      LabeledValue("Workspace", row.workspaceName),
      LabeledValue("Created by", state.actorDescription(key.createdBy)),
      LabeledValue("Created", Format.dateTime(key.createdAt)),
      LabeledValue("Expires", key.expiresAt.map(Format.dateTime) ?? "never"),
    ]
    fields.append(LabeledValue("Principal", state.actorDescription(key.principal)))
    fields.append(
      LabeledValue("Last active", KeyList.lastActiveText(row.lastActive, now: now)))
    var sections = [DetailSection(title: "Key", rows: fields)]

    var tokenRows: [LabeledValue] = []
    if let tokens = figures.tokens {
      let byModel = tokens.byKeyAndModel[key.id] ?? [:]
      tokenRows = byModel.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        .map { LabeledValue($0.key, Format.tokens($0.value)) }
      tokenRows.append(
        LabeledValue("Total", Format.tokens(tokens.byKey[key.id] ?? 0), role: .accent))
    } else {
      tokenRows = [LabeledValue("Total", "…", role: .dim)]
    }
    sections.append(DetailSection(title: "Tokens, month to date (UTC)", rows: tokenRows))

    var costRows: [LabeledValue] = []
    if let cost = figures.cost, cost.isPerKeyAvailable {
      let byModel = cost.byKeyAndModel[key.id] ?? [:]
      costRows = byModel.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        .map { LabeledValue($0.key, Format.money($0.value)) }
      costRows.append(
        LabeledValue("Total", Format.money(cost.byKey[key.id] ?? .zero()), role: .accent))
    } else if figures.cost != nil {
      costRows = [LabeledValue("Total", "— (legacy reports have no per-key cost)", role: .dim)]
    } else {
      costRows = [LabeledValue("Total", "…", role: .dim)]
    }
    sections.append(DetailSection(title: "Cost, month to date (UTC)", rows: costRows))
    sections.append(
      DetailSection(
        title: "Flags",
        rows: Self.flagRows(key, state: state, activity: figures.activity, now: now)))

    var sparklines: [SparklineViewModel] = []
    if let activity = figures.activity {
      let series = activity.dailyTokens(for: key.id, through: now)
      sparklines.append(
        SparklineViewModel(
          title: "Tokens/day · last 30 days", values: series.map(Double.init),
          caption: "peak \(Format.tokens(series.max() ?? 0))/day"))
    }
    self.init(title: key.name, sections: sections, sparklines: sparklines)
  }

  /// One row per flag, its code and its reason; what could not be judged yet is said, so that
  /// "none" is never claimed on missing data (`activity`: the activity report's summary).
  static func flagRows(
    _ key: APIKey, state: DashboardState, activity: KeyActivity?, now: Date
  ) -> [LabeledValue] {
    var rows = state.keyFlags(for: key, activity: activity, now: now).map {
      LabeledValue($0.code, $0.reason, role: .warning)
    }
    if rows.isEmpty {
      rows.append(
        LabeledValue("—", key.status == .active ? "none" : "none (only active keys are flagged)"))
    }
    guard key.status == .active else { return rows }
    let pending: [(DataSlot, String)] = [
      (.keyActivity, "idle"), (.members, "creator gone"), (.workspaces, "Default workspace"),
      (.keyHourly, "usage spike"),
    ]
    let unknown = pending.filter { !state.hasValue($0.0) }.map(\.1)
    if !unknown.isEmpty {
      rows.append(
        LabeledValue(
          "…", "not judged yet (data loading): " + unknown.joined(separator: ", "), role: .dim))
    }
    return rows
  }
}
