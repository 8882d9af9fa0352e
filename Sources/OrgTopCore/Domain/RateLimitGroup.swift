/// The organization's Messages-API rate limits for one group (a model family or an API surface),
/// from `GET /v1/organizations/rate_limits`.
package struct RateLimitGroup: Hashable, Sendable, Identifiable {
  /// One limiter of the group: its type (an open string such as `input_tokens_per_minute`) and
  /// its configured value.
  package struct Limit: Hashable, Sendable {
    package var type: String
    package var value: Int

    package init(type: String, value: Int) {
      self.type = type
      self.value = value
    }
  }

  /// The rate-limit entry id (`rl_…`).
  package var id: String
  /// The group kind: `model_group`, `batch`, `token_count`, `files`, `skills`, `web_search`, or newer.
  package var groupType: String
  /// The group id (`rlg_…`), the same in every organization.
  package var groupID: String
  /// Human name; only model groups have one.
  package var displayName: String?
  /// Every model id and alias in a model group; empty for other groups.
  package var models: [String]
  package var limits: [Limit]

  package init(
    id: String, groupType: String, groupID: String, displayName: String?, models: [String],
    limits: [Limit]
  ) {
    self.id = id
    self.groupType = groupType
    self.groupID = groupID
    self.displayName = displayName
    self.models = models
    self.limits = limits
  }

  /// The configured value of a limiter, if the group has it.
  package func value(of limiterType: String) -> Int? {
    limits.first { $0.type == limiterType }?.value
  }
}
