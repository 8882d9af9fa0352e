/// What the list tables' view models formatted, remembered while the rows stay the same: the
/// widest cell texts of the key and member lists (what their tables size columns by: measuring
/// them formats every row, which only a change of the rows should cost, not a tick), and the
/// key table's figures (tokens and cost, which read no instant) for the page in view. Part of
/// the view models' side: the derivation formats nothing.
package struct TableTexts: Sendable {
  /// A key row's month-to-date figures as the table writes them.
  package struct KeyFigures: Hashable, Sendable {
    /// `nil` while usage is not loaded.
    package var tokens: String?
    /// `nil` while cost is not loaded or cannot be split by key.
    package var cost: String?
  }

  private var keyWidest: (rows: [KeyRowFacts], widest: [String])?
  private var memberWidest: (rows: [MemberRow], costKnown: Bool, widest: [String])?
  private var keyPage: (rows: [KeyRowFacts], window: Range<Int>, figures: [KeyFigures])?

  package init() {}

  /// ``KeyList/widestTexts(_:)`` of `rows`.
  package mutating func keys(_ rows: [KeyRowFacts]) -> [String] {
    if let keyWidest, keyWidest.rows == rows { return keyWidest.widest }
    let widest = KeyList.widestTexts(rows)
    keyWidest = (rows, widest)
    return widest
  }

  /// ``MemberList/widestTexts(_:costKnown:)`` of `rows`.
  package mutating func members(_ rows: [MemberRow], costKnown: Bool) -> [String] {
    if let memberWidest, memberWidest.costKnown == costKnown, memberWidest.rows == rows {
      return memberWidest.widest
    }
    let widest = MemberList.widestTexts(rows, costKnown: costKnown)
    memberWidest = (rows, costKnown, widest)
    return widest
  }

  /// The figures of `rows[window]`, in order (``KeyList/figures(_:)``).
  package mutating func keyFigures(_ rows: [KeyRowFacts], window: Range<Int>) -> [KeyFigures] {
    if let keyPage, keyPage.window == window, keyPage.rows == rows { return keyPage.figures }
    let figures = rows[window].map(KeyList.figures)
    keyPage = (rows, window, figures)
    return figures
  }
}
