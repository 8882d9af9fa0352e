import Foundation
import OrgTopCore

extension Fixtures {
  /// How many members each workspace of the fixture has (the admin, Ada, is in every one, as
  /// org admins are, docs/admin-api.md §10): the first `count` members of ``members``.
  package static let workspaceMemberCounts: [String: Int] = [
    defaultWorkspaceID: 6, "wrkspc_01Production000000000001": 3,
    "wrkspc_01Staging00000000000002": 2, "wrkspc_01Research0000000000003": 1,
    "wrkspc_01Archived0000000000004": 1,
  ]

  /// `GET /workspaces/{id}/members` of the fixture.
  package static func workspaceMembers(of workspaceID: String) -> [WorkspaceMember] {
    members.prefix(workspaceMemberCounts[workspaceID] ?? 0).enumerated().map { index, member in
      WorkspaceMember(
        userID: member.id, workspaceID: workspaceID, role: index == 0 ? .admin : .developer)
    }
  }

  /// The workspace's own values, by workspace id, group id and limiter: production halves
  /// Sonnet's requests per minute, research lowers Sonnet's output tokens; no other workspace
  /// has any.
  package static let workspaceOverrideValues: [String: [String: [String: Int]]] = [
    "wrkspc_01Production000000000001": [
      "rlg_01VPTCmyiu5ZLsWkcxYG2pY8": ["requests_per_minute": 2000]
    ],
    "wrkspc_01Research0000000000003": [
      "rlg_01VPTCmyiu5ZLsWkcxYG2pY8": ["output_tokens_per_minute": 100_000]
    ],
  ]

  /// `GET /workspaces/{id}/rate_limits?include_inherited=true` of the fixture: every group,
  /// each limiter saying whether the value is the workspace's own.
  package static func workspaceRateLimits(of workspaceID: String) -> [WorkspaceRateLimit] {
    let own = workspaceOverrideValues[workspaceID] ?? [:]
    return rateLimits.map { group in
      WorkspaceRateLimit(
        workspaceID: workspaceID, rateLimitID: group.id, groupType: group.groupType,
        groupID: group.groupID, displayName: group.displayName, models: group.models,
        limits: group.limits.map { limit in
          let value = own[group.groupID]?[limit.type]
          return WorkspaceRateLimit.Limit(
            type: limit.type, value: value ?? limit.value, orgLimit: limit.value,
            source: value == nil ? .organization : .workspace)
        })
    }
  }
}
