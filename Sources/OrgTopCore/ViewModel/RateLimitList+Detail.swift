import Foundation

extension RateLimitList {
  /// The selected limit's group in detail: each of its limits with the value, the last hour's
  /// busiest minute and the headroom, and the workspaces that set their own value (by name),
  /// or how many workspaces are still to be read. `nil` when no limit is selected.
  package static func detail(state: DashboardState) -> KeyDetailViewModel? {
    let lines = state.rateLimitLines
    guard let index = state.rateLimitList.selectedRowIndex(in: lines) else { return nil }
    let group = lines[index].group
    let limiters = lines.filter { $0.group == group }.map(\.limiter)
    var limits: [LabeledValue] = []
    for limiter in limiters {
      var text = Format.integer(limiter.value)
      if let peak = limiter.peakPerMinute {
        text += " · peak \(Format.integer(peak))"
        if let headroom = limiter.headroom { text += " · \(Format.percent(headroom)) left" }
      } else {
        text += " · not measured"
      }
      limits.append(LabeledValue(limitText(limiter.type), text, role: role(limiter.headroom)))
    }
    var names: [String: String] = [:]
    for workspace in state.workspaces.value ?? [] { names[workspace.id] = workspace.name }
    var overrides: [LabeledValue] = []
    for limiter in limiters {
      var items: [(name: String, value: Int)] = []
      for (id, value) in limiter.overrides { items.append((name: names[id] ?? id, value: value)) }
      items.sort { $0.name == $1.name ? $0.value < $1.value : $0.name < $1.name }
      for item in items {
        overrides.append(
          LabeledValue(item.name, "\(limitText(limiter.type)) \(Format.integer(item.value))"))
      }
    }
    let progress = state.overridesProgress
    if progress.read < progress.of {
      // Unknown is not none: say how far the reading is.
      overrides.append(
        LabeledValue("…", "\(progress.read) of \(progress.of) workspaces read", role: .dim))
    } else if overrides.isEmpty {
      overrides.append(LabeledValue("none", "every workspace uses these values", role: .dim))
    }
    return KeyDetailViewModel(
      title: "Rate limit · \(group)",
      sections: [
        DetailSection(title: "Limits · peak: busiest minute, last hour", rows: limits),
        DetailSection(title: "Workspace overrides", rows: overrides),
      ],
      sparklines: [])
  }

  /// A limit's role by its headroom: a warning when tight, danger when exceeded.
  private static func role(_ headroom: Double?) -> TextRole {
    switch headroom {
    case .some(let value) where value < 0: .danger
    case .some(let value) where value < tightHeadroom: .warning
    default: .normal
    }
  }
}
