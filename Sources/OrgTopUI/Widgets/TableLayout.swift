import OrgTopCore

/// Which table columns fit in a width, and how wide each one is.
///
/// Rules: two columns go to the selection marker and one blank column to the right margin.
/// Columns are taken in priority order (lowest number first, then left to right) while they
/// fit, stopping at the first that does not; the flexible (name) column counts as wide as its
/// text needs up to 35 % of the width (at least its minimum), the others at their minimum. The
/// chosen columns keep their left-to-right order. Spare width first grows the other columns
/// (not `.fixed` ones) to their natural width (widest cell or title), then goes to the
/// flexible column, up to
/// ``flexibleSlack`` columns more than its natural width; any rest is left blank on the right. Columns are separated by two spaces when everything fits at natural width that way,
/// else by one.
package struct TableLayout: Hashable, Sendable {
  /// One drawn column: its index in the view model's columns, its x offset and width.
  package struct Placement: Hashable, Sendable {
    package var index: Int
    package var offset: Int
    package var width: Int
  }

  /// Columns before the first table column: the selection marker and a space.
  package static let markerWidth = 2
  /// A blank column after the last table column, so text never touches the border.
  package static let rightMargin = 1
  /// How much wider than its longest text the flexible column may grow.
  package static let flexibleSlack = 4

  package var placements: [Placement]

  /// Lays out `columns` holding `rows` in `width` columns.
  package init(
    columns: [ListColumn], rows: [TableRow], width: Int, sortColumn: Int?, glyphs: GlyphSet
  ) {
    let available = width - Self.markerWidth - Self.rightMargin
    func natural(_ index: Int) -> Int {
      guard columns[index].grows else { return columns[index].minWidth }
      var widest = TextSanitizer.width(of: columns[index].header, glyphs: glyphs)
      if index == sortColumn { widest += 2 }
      for row in rows where index < row.cells.count {
        widest = max(widest, TextSanitizer.width(of: row.cells[index], glyphs: glyphs))
      }
      return max(widest, columns[index].minWidth)
    }
    // The flexible (name) column is what the user reads rows by: it is promised up to 35 % of
    // the width, as far as its text needs, before lower-priority columns are let in.
    let flexible = columns.indices.first { columns[$0].isFlexible }
    let flexibleTarget = flexible.map {
      min(natural($0), max(columns[$0].minWidth, available * 35 / 100))
    }
    let order = columns.indices.sorted {
      (columns[$0].priority, $0) < (columns[$1].priority, $1)
    }
    var chosen: [Int] = []
    var widths: [Int: Int] = [:]
    var used = 0
    for index in order {
      let columnWidth =
        index == flexible ? (flexibleTarget ?? columns[index].minWidth) : columns[index].minWidth
      let extra = columnWidth + (chosen.isEmpty ? 0 : 1)
      if used + extra > available {
        // The name column alone may shrink to its minimum; any other column that does not fit
        // ends the list.
        guard index == flexible, used + extra - columnWidth + columns[index].minWidth <= available
        else { break }
        widths[index] = columns[index].minWidth
        used += extra - columnWidth + columns[index].minWidth
      } else {
        widths[index] = columnWidth
        used += extra
      }
      chosen.append(index)
    }
    var naturals: [Int: Int] = [:]
    for index in chosen { naturals[index] = natural(index) }
    let naturalTotal = chosen.reduce(0) { $0 + max(naturals[$1] ?? 0, widths[$1] ?? 0) }
    let separator = naturalTotal + 2 * max(0, chosen.count - 1) <= available ? 2 : 1
    var spare = available - chosen.reduce(0) { $0 + (widths[$1] ?? 0) }
    spare -= separator * max(0, chosen.count - 1)
    for index in chosen where index != flexible && columns[index].grows && spare > 0 {
      let grow = min(spare, (naturals[index] ?? 0) - (widths[index] ?? 0))
      if grow > 0 {
        widths[index, default: 0] += grow
        spare -= grow
      }
    }
    if spare > 0, let flexible, chosen.contains(flexible) {
      // Up to a little more than the longest name: on a very wide terminal a huge name column
      // would push every figure far from the name it belongs to.
      let cap = max(widths[flexible] ?? 0, (naturals[flexible] ?? 0) + Self.flexibleSlack)
      widths[flexible] = min(cap, (widths[flexible] ?? 0) + spare)
    }
    var offset = Self.markerWidth
    placements = []
    for index in chosen.sorted() {
      let columnWidth = widths[index] ?? 0
      placements.append(Placement(index: index, offset: offset, width: columnWidth))
      offset += columnWidth + separator
    }
  }
}
