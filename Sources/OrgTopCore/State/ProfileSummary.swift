import Foundation

/// What the dashboard knows of a configured profile before switching to it: its name and the
/// last figures seen for it (by this or an earlier run), for the profile picker. Never a key.
package struct ProfileSummary: Hashable, Sendable, Codable {
  package var name: String
  /// The organization's name when the profile was last read.
  package var organization: String?
  /// Month-to-date spend and the limit when it was last read, and that instant.
  package var spend: Money?
  package var limit: Money?
  package var limitSource: String?
  package var asOf: Date?

  package init(
    name: String, organization: String? = nil, spend: Money? = nil, limit: Money? = nil,
    limitSource: String? = nil, asOf: Date? = nil
  ) {
    self.name = name
    self.organization = organization
    self.spend = spend
    self.limit = limit
    self.limitSource = limitSource
    self.asOf = asOf
  }

  /// The summary of `state` under `name`: the organization and the month's spend and limit.
  package init(name: String, state: DashboardState, now: Date) {
    let figures = DashboardFigures(state: state, now: now)
    self.init(
      name: name, organization: state.organization.value?.name, spend: figures.cost?.total,
      limit: figures.limit?.amount, limitSource: figures.limit?.label,
      asOf: figures.costAsOf)
  }
}

extension Money: Codable {
  package init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let money = Money(minorUnits: text) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "not a decimal amount"))
    }
    self = money
  }

  package func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(minorUnits.description)
  }
}
