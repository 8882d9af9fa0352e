import Foundation
import OrgTopCore

/// Reshapes legacy report rows to what a ``ReportQuery`` asked for, so both report families
/// give the dashboard the same shape.
enum LegacyShaping {
  /// The grouping key of a row: the dimensions the query asked for, others blanked.
  private struct GroupKey: Hashable {
    var apiKeyID: String?
    var model: String?
    var workspaceID: String?
  }

  private static func key(
    apiKeyID: String?, model: String?, workspaceID: String?, query: ReportQuery
  ) -> GroupKey {
    GroupKey(
      apiKeyID: query.groupBy.contains(.apiKey) ? apiKeyID : nil,
      model: query.groupBy.contains(.model) ? model : nil,
      workspaceID: query.groupBy.contains(.workspace) ? workspaceID : nil)
  }

  /// Without a bucket the analytics API gives one row per group for the whole range; the
  /// legacy daily buckets are summed to match, in first-seen order.
  static func wholeRange(_ rows: [UsageRow], query: ReportQuery) -> [UsageRow] {
    var order: [GroupKey] = []
    var totals: [GroupKey: TokenCounts] = [:]
    for row in rows {
      let group = key(
        apiKeyID: row.apiKeyID, model: row.model, workspaceID: row.workspaceID, query: query)
      if totals[group] == nil { order.append(group) }
      totals[group, default: TokenCounts()] = totals[group, default: TokenCounts()] + row.tokens
    }
    return order.map { group in
      UsageRow(
        start: query.start, end: query.end, apiKeyID: group.apiKeyID, model: group.model,
        workspaceID: group.workspaceID, tokens: totals[group] ?? TokenCounts(), requests: nil)
    }
  }

  /// Sums the per-description cost rows into one row per requested group, per day bucket, or
  /// for the whole range when the query has no bucket.
  static func costRows(_ rows: [CostRow], query: ReportQuery) -> [CostRow] {
    /// A bucket (or the whole range) and a group: one output row.
    struct Slot: Hashable {
      var start: Date
      var end: Date
      var group: GroupKey
    }
    var order: [Slot] = []
    var totals: [Slot: Money] = [:]
    for row in rows {
      let group = key(apiKeyID: nil, model: row.model, workspaceID: row.workspaceID, query: query)
      let slot =
        query.bucket == nil
        ? Slot(start: query.start, end: query.end, group: group)
        : Slot(start: row.start, end: row.end, group: group)
      if let sum = totals[slot] {
        totals[slot] = sum + row.amount
      } else {
        order.append(slot)
        totals[slot] = row.amount
      }
    }
    return order.map { slot in
      CostRow(
        start: slot.start, end: slot.end, apiKeyID: nil, model: slot.group.model,
        workspaceID: slot.group.workspaceID, amount: totals[slot] ?? .zero())
    }
  }
}
