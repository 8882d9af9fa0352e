import Foundation

/// Month-to-date tokens by kind and cost, split every way a report export needs: per key, per
/// key and model, per workspace, and the usage with no key. Summed exactly from the same two
/// reports the dashboard reads (month usage and month cost, one row per key × model ×
/// workspace), so every part reconciles with the totals of ``TokenSummary`` and
/// ``CostSummary``.
///
/// Workspaces: a report row's `workspace_id` decides. The legacy reports write `null` for the
/// Default workspace (docs/admin-api.md §16 #10), so `null` counts as the Default workspace;
/// ``defaultWorkspaceKey`` stands for it when its id is not known.
package struct MonthBreakdown: Hashable, Sendable {
  /// The workspace key used for `null` when the Default workspace's id is not known.
  package static let defaultWorkspaceKey = "default"

  package var tokens = TokenCounts()
  package var tokensByKey: [String: TokenCounts] = [:]
  package var tokensByKeyAndModel: [String: [String: TokenCounts]] = [:]
  package var tokensWithNoKey = TokenCounts()
  package var tokensByModel: [String: TokenCounts] = [:]
  package var tokensByWorkspace: [String: TokenCounts] = [:]
  /// `nil` until the cost report is loaded.
  package var costByWorkspace: [String: Money]?
  /// Cost with no key per workspace (analytics only; legacy reports attribute nothing to keys).
  package var costWithNoKeyByWorkspace: [String: Money]?
  /// Tokens with no key per workspace and model.
  package var tokensWithNoKeyByWorkspaceAndModel: [String: [String: TokenCounts]] = [:]
  /// Cost with no key per workspace and model (analytics only).
  package var costWithNoKeyByWorkspaceAndModel: [String: [String: Money]]?

  /// Sums `usage` and `cost` (either may be missing); `defaultWorkspaceID` is the id the
  /// Default workspace has in the workspace list, if known.
  package init(usage: UsageReport?, cost: CostReport?, defaultWorkspaceID: String?) {
    func workspaceKey(_ id: String?) -> String {
      id ?? defaultWorkspaceID ?? Self.defaultWorkspaceKey
    }
    for row in usage?.rows ?? [] {
      let counts = row.tokens
      let model = row.model ?? CostSummary.noModel
      tokens = tokens + counts
      tokensByModel[model, default: TokenCounts()] =
        tokensByModel[model, default: TokenCounts()] + counts
      let workspace = workspaceKey(row.workspaceID)
      tokensByWorkspace[workspace, default: TokenCounts()] =
        tokensByWorkspace[workspace, default: TokenCounts()] + counts
      if let key = row.apiKeyID {
        tokensByKey[key, default: TokenCounts()] = tokensByKey[key, default: TokenCounts()] + counts
        tokensByKeyAndModel[key, default: [:]][model, default: TokenCounts()] =
          tokensByKeyAndModel[key, default: [:]][model, default: TokenCounts()] + counts
      } else {
        tokensWithNoKey = tokensWithNoKey + counts
        tokensWithNoKeyByWorkspaceAndModel[workspace, default: [:]][model, default: TokenCounts()] =
          tokensWithNoKeyByWorkspaceAndModel[workspace, default: [:]][model, default: TokenCounts()]
          + counts
      }
    }
    guard let cost else { return }
    var byWorkspace: [String: Money] = [:]
    var noKey: [String: Money] = [:]
    var noKeyByModel: [String: [String: Money]] = [:]
    let perKey = cost.source == .analytics
    for row in cost.rows {
      let workspace = workspaceKey(row.workspaceID)
      byWorkspace[workspace, default: .zero()] =
        byWorkspace[workspace, default: .zero()] + row.amount
      if perKey, row.apiKeyID == nil {
        noKey[workspace, default: .zero()] = noKey[workspace, default: .zero()] + row.amount
        let model = row.model ?? CostSummary.noModel
        noKeyByModel[workspace, default: [:]][model, default: .zero()] =
          noKeyByModel[workspace, default: [:]][model, default: .zero()] + row.amount
      }
    }
    costByWorkspace = byWorkspace
    costWithNoKeyByWorkspace = perKey ? noKey : nil
    costWithNoKeyByWorkspaceAndModel = perKey ? noKeyByModel : nil
  }
}
