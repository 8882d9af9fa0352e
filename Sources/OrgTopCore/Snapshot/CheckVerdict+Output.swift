import Foundation

extension CheckVerdict {
  /// A verdict reached before anything could be read (no key, no connection).
  package init(failure: Status, cause: String, remedy: String, thresholds: Thresholds) {
    status = failure
    self.cause = cause
    self.remedy = remedy
    self.thresholds = thresholds
  }

  /// One human line: the status, the organization, the figures, the limit and its source; for
  /// a failure, the cause and the remedy.
  package func line() -> String {
    var parts = [status.rawValue.uppercased()]
    if let organization { parts.append(organization.name) }
    switch status {
    case .unreadable, .authentication, .organizationMismatch:
      parts.append(cause ?? "unknown failure")
      if let remedy, !remedy.isEmpty { parts.append(remedy) }
      return parts.joined(separator: " · ")
    case .ok, .warning, .critical:
      break
    }
    if let spend { parts.append("\(Format.money(spend)) month to date") }
    if let projected { parts.append("projected \(Format.money(projected))") }
    if let limit {
      var text = "limit \(Format.money(limit.amount)) (\(limit.label))"
      if let fraction {
        let judged = thresholds.projected ? "projected" : "used"
        text += ", \(Format.percent(NSDecimalNumber(decimal: fraction).doubleValue)) \(judged)"
      }
      parts.append(text)
      parts.append(
        "warn at \(Format.percent(thresholds.warning.double)), critical at "
          + Format.percent(thresholds.critical.double))
    } else {
      parts.append("no limit to measure against: thresholds not checked (pass --budget)")
    }
    return parts.joined(separator: " · ")
  }

  /// The verdict as a JSON document (money as decimal dollar strings); with `profile`, the
  /// document names the profile it judged.
  package func json(profile: String? = nil) -> String {
    func dollars(_ money: Money?) -> Any { money.map { Dollars($0).description } ?? NSNull() }
    let document: [String: Any] = [
      "schema_version": 1,
      "status": status.rawValue,
      "exit_code": Int(status.exitCode),
      "organization": organization.map { ["id": $0.id, "name": $0.name, "type": $0.type] }
        ?? NSNull(),
      "spend_usd": dollars(spend),
      "projected_month_end_usd": dollars(projected),
      "limit_usd": dollars(limit?.amount),
      "limit_source": limit.map { Self.sourceName($0.source) } ?? NSNull(),
      "judged": thresholds.projected ? "projection" : "spend",
      "used_fraction": fraction.map { Format.rounded($0, scale: 6).description } ?? NSNull(),
      "warn": thresholds.warning.description,
      "critical": thresholds.critical.description,
      "cause": cause ?? NSNull(),
      "remedy": remedy ?? NSNull(),
      "profile": profile ?? NSNull(),
    ]
    let data =
      (try? JSONSerialization.data(
        withJSONObject: document, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]))
      ?? Data()
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// The limit's source as the snapshot names it.
  package static func sourceName(_ source: GaugeLimit.Source) -> String {
    switch source {
    case .organization: "spend_limit"
    case .usageTier: "tier_cap"
    case .budget: "budget"
    }
  }
}

extension Decimal {
  fileprivate var double: Double { NSDecimalNumber(decimal: self).doubleValue }
}
