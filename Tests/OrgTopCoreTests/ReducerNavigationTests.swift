import Foundation
import OrgTopCore
import OrgTopTestSupport
import Testing

@Suite("Reducer: navigation, filter, sort")
struct ReducerNavigationTests {
  static let names = ["alpha", "bravo", "charlie", "delta", "echo"]

  static func keys(_ names: [String]) -> [APIKey] {
    names.map { APIKey(id: "k-\($0)", name: $0, status: .active, createdAt: Fixtures.now) }
  }

  static func costs(_ cents: [String: Int], query: ReportQuery) -> CostReport {
    let rows = cents.map {
      CostRow(
        start: query.start, end: query.end, apiKeyID: "k-\($0.key)", model: "m",
        amount: Money(minorUnits: Decimal($0.value)))
    }
    return CostReport(query: query, rows: rows, source: .analytics, dataRefreshedAt: nil)
  }

  static let initialCosts = ["alpha": 500, "bravo": 100, "charlie": 300, "delta": 400, "echo": 200]

  /// Five keys sorted by cost (descending): alpha, delta, charlie, echo, bravo; 3 rows a page.
  static func loaded() -> ReducerHarness {
    var harness = ReducerHarness()
    harness.send(
      .layoutChanged(size: TerminalSize(columns: 80, rows: 24), pageSizes: PageSizes([.keys: 3])))
    let started = harness.start()
    harness.complete(started) { slot, request in
      switch (slot, request) {
      case (.apiKeys, _): .success(.apiKeys(keys(names)))
      case (.monthCost, .cost(let query)): .success(.cost(costs(initialCosts, query: query)))
      default: .success(Fixtures.response(to: request))
      }
    }
    return harness
  }

  static func order(_ harness: ReducerHarness) -> [String] {
    harness.state.keyRows.map(\.key.name)
  }

  static func selection(_ harness: ReducerHarness) -> (String?, Int, Int) {
    (
      harness.state.keyList.selectedID, harness.state.keyList.selectedIndex,
      harness.state.keyList.scrollOffset
    )
  }

  @Test func defaultSortIsCostDescending() {
    let harness = Self.loaded()
    #expect(Self.order(harness) == ["alpha", "delta", "charlie", "echo", "bravo"])
    #expect(Self.selection(harness) == ("k-alpha", 0, 0))
  }

  @Test func arrowsAndVimKeysMoveAndClamp() {
    var harness = Self.loaded()
    #expect(harness.press(.up).isEmpty)
    #expect(Self.selection(harness) == ("k-alpha", 0, 0))
    harness.press(.down)
    harness.press(.character("j"))
    #expect(Self.selection(harness) == ("k-charlie", 2, 0))
    harness.press(.down)
    #expect(Self.selection(harness) == ("k-echo", 3, 1))  // scrolled to keep it in view
    harness.press(.character("k"))
    #expect(Self.selection(harness) == ("k-charlie", 2, 1))
    harness.press(.end)
    #expect(Self.selection(harness) == ("k-bravo", 4, 2))
    harness.press(.down)
    #expect(Self.selection(harness) == ("k-bravo", 4, 2))
    harness.press(.home)
    #expect(Self.selection(harness) == ("k-alpha", 0, 0))
    harness.press(.character("G"))
    #expect(Self.selection(harness) == ("k-bravo", 4, 2))
    harness.press(.character("g"))
    #expect(Self.selection(harness) == ("k-alpha", 0, 0))
  }

  @Test func pagesMoveByTheVisibleRowCount() {
    var harness = Self.loaded()
    harness.press(.pageDown)
    #expect(Self.selection(harness) == ("k-echo", 3, 1))
    harness.press(.pageDown)
    #expect(Self.selection(harness) == ("k-bravo", 4, 2))
    harness.press(.pageUp)
    #expect(Self.selection(harness) == ("k-delta", 1, 1))
    harness.press(.pageUp)
    #expect(Self.selection(harness) == ("k-alpha", 0, 0))
  }

  @Test func resizeKeepsTheSelectionInView() {
    var harness = Self.loaded()
    harness.press(.end)
    harness.send(
      .layoutChanged(size: TerminalSize(columns: 80, rows: 10), pageSizes: PageSizes([.keys: 1])))
    #expect(Self.selection(harness) == ("k-bravo", 4, 4))
    harness.send(
      .layoutChanged(size: TerminalSize(columns: 200, rows: 60), pageSizes: PageSizes([.keys: 10])))
    #expect(Self.selection(harness) == ("k-bravo", 4, 0))
    harness.send(
      .layoutChanged(size: TerminalSize(columns: 80, rows: 5), pageSizes: PageSizes([.keys: 0])))
    #expect(harness.state.keyList.pageSize == 1)
  }

  @Test func selectionFollowsTheKeyAcrossRefreshes() {
    var harness = Self.loaded()
    harness.press(.down)
    harness.press(.down)
    #expect(Self.selection(harness).0 == "k-charlie")
    let query = ReportWindows.monthCost(at: harness.now)
    var newCosts = Self.initialCosts
    newCosts["charlie"] = 900
    harness.send(
      .fetchCompleted(
        .monthCost, .success(.cost(Self.costs(newCosts, query: query))), at: harness.now))
    #expect(Self.order(harness) == ["charlie", "alpha", "delta", "echo", "bravo"])
    #expect(Self.selection(harness) == ("k-charlie", 0, 0))
  }

  @Test func selectionFallsBackToTheNearestRowWhenTheKeyDisappears() {
    var harness = Self.loaded()
    harness.press(.pageDown)
    #expect(Self.selection(harness).0 == "k-echo")
    harness.send(
      .fetchCompleted(
        .apiKeys, .success(.apiKeys(Self.keys(["alpha", "bravo", "charlie", "delta"]))),
        at: harness.now))
    #expect(Self.selection(harness) == ("k-bravo", 3, 1))
    harness.send(.fetchCompleted(.apiKeys, .success(.apiKeys([])), at: harness.now))
    #expect(harness.state.keyRows.isEmpty)
    #expect(harness.state.keyList.scrollOffset == 0)
  }

  @Test func filterIsTypedKeptAndCleared() {
    var harness = Self.loaded()
    harness.press(.character("/"))
    #expect(harness.state.keyList.isEditingFilter)
    #expect(harness.state.keyList.filter == "")
    harness.type("HA")
    #expect(Self.order(harness) == ["alpha", "charlie"])  // case-insensitive
    harness.press(.character("q"))  // typed, not quit
    #expect(!harness.state.isQuitting)
    #expect(harness.state.keyList.filter == "HAq")
    #expect(Self.order(harness).isEmpty)
    harness.press(.backspace)
    harness.press(.enter)
    #expect(!harness.state.keyList.isEditingFilter)
    #expect(harness.state.keyList.filter == "HA")
    #expect(Self.order(harness) == ["alpha", "charlie"])
    harness.press(.escape)
    #expect(harness.state.keyList.filter == nil)
    #expect(Self.order(harness).count == 5)
    #expect(Self.selection(harness) == ("k-alpha", 0, 0))
  }

  @Test func filterMovesTheSelectionToTheNearestMatch() {
    var harness = Self.loaded()
    harness.press(.pageDown)  // echo, index 3
    harness.press(.character("/"))
    harness.type("ha")
    #expect(Self.selection(harness) == ("k-charlie", 1, 0))
    harness.press(.up)  // arrows still move while typing
    #expect(Self.selection(harness).0 == "k-alpha")
    harness.press(.escape)
    #expect(harness.state.keyList.filter == nil)
    #expect(!harness.state.keyList.isEditingFilter)
  }

  @Test func emptyFilterOnEnterIsNoFilter() {
    var harness = Self.loaded()
    harness.press(.character("/"))
    harness.press(.enter)
    #expect(harness.state.keyList.filter == nil)
  }

  @Test func sortCyclesAndReverses() {
    var harness = Self.loaded()
    harness.press(.down)  // delta
    harness.press(.character("s"))
    #expect(harness.state.keyList.sortColumn == .name)
    #expect(!harness.state.keyList.sortDescending)
    #expect(Self.order(harness) == ["alpha", "bravo", "charlie", "delta", "echo"])
    #expect(Self.selection(harness).0 == "k-delta")
    #expect(Self.selection(harness).1 == 3)
    harness.press(.character("S"))
    #expect(Self.order(harness) == ["echo", "delta", "charlie", "bravo", "alpha"])
    #expect(Self.selection(harness).1 == 1)
    harness.press(.character("s"))
    #expect(harness.state.keyList.sortColumn == .status)
    for _ in 0..<(KeyColumn.allCases.count - 1) { harness.press(.character("s")) }
    #expect(harness.state.keyList.sortColumn == .name)
  }

  @Test func detailHelpAndEscape() {
    var harness = Self.loaded()
    harness.press(.down)
    harness.press(.enter)
    #expect(harness.state.overlay == .keyDetail)
    harness.press(.character("j"))  // ignored under an overlay
    #expect(Self.selection(harness).0 == "k-delta")
    harness.press(.character("?"))
    #expect(harness.state.overlay == .help)
    harness.press(.character("?"))
    #expect(harness.state.overlay == nil)
    harness.press(.enter)
    harness.press(.escape)
    #expect(harness.state.overlay == nil)
  }

  @Test func enterOnAnEmptyTableOpensNothing() {
    var harness = Self.loaded()
    harness.press(.character("/"))
    harness.type("zzz")
    harness.press(.enter)
    harness.press(.enter)
    #expect(harness.state.overlay == nil)
  }

  @Test func tabCyclesFocus() {
    var harness = Self.loaded()
    #expect(harness.state.focus == .keys)
    harness.press(.tab)
    #expect(harness.state.focus == .usage)
    harness.press(.tab)
    #expect(harness.state.focus == .overview)
    harness.press(.tab)
    #expect(harness.state.focus == .keys)
    harness.press(.backTab)
    #expect(harness.state.focus == .overview)
  }

  @Test func quitKeys() {
    var harness = Self.loaded()
    #expect(harness.press(.character("q")) == [.quit])
    #expect(harness.state.isQuitting)
    var typing = Self.loaded()
    typing.press(.character("/"))
    #expect(typing.press(.control("c")) == [.quit])
    var overlay = Self.loaded()
    overlay.press(.character("?"))
    #expect(overlay.press(.character("q")) == [.quit])
  }
}

extension ReducerNavigationTests {
  /// Every column, both directions, on the shared fixture (twelve varied keys), against a
  /// comparator written out here: the column's value (text case-insensitively; a key that never
  /// expires as the latest expiry; unknown activity least), then the name case-insensitively,
  /// then the id.
  @Test(arguments: KeyColumn.allCases)
  func everyColumnSortsByItsValueThenNameThenID(_ column: KeyColumn) {
    var harness = ReducerHarness()
    harness.loadFixture()
    for descending in [false, true] {
      harness.state.keyList.sortColumn = column
      harness.state.keyList.sortDescending = descending
      let rows = harness.state.keyRows
      func primary(_ row: KeyRowFacts) -> (String?, Double?, Decimal?) {
        switch column {
        case .name: (row.key.name.lowercased(), nil, nil)
        case .status: (row.key.status.wire.lowercased(), nil, nil)
        // The number of flags.
        case .flags: (nil, Double(row.flags.count), nil)
        case .workspace: (row.workspaceName.lowercased(), nil, nil)
        case .createdBy: (row.creatorName.lowercased(), nil, nil)
        case .created: (nil, row.key.createdAt.timeIntervalSince1970, nil)
        case .expires: (nil, row.key.expiresAt?.timeIntervalSince1970 ?? .infinity, nil)
        case .lastActive:
          switch row.lastActive {
          case .day(let day): (nil, day.timeIntervalSince1970, nil)
          case .never: (nil, -2, nil)
          case .beforeWindow: (nil, -1, nil)
          case .unknown: (nil, -3, nil)
          }
        case .tokens: (nil, Double(row.tokensMTD ?? -1), nil)
        case .cost: (nil, nil, row.costMTD?.minorUnits ?? -1)
        }
      }
      let expected = rows.sorted { lhs, rhs in
        let (a, b) = (primary(lhs), primary(rhs))
        if let x = a.0, let y = b.0, x != y { return descending ? x > y : x < y }
        if let x = a.1, let y = b.1, x != y { return descending ? x > y : x < y }
        if let x = a.2, let y = b.2, x != y { return descending ? x > y : x < y }
        let (left, right) = (lhs.key.name.lowercased(), rhs.key.name.lowercased())
        return left != right ? left < right : lhs.key.id < rhs.key.id
      }
      #expect(rows.map(\.key.id) == expected.map(\.key.id), "\(column) descending: \(descending)")
      #expect(rows.count == Fixtures.apiKeys.count)
    }
  }

  @Test func tiesGoByNameCaseInsensitivelyThenByID() {
    var harness = ReducerHarness()
    let keys = [("k3", "beta"), ("k2", "Alpha"), ("k1", "alpha"), ("k0", "ALPHA")].map {
      APIKey(id: $0.0, name: $0.1, status: .active, createdAt: Fixtures.now)
    }
    harness.send(.fetchCompleted(.apiKeys, .success(.apiKeys(keys)), at: Fixtures.now))
    harness.state.keyList.sortColumn = .status  // all equal: the name and id decide
    #expect(harness.state.keyRows.map(\.key.id) == ["k0", "k1", "k2", "k3"])
  }
}

extension ReducerNavigationTests {
  @Test func permutingInPlaceEqualsPickingByIndex() {
    var generator = SystemRandomNumberGenerator()
    for count in [0, 1, 2, 3, 10, 257] {
      for _ in 0..<20 {
        let rows = (0..<count).map { "row \($0)" }
        let order = Array(rows.indices).shuffled(using: &generator)
        var permuted = rows
        var scratch = order
        Derivation.permute(&permuted, by: &scratch)
        #expect(permuted == order.map { rows[$0] })
        #expect(scratch == Array(rows.indices))
      }
    }
  }
}
