import OrgTopCore
import OrgTopTestSupport
import OrgTopUI
import Testing

@Suite("Key table")
struct TableTests {
  /// A table's columns as a key list declares them: what the layout rules are tested on.
  let columns: [ListColumn] = [
    ListColumn(header: "Name", width: .flex(min: 12), priority: 0, sortKey: 0),
    ListColumn(header: "Status", width: .min(10), priority: 1, sortKey: 1),
    ListColumn(header: "Cost MTD", width: .min(10), alignment: .right, priority: 2, sortKey: 2),
    ListColumn(header: "Workspace", width: .min(10), priority: 3, sortKey: 3),
    ListColumn(header: "Tokens", width: .min(7), alignment: .right, priority: 4, sortKey: 4),
    ListColumn(header: "Created by", width: .min(12), priority: 5, sortKey: 5),
    ListColumn(header: "Created", width: .min(10), priority: 6, sortKey: 6),
    ListColumn(header: "Key", width: .min(13), priority: 7, sortKey: 7),
  ]

  private func layout(width: Int, rows: [TableRow] = []) -> TableLayout {
    TableLayout(columns: columns, rows: rows, width: width, sortColumn: 2, glyphs: .unicode)
  }

  @Test("columns are dropped by priority when short of room")
  func dropping() {
    // Marker 2 and right margin 1, then minimum widths by priority: Name 12, Status 10 + 1,
    // Cost 10 + 1, Workspace 10 + 1, Tokens 7 + 1, Created by 12 + 1, Created 10 + 1, Key 13 + 1.
    #expect(layout(width: 14).placements.map(\.index) == [])
    #expect(layout(width: 15).placements.map(\.index) == [0])
    #expect(layout(width: 36).placements.map(\.index) == [0, 1])
    #expect(layout(width: 37).placements.map(\.index) == [0, 1, 2])
    #expect(layout(width: 48).placements.map(\.index) == [0, 1, 2, 3])
    #expect(layout(width: 79).placements.map(\.index) == [0, 1, 2, 3, 4, 5])
    #expect(layout(width: 80).placements.map(\.index) == [0, 1, 2, 3, 4, 5, 6])
    #expect(layout(width: 94).placements.map(\.index) == Array(0..<8))
  }

  @Test("spare width goes to fixed columns up to their natural width, the rest to the name")
  func widths() {
    let rows = [
      TableRow(
        id: "a", cells: ["x", "expires 2d", "$1.00", "ws", "1", "me", "d", "k"], role: .normal)
    ]
    // Width 50 leaves 47; four columns fit (12 + 11 + 11 + 11 = 45). At natural width (12,
    // 10, 10 for "Cost MTD" and its arrow, 10) two-column separators would need 48, so they
    // are one wide; the 2 spare columns go to the name.
    let placements = layout(width: 50, rows: rows).placements
    #expect(placements.map(\.width) == [14, 10, 10, 10])
    #expect(placements.map(\.offset) == [2, 17, 28, 39])
  }

  @Test("the name column is promised up to 35 % of the width before other columns come in")
  func flexibleFirst() {
    let name = String(repeating: "n", count: 30)
    let rows = [
      TableRow(id: "a", cells: [name, "active", "$1.00", "ws", "1", "me", "d", "k"], role: .normal)
    ]
    // Width 80 leaves 77; the name counts as 26 (35 %), so Name, Status, Cost, Workspace and
    // Tokens take 26 + 11 + 11 + 11 + 8 = 67 and Created by (13 more) is left out. Natural
    // widths 30 + 10 + 10 + 10 + 7 with two-column separators take 75: separators are two;
    // the 6 spare columns go to the name (26 + 6 = 32), which ends one short of the border.
    let placements = layout(width: 80, rows: rows).placements
    #expect(placements.map(\.index) == [0, 1, 2, 3, 4])
    #expect(placements.map(\.width) == [32, 10, 10, 10, 7])
    #expect(placements.map(\.offset) == [2, 36, 48, 60, 72])
    // On a very wide table the name stops 4 columns past its longest text (30).
    #expect(layout(width: 300, rows: rows).placements.first?.width == 34)
  }

  @Test("the first row drawn keeps the selection in view")
  func firstRow() {
    #expect(Table.firstRow(scrollOffset: 0, selectedIndex: 3, count: 48, visible: 8) == 0)
    #expect(Table.firstRow(scrollOffset: 0, selectedIndex: 30, count: 48, visible: 8) == 23)
    #expect(Table.firstRow(scrollOffset: 40, selectedIndex: 2, count: 48, visible: 8) == 2)
    #expect(Table.firstRow(scrollOffset: 99, selectedIndex: nil, count: 48, visible: 8) == 40)
    #expect(Table.firstRow(scrollOffset: -5, selectedIndex: nil, count: 48, visible: 8) == 0)
    #expect(Table.firstRow(scrollOffset: 3, selectedIndex: 1, count: 5, visible: 8) == 0)
    #expect(Table.firstRow(scrollOffset: 3, selectedIndex: 99, count: 5, visible: 0) == 0)
  }

  @Test("the scroll position reads like 9-16 of 48")
  func position() {
    #expect(Table.positionText(first: 8, visible: 8, count: 48) == "9-16 of 48")
    #expect(Table.positionText(first: 0, visible: 8, count: 3) == "1-3 of 3")
    #expect(Table.positionText(first: 0, visible: 8, count: 0) == nil)
  }

  @Test("the selected row is reversed and marked, the sort column has an arrow")
  func drawing() {
    var model = GoldenScenario.dashboard.viewModel(size: TerminalSize(columns: 120, rows: 40)).keys
    model.selectedIndex = 1
    var grid = Grid(size: TerminalSize(columns: 60, rows: 6))
    let note = Table(model).draw(in: &grid, rect: Rect(x: 0, y: 0, width: 60, height: 6))
    #expect(note == "1-4 of 12")
    #expect(grid.lines[0].contains("COST MTD ▼"))
    // The fixture's keys by cost: prod-backend, then data-pipeline.
    #expect(grid.lines[1].hasPrefix("  prod-backend"))
    #expect(grid.lines[2].hasPrefix("› data-pipeline"))
    for column in 0..<60 {
      #expect(grid[2, column].style.attributes.contains(.reverse))
      #expect(!grid[1, column].style.attributes.contains(.reverse))
    }
    #expect(grid.lines[5].hasPrefix("  \(model.footer.prefix(8))"))
  }

  @Test("an empty table shows its message")
  func empty() {
    var model = GoldenScenario.emptyOrganization.viewModel(
      size: TerminalSize(columns: 120, rows: 40)
    ).keys
    model.emptyMessage = "No keys match \"x\""
    var grid = Grid(size: TerminalSize(columns: 40, rows: 5))
    let note = Table(model).draw(in: &grid, rect: Rect(x: 0, y: 0, width: 40, height: 5))
    #expect(note == nil)
    #expect(grid.lines[2].contains("No keys match \"x\""))
  }
}
