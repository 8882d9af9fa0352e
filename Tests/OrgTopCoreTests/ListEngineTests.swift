import OrgTopCore
import Testing

/// The list engine on its own, over a tiny fake list: the window rule, the selection following
/// its row by id across re-sorts and filters, an empty list, a page of one row.
@Suite("List engine")
struct ListEngineTests {
  enum FakeColumn: ListSortColumn {
    case name, size

    var sortsDescendingByDefault: Bool { self == .size }
  }

  struct FakeRow: ListRow, Equatable {
    var listID: String
    var size: Int
  }

  /// A state holding one list: its rows are derived (filtered, sorted) whenever the list's
  /// filter or sort changes, as `DashboardState` derives the key rows.
  struct FakeRoot {
    var all: [FakeRow]
    var rows: [FakeRow] = []
    var list: ListState<FakeColumn> {
      didSet {
        if list.filter != oldValue.filter || list.sortColumn != oldValue.sortColumn
          || list.sortDescending != oldValue.sortDescending
        {
          derive()
        }
      }
    }

    init(_ all: [FakeRow], pageSize: Int) {
      self.all = all
      list = ListState(sortColumn: .name, sortDescending: false, pageSize: pageSize)
      derive()
    }

    mutating func derive() {
      let filter = list.activeFilter
      let kept = all.filter { filter == nil || $0.listID.contains(filter ?? "") }
      let column = list.sortColumn
      let descending = list.sortDescending
      rows = kept.sorted {
        let lhs = column == .name ? 0 : $0.size
        let rhs = column == .name ? 0 : $1.size
        if lhs != rhs { return descending ? lhs > rhs : lhs < rhs }
        return $0.listID < $1.listID
      }
    }

    /// Replaces the data (a refresh) and re-derives.
    mutating func replace(_ all: [FakeRow]) {
      self.all = all
      derive()
    }
  }

  static var binding: ListBinding<FakeRoot, FakeColumn, FakeRow> {
    ListBinding(list: \.list, rows: \.rows)
  }

  /// Twelve rows `r00`…`r11`; sizes make the size order differ from the name order.
  static func twelve(pageSize: Int) -> FakeRoot {
    FakeRoot(
      (0..<12).map { FakeRow(listID: String(format: "r%02d", $0), size: ($0 * 7) % 12) },
      pageSize: pageSize)
  }

  /// The window written out from its definition: the smallest move of the clamped offset that
  /// shows the selection.
  static func expectedWindow(count: Int, offset: Int, selected: Int?, page: Int) -> Range<Int> {
    let page = max(1, page)
    if count == 0 { return 0..<0 }
    let lastStart = max(0, count - page)
    var first = offset < 0 ? 0 : (offset > lastStart ? lastStart : offset)
    if let selected, selected >= 0, selected < count {
      while selected < first { first -= 1 }
      while selected > first + page - 1 { first += 1 }
    }
    return first..<Swift.min(count, first + page)
  }

  @Test("the window rule against its definition, over every small case")
  func windowRule() {
    for count in 0...9 {
      for page in 0...5 {
        for offset in -2...11 {
          for selected in [nil] + Array(-1...10) {
            let window = ListWindow.range(
              count: count, scrollOffset: offset, selectedIndex: selected, pageSize: page)
            let expected = Self.expectedWindow(
              count: count, offset: offset, selected: selected, page: page)
            #expect(
              window == expected, "count \(count) page \(page) offset \(offset) \(selected as Int?)"
            )
            if let selected, (0..<count).contains(selected) { #expect(window.contains(selected)) }
          }
        }
      }
    }
  }

  @Test("moving keeps the selection in view and is clamped at both ends")
  func movingKeepsSelectionInView() {
    var root = Self.twelve(pageSize: 4)
    Self.binding.reconcile(&root)
    #expect(root.list.selectedID == "r00")
    for step in 1...15 {
      Self.binding.perform(.down, in: &root)
      let index = Swift.min(step, 11)
      #expect(root.list.selectedIndex == index)
      #expect(root.list.selectedID == root.rows[index].listID)
      #expect(root.list.window(count: root.rows.count).contains(index))
    }
    #expect(root.list.scrollOffset == 8)
    Self.binding.perform(.pageUp, in: &root)
    #expect(root.list.selectedIndex == 7)
    #expect(root.list.scrollOffset == 7)  // moved up just enough
    Self.binding.perform(.top, in: &root)
    #expect(root.list.selectedIndex == 0)
    #expect(root.list.scrollOffset == 0)
    Self.binding.perform(.bottom, in: &root)
    #expect(root.list.selectedIndex == 11)
    #expect(root.list.scrollOffset == 8)
  }

  @Test("the selection follows its row across a re-sort, a filter and a refresh")
  func selectionFollowsID() {
    var root = Self.twelve(pageSize: 3)
    Self.binding.reconcile(&root)
    for _ in 0..<5 { Self.binding.perform(.down, in: &root) }
    #expect(root.list.selectedID == "r05")
    Self.binding.perform(.cycleSort, in: &root)  // by size, largest first
    #expect(root.list.sortColumn == .size)
    #expect(root.list.sortDescending)
    let bySize = root.all.sorted { ($0.size, $1.listID) > ($1.size, $0.listID) }
    #expect(root.rows == bySize)
    #expect(root.list.selectedID == "r05")
    let index = bySize.firstIndex { $0.listID == "r05" }
    #expect(root.list.selectedIndex == index)
    #expect(root.list.window(count: root.rows.count).contains(index ?? -1))
    Self.binding.perform(.reverseSort, in: &root)
    #expect(root.list.selectedIndex == root.rows.firstIndex { $0.listID == "r05" })
    // A filter that keeps it: still selected; one that drops it: the row now at its index.
    Self.binding.perform(.startFilter, in: &root)
    Self.binding.editFilter(.character("0"), in: &root)
    #expect(Set(root.rows.map(\.listID)) == Set(root.all.map(\.listID).filter { $0.contains("0") }))
    #expect(root.list.selectedID == "r05")
    #expect(root.rows[root.list.selectedIndex].listID == "r05")
    Self.binding.editFilter(.character("1"), in: &root)  // "01": only r01
    #expect(root.rows.map(\.listID) == ["r01"])
    #expect(root.list.selectedID == "r01")
    #expect(Self.binding.editFilter(.escape, in: &root))
    #expect(root.list.filter == nil)
    #expect(root.rows.count == 12)
    // A refresh that drops the selected row selects the row now at its index.
    Self.binding.perform(.top, in: &root)
    Self.binding.perform(.down, in: &root)
    let second = root.rows[1].listID
    root.replace(root.all.filter { $0.listID != second })
    Self.binding.reconcile(&root)
    #expect(root.list.selectedIndex == 1)
    #expect(root.list.selectedID == root.rows[1].listID)
  }

  @Test("before the user moves, the selection stays on the top row as rows reorder")
  func noUserSelectionStaysOnTop() {
    var root = Self.twelve(pageSize: 3)
    Self.binding.reconcile(&root)
    root.list.sortColumn = .size
    root.list.sortDescending = true
    Self.binding.reconcile(&root)
    #expect(root.list.selectedIndex == 0)
    #expect(root.list.selectedID == root.rows[0].listID)
    #expect(!root.list.hasUserSelection)
  }

  @Test("an empty list: nothing selected, nothing moves, the window is empty")
  func emptyList() {
    var root = FakeRoot([], pageSize: 5)
    Self.binding.reconcile(&root)
    for command: ListCommand in [.up, .down, .pageUp, .pageDown, .top, .bottom] {
      Self.binding.perform(command, in: &root)
    }
    #expect(root.list.selectedID == nil)
    #expect(root.list.scrollOffset == 0)
    #expect(root.list.shownSelection(count: 0) == nil)
    #expect(root.list.window(count: 0).isEmpty)
    #expect(root.list.selectedRowIndex(in: root.rows) == nil)
    // Esc with no filter has nothing to do: the caller may use it to go back.
    #expect(!Self.binding.perform(.clearFilter, in: &root))
  }

  @Test("a page of one row: every move scrolls, and a page size of 0 counts as 1")
  func pageSizeOne() {
    var root = Self.twelve(pageSize: 5)
    Self.binding.setPageSize(0, in: &root)
    #expect(root.list.pageSize == 1)
    Self.binding.perform(.down, in: &root)
    #expect(root.list.scrollOffset == 1)
    Self.binding.perform(.pageDown, in: &root)
    #expect(root.list.selectedIndex == 2)
    #expect(root.list.window(count: 12) == 2..<3)
    Self.binding.perform(.up, in: &root)
    #expect(root.list.window(count: 12) == 1..<2)
  }

  @Test("the sort cycle visits every column and wraps")
  func sortCycle() {
    var root = Self.twelve(pageSize: 3)
    Self.binding.perform(.cycleSort, in: &root)
    #expect(root.list.sortColumn == .size)
    #expect(root.list.sortDescending)
    Self.binding.perform(.cycleSort, in: &root)
    #expect(root.list.sortColumn == .name)
    #expect(!root.list.sortDescending)
  }

  @Test("typing a filter ignores control characters and keys it does not know")
  func filterEditing() {
    var root = Self.twelve(pageSize: 3)
    Self.binding.perform(.startFilter, in: &root)
    #expect(root.list.isEditingFilter)
    #expect(root.list.filter == "")
    #expect(!Self.binding.editFilter(.character("\u{7}"), in: &root))
    #expect(!Self.binding.editFilter(.tab, in: &root))
    Self.binding.editFilter(.character("R"), in: &root)
    Self.binding.editFilter(.character("1"), in: &root)
    #expect(root.rows.map(\.listID) == ["r10", "r11"])  // matched case-insensitively
    Self.binding.editFilter(.backspace, in: &root)
    #expect(root.list.filter == "R")
    Self.binding.editFilter(.enter, in: &root)
    #expect(!root.list.isEditingFilter)
    #expect(root.list.filter == "R")
  }
}
