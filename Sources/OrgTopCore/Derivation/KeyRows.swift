import Foundation

/// The key list's rows as a ``Derivation`` part: every key with its figures (``KeyRowFacts``),
/// filtered, then sorted (ties by name, then id), and how many keys have a flag, the filters
/// aside. Derived again when the keys, the names, the reports, the flags' facts, the filter,
/// the sort, the scope or "flagged only" change: neither a key press that moves the selection
/// nor a frame sorts thousands of keys again.
package struct KeyRows: Hashable, Sendable {
  /// The rows in the table's order.
  package var rows: [KeyRowFacts] = []
  /// How many keys have at least one flag, of every key (the filters aside).
  package var flaggedCount = 0

  /// Where the selected key is in ``rows``, `nil` when it is gone
  /// (``ListState/selectedRowIndex(in:)``).
  package func selectedIndex(in list: ListState<KeyColumn>) -> Int? {
    list.selectedRowIndex(in: rows)
  }

  /// The selected key's row, if it is listed.
  package func selected(in list: ListState<KeyColumn>) -> KeyRowFacts? {
    selectedIndex(in: list).map { rows[$0] }
  }

  /// The rows of `state`, from its report summaries (derived once per report by the caller).
  package init(
    state: DashboardState, tokens: TokenSummary?, cost: CostSummary?, activity: KeyActivity?
  ) {
    var (rows, flagged) = Self.facts(
      of: state, tokens: tokens, cost: cost, activity: activity)
    flaggedCount = flagged
    let column = state.keyList.sortColumn
    let descending = state.keyList.sortDescending
    // Each row's sort key is read once, and indices are sorted, not the rows: a merge sort
    // moving 10,000 rows and re-reading (and lowercasing) their fields in every comparison
    // took 70 ms.
    let keys = rows.map { SortKey($0, by: column) }
    var order = Array(rows.indices)
    order.sort { keys[$0].precedes(keys[$1], descending: descending) }
    Derivation.permute(&rows, by: &order)
    self.rows = rows
  }

  /// Every key with its figures that matches the key list's filter and, if "flagged only",
  /// has a flag, and is in the scope, unsorted; with how many keys have a flag, filters aside.
  /// Filtered as the rows are made, so a filter never holds all 10,000 rows and then a copy.
  private static func facts(
    of state: DashboardState, tokens: TokenSummary?, cost: CostSummary?, activity: KeyActivity?
  ) -> (rows: [KeyRowFacts], flagged: Int) {
    guard let keys = state.apiKeys.value else { return ([], 0) }
    let filter = state.keyList.activeFilter
    let flaggedOnly = state.keysFlaggedOnly
    let keyScope = state.keyScope
    let rules = state.configuration.keyFlagRules
    let flagContext = KeyFlagContext(
      state, activity: activity, now: state.keyFlagsJudgedAt ?? state.lastSeen)
    var rows: [KeyRowFacts] = []
    var flagged = 0
    if filter == nil, !flaggedOnly, keyScope == nil { rows.reserveCapacity(keys.count) }
    for key in keys {
      let lastActive = activity?.lastActive(for: key) ?? .unknown
      let flags = KeyFlags.kinds(
        flagContext.facts(for: key, lastActive: lastActive), rules: rules, now: flagContext.now)
      if !flags.isEmpty { flagged += 1 }
      if let scope = keyScope, !scope.contains(key) { continue }
      if flaggedOnly, flags.isEmpty { continue }
      let row = KeyRowFacts(
        key: key, workspaceName: state.workspaceName(for: key.workspaceID),
        creatorName: state.actorName(key.createdBy), lastActive: lastActive,
        tokensMTD: tokens.map { $0.byKey[key.id] ?? 0 },
        costMTD: cost.flatMap { $0.isPerKeyAvailable ? ($0.byKey[key.id] ?? .zero()) : nil },
        flags: flags)
      if let filter, !matches(row, filter) { continue }
      rows.append(row)
    }
    return (rows, flagged)
  }

  private static func matches(_ row: KeyRowFacts, _ filter: String) -> Bool {
    [
      row.key.name, row.key.id, row.workspaceName, row.creatorName, row.key.status.wire,
      row.key.partialKeyHint ?? "",
    ].contains { $0.lowercased().contains(filter) }
  }
}

/// What a key row sorts by, read once per row rather than in every comparison of a sort: the
/// sort column's value, then the name (case-insensitively), then the id.
private struct SortKey {
  /// A column's value: text compared case-insensitively, numbers and amounts by value.
  enum Value {
    case text(String)
    case number(Double)
    case amount(Decimal)
  }

  var value: Value
  var name: String
  var id: String

  init(_ row: KeyRowFacts, by column: KeyColumn) {
    let key = row.key
    name = key.name.lowercased()
    id = key.id
    switch column {
    case .name: value = .text(name)
    case .status: value = .text(key.status.wire.lowercased())
    case .workspace: value = .text(row.workspaceName.lowercased())
    case .createdBy: value = .text(row.creatorName.lowercased())
    case .created: value = .number(key.createdAt.timeIntervalSince1970)
    // A key that never expires sorts as the latest expiry.
    case .expires: value = .number((key.expiresAt ?? .distantFuture).timeIntervalSince1970)
    case .lastActive: value = .number(Self.activityRank(row.lastActive))
    case .tokens: value = .number(Double(row.tokensMTD ?? -1))
    case .cost: value = .amount(row.costMTD?.minorUnits ?? -1)
    case .flags: value = .number(Double(row.flags.count))
    }
  }

  /// Whether this row comes first: by value (descending if asked), then name, then id.
  func precedes(_ other: SortKey, descending: Bool) -> Bool {
    switch (value, other.value) {
    case (.text(let lhs), .text(let rhs)) where lhs != rhs:
      return descending ? lhs > rhs : lhs < rhs
    case (.number(let lhs), .number(let rhs)) where lhs != rhs:
      return descending ? lhs > rhs : lhs < rhs
    case (.amount(let lhs), .amount(let rhs)) where lhs != rhs:
      return descending ? lhs > rhs : lhs < rhs
    default: break
    }
    return name != other.name ? name < other.name : id < other.id
  }

  /// Orders "last active" so that more recent is greater; unknown is least.
  private static func activityRank(_ value: KeyActivity.LastActive) -> TimeInterval {
    switch value {
    case .day(let day): day.timeIntervalSince1970
    case .never: -2
    case .beforeWindow: -1
    case .unknown: -3
    }
  }
}
