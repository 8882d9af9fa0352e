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
      limits.append(
        LabeledValue(limitText(limiter.type), text, role: role(headroom: limiter.headroom)))
    }
    var overrides: [LabeledValue] = []
    for limiter in limiters {
      for item in Self.overrides(of: limiter, state: state) {
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
}
