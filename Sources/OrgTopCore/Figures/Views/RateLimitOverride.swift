/// A workspace's own value for one limiter of one rate-limit group, from
/// `GET /v1/organizations/workspaces/{id}/rate_limits` (docs/admin-api.md §11.2), where the
/// limit's `source.type` is `workspace`. Loaded on demand, so the rate-limit rows take them as
/// an argument rather than from the state.
package struct RateLimitOverride: Hashable, Sendable {
  package var workspaceID: String
  /// The group's id (`rlg_…`), the same in every organization.
  package var groupID: String
  /// The limiter type, an open string such as `requests_per_minute`.
  package var limiterType: String
  /// The value in effect for the workspace (the lower of it and the organization's applies,
  /// §11.2).
  package var value: Int

  package init(workspaceID: String, groupID: String, limiterType: String, value: Int) {
    self.workspaceID = workspaceID
    self.groupID = groupID
    self.limiterType = limiterType
    self.value = value
  }
}

extension RateLimitOverride {
  /// The workspace's own values in a `GET /workspaces/{id}/rate_limits?include_inherited=true`
  /// answer: limiters whose `source.type` is `workspace`. An older answer without `source`
  /// (§11.2) counts a value different from the organization's as the workspace's own.
  package static func overrides(in limits: [WorkspaceRateLimit]) -> [RateLimitOverride] {
    limits.flatMap { group in
      group.limits.compactMap { limit -> RateLimitOverride? in
        let isOwn =
          switch limit.source {
          case .workspace: true
          case .organization, .unknown: false
          case nil: limit.orgLimit != nil && limit.orgLimit != limit.value
          }
        guard isOwn else { return nil }
        return RateLimitOverride(
          workspaceID: group.workspaceID, groupID: group.groupID, limiterType: limit.type,
          value: limit.value)
      }
    }
  }
}
