/// Where a workspace's limiter value comes from (an open set).
package enum LimitSource: OpenEnum {
  case workspace, organization
  case unknown(String)

  package static let known: [(LimitSource, String)] = [
    (.workspace, "workspace"), (.organization, "organization"),
  ]

  package var unknownValue: String? {
    if case .unknown(let raw) = self { return raw }
    return nil
  }
}

/// A workspace's view of one rate-limit group: the values in effect, with the organization's
/// value beside each (`GET /v1/organizations/workspaces/{id}/rate_limits`).
package struct WorkspaceRateLimit: Hashable, Sendable {
  /// One limiter as the workspace sees it.
  package struct Limit: Hashable, Sendable {
    package var type: String
    /// The value in effect for the workspace.
    package var value: Int
    /// The organization's value, when it has one.
    package var orgLimit: Int?
    /// `nil` in older responses, which did not say.
    package var source: LimitSource?

    package init(type: String, value: Int, orgLimit: Int?, source: LimitSource?) {
      self.type = type
      self.value = value
      self.orgLimit = orgLimit
      self.source = source
    }
  }

  package var workspaceID: String
  /// The organization rate-limit entry id (`rl_…`).
  package var rateLimitID: String
  package var groupType: String
  package var groupID: String
  package var displayName: String?
  package var models: [String]
  package var limits: [Limit]

  package init(
    workspaceID: String, rateLimitID: String, groupType: String, groupID: String,
    displayName: String?, models: [String], limits: [Limit]
  ) {
    self.workspaceID = workspaceID
    self.rateLimitID = rateLimitID
    self.groupType = groupType
    self.groupID = groupID
    self.displayName = displayName
    self.models = models
    self.limits = limits
  }
}
