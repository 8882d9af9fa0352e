import Foundation

extension OverviewViewModel {
  /// The limiter types the overview names, with their short units, in the order shown.
  private static let overviewLimiters = [
    ("requests_per_minute", " RPM"), ("input_tokens_per_minute", " in/min"),
    ("output_tokens_per_minute", " out/min"),
  ]

  /// `Rate limits  Sonnet 4.x 4,000 RPM · 2 M in/min · 400 k out/min · +2 groups`: the
  /// configured values (not only the headroom) of the model group with the most tokens this
  /// month (the first model group before usage is known), and how many other groups there are.
  static func rateLimits(_ state: DashboardState, tokens: TokenSummary?) -> LabeledValue {
    let label = "Rate limits"
    guard let groups = state.rateLimits.value else {
      return LabeledValue(
        label, state.rateLimits.status.isFailing ? "unavailable" : "…", role: .dim)
    }
    let modelGroups = groups.filter { $0.groupType == "model_group" }
    guard let shown = busiest(modelGroups, tokens: tokens) ?? groups.first else {
      return LabeledValue(label, "none listed", role: .dim)
    }
    var parts: [String] = []
    for (type, unit) in overviewLimiters {
      guard let value = shown.value(of: type) else { continue }
      parts.append(
        (type == "requests_per_minute" ? Format.integer(value) : compactCount(value)) + unit)
    }
    // A group with none of the three (batch, web search) shows its limiters as the API names
    // them (admin-api.md §14: unknown limiter types shown raw).
    if parts.isEmpty {
      parts = shown.limits.map { "\(Format.integer($0.value)) \($0.type)" }
    }
    var name = shown.displayName ?? shown.groupType
    // "Claude" is in every model group's name: the width is better spent on the figures.
    if name.hasPrefix("Claude ") { name.removeFirst("Claude ".count) }
    let others = groups.count - 1
    let more = others > 0 ? " · +\(others) \(others == 1 ? "group" : "groups")" : ""
    return LabeledValue(label, "\(name) \(parts.joined(separator: " · "))\(more)")
  }

  /// The model group whose models used the most tokens this month; the first on a tie or
  /// before the usage is known.
  private static func busiest(_ groups: [RateLimitGroup], tokens: TokenSummary?)
    -> RateLimitGroup?
  {
    guard let byModel = tokens?.byModel else { return groups.first }
    var best: RateLimitGroup?
    var bestTokens = -1
    for group in groups {
      let used = group.models.reduce(0) { $0 + (byModel[$1] ?? 0) }
      if used > bestTokens { (best, bestTokens) = (group, used) }
    }
    return best
  }

  /// A configured limit as short as it reads: `2 M`, `400 k`, `1.5 M`, `999` (the token
  /// format with its trailing zeros dropped: limits are round numbers).
  static func compactCount(_ value: Int) -> String {
    let text = Format.tokens(value)
    guard let space = text.firstIndex(of: " "), text[..<space].contains(".") else { return text }
    var number = String(text[..<space])
    while number.hasSuffix("0") { number.removeLast() }
    if number.hasSuffix(".") { number.removeLast() }
    return number + text[space...]
  }
}
