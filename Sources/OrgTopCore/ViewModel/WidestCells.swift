/// The widest cell texts of the key and member lists (what their tables size columns by),
/// remembered while the rows stay the same: measuring them formats every row, which only a
/// change of the rows should cost, not a tick. Part of the view models' side: the derivation
/// formats nothing.
package struct WidestCells: Sendable {
  private var keys: (rows: [KeyRowFacts], widest: [String])?
  private var members: (rows: [MemberRow], costKnown: Bool, widest: [String])?

  package init() {}

  /// ``KeyList/widestTexts(_:)`` of `rows`.
  package mutating func keys(_ rows: [KeyRowFacts]) -> [String] {
    if let keys, keys.rows == rows { return keys.widest }
    let widest = KeyList.widestTexts(rows)
    keys = (rows, widest)
    return widest
  }

  /// ``MemberList/widestTexts(_:costKnown:)`` of `rows`.
  package mutating func members(_ rows: [MemberRow], costKnown: Bool) -> [String] {
    if let members, members.costKnown == costKnown, members.rows == rows {
      return members.widest
    }
    let widest = MemberList.widestTexts(rows, costKnown: costKnown)
    members = (rows, costKnown, widest)
    return widest
  }
}
