import Foundation

/// One key with the figures the table shows and sorts by, resolved from the other slots.
package struct KeyRowFacts: Hashable, Sendable {
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

  package init(
    key: APIKey, workspaceName: String, creatorName: String,
    lastActive: KeyActivity.LastActive, tokensMTD: Int?, costMTD: Money?
  ) {
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

  /// Every key with its figures, unfiltered and unsorted.
  package func allKeyRowFacts() -> [KeyRowFacts] {
    guard let keys = apiKeys.value else { return [] }
    let tokens = tokenSummary
    let cost = costSummary
    let activity = activitySummary
    return keys.map { key in
      KeyRowFacts(
        key: key, workspaceName: workspaceName(for: key.workspaceID),
        creatorName: actorName(key.createdBy),
        lastActive: activity?.lastActive(for: key) ?? .unknown,
        tokensMTD: tokens.map { $0.byKey[key.id] ?? 0 },
        costMTD: cost.flatMap { $0.isPerKeyAvailable ? ($0.byKey[key.id] ?? .zero()) : nil })
    }
  }

  /// The selected key's row, if it is listed (looked up at its last index first).
  package var selectedKeyRow: KeyRowFacts? {
    guard let id = table.selectedKeyID else { return nil }
    if keyRows.indices.contains(table.selectedIndex), keyRows[table.selectedIndex].key.id == id {
      return keyRows[table.selectedIndex]
    }
    return keyRows.first { $0.key.id == id }
  }

  /// Recomputes ``keyRows``: every key with its figures, filtered, then sorted (ties by name,
  /// then id).
  mutating func deriveKeyRows() {
    keyRows = []  // the old rows go before the new ones are built: one copy at a time
    var rows = allKeyRowFacts()
    if let filter = table.filter?.lowercased(), !filter.isEmpty {
      rows = rows.filter { Self.matches($0, filter) }
    }
    let column = table.sortColumn
    let descending = table.sortDescending
    rows.sort { lhs, rhs in
      let order = Self.compare(lhs, rhs, by: column)
      if order != .orderedSame {
        return descending ? order == .orderedDescending : order == .orderedAscending
      }
      let byName = Self.compareText(lhs.key.name, rhs.key.name)
      if byName != .orderedSame { return byName == .orderedAscending }
      return lhs.key.id < rhs.key.id
    }
    keyRows = rows
    widestKeyTexts = Self.widestTexts(rows)
    keyCountsByStatus = (apiKeys.value ?? []).reduce(into: [:]) {
      $0[$1.status.wire, default: 0] += 1
    }
  }

  /// For each column, its longest text over `rows`, longest by UTF-8 length (free to read, and
  /// never less than the display width). Columns whose text depends on the time are sized for
  /// the longest text they can take: dates and activity fit their minimum widths, and an active
  /// key with an expiry date can come to say ``KeyTableViewModel/longestExpiryText``.
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
      let expiring = facts.key.status == .active && facts.key.expiresAt != nil
      consider(.status, expiring ? KeyTableViewModel.longestExpiryText : facts.key.status.wire)
    }
    return widest
  }

  private static func matches(_ row: KeyRowFacts, _ filter: String) -> Bool {
    [
      row.key.name, row.key.id, row.workspaceName, row.creatorName, row.key.status.wire,
      row.key.partialKeyHint ?? "",
    ].contains { $0.lowercased().contains(filter) }
  }

  private static func compare(
    _ lhs: KeyRowFacts, _ rhs: KeyRowFacts, by column: KeyColumn
  ) -> ComparisonResult {
    switch column {
    case .name: compareText(lhs.key.name, rhs.key.name)
    case .status: compareText(lhs.key.status.wire, rhs.key.status.wire)
    case .workspace: compareText(lhs.workspaceName, rhs.workspaceName)
    case .createdBy: compareText(lhs.creatorName, rhs.creatorName)
    case .created: compareValues(lhs.key.createdAt, rhs.key.createdAt)
    // A key that never expires sorts as the latest expiry.
    case .expires:
      compareValues(lhs.key.expiresAt ?? .distantFuture, rhs.key.expiresAt ?? .distantFuture)
    case .lastActive: compareValues(activityRank(lhs.lastActive), activityRank(rhs.lastActive))
    case .tokens: compareValues(lhs.tokensMTD ?? -1, rhs.tokensMTD ?? -1)
    case .cost: compareValues(lhs.costMTD?.minorUnits ?? -1, rhs.costMTD?.minorUnits ?? -1)
    }
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

  /// Case-insensitive order, as `lhs.lowercased()` vs `rhs.lowercased()`. ASCII text (nearly
  /// every key name) is compared byte by byte without allocating: sorting 10,000 keys, mostly
  /// tied at zero cost, makes over 100,000 of these comparisons.
  package static func compareText(_ lhs: String, _ rhs: String) -> ComparisonResult {
    var left = lhs.utf8.makeIterator()
    var right = rhs.utf8.makeIterator()
    while true {
      switch (left.next(), right.next()) {
      case (nil, nil): return .orderedSame
      case (nil, _): return .orderedAscending
      case (_, nil): return .orderedDescending
      case (let a?, let b?):
        guard a < 0x80, b < 0x80 else { return compareLowercased(lhs, rhs) }
        let (lowerA, lowerB) = (asciiLowercase(a), asciiLowercase(b))
        if lowerA != lowerB { return lowerA < lowerB ? .orderedAscending : .orderedDescending }
      }
    }
  }

  private static func asciiLowercase(_ byte: UInt8) -> UInt8 {
    (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
  }

  private static func compareLowercased(_ lhs: String, _ rhs: String) -> ComparisonResult {
    let left = lhs.lowercased()
    let right = rhs.lowercased()
    return left == right ? .orderedSame : (left < right ? .orderedAscending : .orderedDescending)
  }

  private static func compareValues<T: Comparable>(_ lhs: T, _ rhs: T) -> ComparisonResult {
    lhs == rhs ? .orderedSame : (lhs < rhs ? .orderedAscending : .orderedDescending)
  }
}
