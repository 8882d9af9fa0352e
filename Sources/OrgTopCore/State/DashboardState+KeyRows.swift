import Foundation

/// One key with the figures the table shows and sorts by, resolved from the other slots.
package struct KeyRowFacts: Hashable, Sendable, ListRow {
  package var key: APIKey
  package var workspaceName: String
  package var creatorName: String
  package var lastActive: KeyActivity.LastActive
  /// `nil` while month-to-date usage is not loaded.
  package var tokensMTD: Int? {
    didSet { tokensText = tokensMTD.map(Format.tokens) }
  }
  /// `nil` while month-to-date cost is not loaded, or when reports cannot split cost by key.
  package var costMTD: Money? {
    didSet { costText = costMTD.map(Format.money) }
  }
  /// `tokensMTD` and `costMTD` as the table writes them, formatted once with the facts: the
  /// table is projected every second, and `Decimal` formatting is the costly part of it.
  package private(set) var tokensText: String?
  package private(set) var costText: String?
  /// The key's flags as of the row's derivation (``KeyFlags``).
  package var flags: KeyFlagSet

  /// The key's id: the list's selection follows it.
  package var listID: String { key.id }

  package init(
    key: APIKey, workspaceName: String, creatorName: String,
    lastActive: KeyActivity.LastActive, tokensMTD: Int?, costMTD: Money?, flags: KeyFlagSet = []
  ) {
    self.flags = flags
    self.key = key
    self.workspaceName = workspaceName
    self.creatorName = creatorName
    self.lastActive = lastActive
    self.tokensMTD = tokensMTD
    self.costMTD = costMTD
    tokensText = tokensMTD.map(Format.tokens)
    costText = costMTD.map(Format.money)
  }
}

extension DashboardState {
  /// The workspace name for a key's workspace id (`nil`: the Default workspace).
  package func workspaceName(for id: String?) -> String {
    guard let id else { return "Default" }
    guard let workspace = workspaces.value?.first(where: { $0.id == id }) else { return id }
    return workspace.archivedAt == nil ? workspace.name : "\(workspace.name) (archived)"
  }

  /// Who an actor is, in full for the detail view: a member's name and e-mail, a service
  /// account with its id, or the bare id when the member is unknown.
  package func actorDescription(_ actor: Actor?) -> String {
    guard let actor else { return "—" }
    switch actor.kind {
    case .serviceAccount: return "service account (\(actor.id))"
    case .unknown: return actor.id
    case .user:
      guard let member = members.value?.first(where: { $0.id == actor.id }) else {
        return actor.id
      }
      return member.name.isEmpty ? member.email : "\(member.name) <\(member.email)>"
    }
  }

  /// Who an actor is, by member name (or e-mail when the name is empty).
  package func actorName(_ actor: Actor?) -> String {
    guard let actor else { return "—" }
    switch actor.kind {
    case .serviceAccount: return "service account"
    case .unknown: return actor.id
    case .user:
      guard let member = members.value?.first(where: { $0.id == actor.id }) else {
        return actor.id
      }
      return member.name.isEmpty ? member.email : member.name
    }
  }

  /// Every key with its figures that matches `filter` (lowercased; `nil`: every key) and, if
  /// `flaggedOnly`, has a flag, unsorted; with how many keys have a flag, filters aside.
  /// Filtered as the rows are made, so a filter never holds all 10,000 rows and then a copy.
  func keyRowFacts(matching filter: String?, flaggedOnly: Bool = false)
    -> (rows: [KeyRowFacts], flagged: Int)
  {
    guard let keys = apiKeys.value else { return ([], 0) }
    let tokens = tokenSummary
    let cost = costSummary
    let activity = activitySummary
    let flagContext = KeyFlagContext(self)
    var rows: [KeyRowFacts] = []
    var flagged = 0
    if filter == nil, !flaggedOnly, keyScope == nil { rows.reserveCapacity(keys.count) }
    for key in keys {
      let lastActive = activity?.lastActive(for: key) ?? .unknown
      let flags = KeyFlags.kinds(
        flagContext.facts(for: key, lastActive: lastActive), rules: configuration.keyFlagRules,
        now: flagContext.now)
      if !flags.isEmpty { flagged += 1 }
      if let scope = keyScope, !scope.contains(key) { continue }
      if flaggedOnly, flags.isEmpty { continue }
      let row = KeyRowFacts(
        key: key, workspaceName: workspaceName(for: key.workspaceID),
        creatorName: actorName(key.createdBy), lastActive: lastActive,
        tokensMTD: tokens.map { $0.byKey[key.id] ?? 0 },
        costMTD: cost.flatMap { $0.isPerKeyAvailable ? ($0.byKey[key.id] ?? .zero()) : nil },
        flags: flags)
      if let filter, !Self.matches(row, filter) { continue }
      rows.append(row)
    }
    return (rows, flagged)
  }

  /// The flags of one key at `now`, with their reasons (the detail view and the snapshot).
  package func keyFlags(for key: APIKey, now: Date) -> [KeyFlag] {
    let context = KeyFlagContext(self, now: now)
    let lastActive = activitySummary?.lastActive(for: key) ?? .unknown
    return KeyFlags.evaluate(
      context.facts(for: key, lastActive: lastActive), rules: configuration.keyFlagRules,
      now: now)
  }

  /// Where the selected key is in ``keyRows``, `nil` when it is gone
  /// (``ListState/selectedRowIndex(in:)``).
  package var selectedKeyRowIndex: Int? {
    keyList.selectedRowIndex(in: keyRows)
  }

  /// The selected key's row, if it is listed.
  package var selectedKeyRow: KeyRowFacts? {
    selectedKeyRowIndex.map { keyRows[$0] }
  }

  /// Recomputes ``keyRows``: every key with its figures, filtered, then sorted (ties by name,
  /// then id).
  mutating func deriveKeyRows() {
    keyRows = []  // this state's hold on the old rows goes before the new ones are built
    var (rows, flagged) = keyRowFacts(
      matching: keyList.activeFilter, flaggedOnly: keysFlaggedOnly)
    flaggedKeyCount = flagged
    let column = keyList.sortColumn
    let descending = keyList.sortDescending
    // Each row's sort key is read once, and indices are sorted, not the rows: a merge sort
    // moving 10,000 rows and re-reading (and lowercasing) their fields in every comparison
    // took 70 ms.
    let keys = rows.map { SortKey($0, by: column) }
    var order = Array(rows.indices)
    order.sort { keys[$0].precedes(keys[$1], descending: descending) }
    Self.permute(&rows, by: &order)
    keyRows = rows
    widestKeyTexts = Self.widestTexts(rows)
  }

  /// For each column, its longest text over `rows`, longest by UTF-8 length (free to read, and
  /// never less than the display width). Columns whose text depends on the time are sized for
  /// the longest text they can take: dates and activity fit their minimum widths, and an active
  /// key with an expiry date can come to say ``KeyList/longestExpiryText``.
  private static func widestTexts(_ rows: [KeyRowFacts]) -> [String] {
    var widest = [String](repeating: "", count: KeyColumn.allCases.count)
    func consider(_ column: KeyColumn, _ text: String) {
      if text.utf8.count > widest[column.rawValue].utf8.count { widest[column.rawValue] = text }
    }
    for facts in rows {
      consider(.name, facts.key.name)
      consider(.workspace, facts.workspaceName)
      consider(.createdBy, facts.creatorName)
      consider(.tokens, facts.tokensText ?? "")
      consider(.cost, facts.costText ?? "")
      consider(.flags, facts.flags.text)
      let expiring = facts.key.status == .active && facts.key.expiresAt != nil
      consider(.status, expiring ? KeyList.longestExpiryText : facts.key.status.wire)
    }
    return widest
  }

  /// Puts `rows[order[i]]` at position `i`, in place (following each cycle of the
  /// permutation), so a sort of 10,000 rows never holds a second copy of them. `order` is used
  /// up: it ends as the identity.
  package static func permute<Row>(_ rows: inout [Row], by order: inout [Int]) {
    for start in rows.indices where order[start] != start {
      let saved = rows[start]
      var current = start
      while true {
        let next = order[current]
        order[current] = current
        if next == start {
          rows[current] = saved
          break
        }
        rows[current] = rows[next]
        current = next
      }
    }
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
