// TEMPORARY stand-ins for types other helpers are building (UI: Grid, Screen, TerminalBackend;
// Core: DashboardState, DashboardReducer). Deleted when their branches are merged.
import Foundation
import OrgTopCore

/// Stand-in: how a cell is drawn.
package struct Style: Hashable, Sendable {
  package var role: TextRole = .normal
  package var bold = false
  package var dim = false
  package var reverse = false
  package var underline = false
  package init(
    role: TextRole = .normal, bold: Bool = false, dim: Bool = false, reverse: Bool = false,
    underline: Bool = false
  ) {
    self.role = role
    self.bold = bold
    self.dim = dim
    self.reverse = reverse
    self.underline = underline
  }
}

/// Stand-in: one terminal cell.
package struct Cell: Hashable, Sendable {
  package var character: Character
  package var style: Style
  /// A continuation cell covers the right half of a wide character drawn in the cell before.
  package var isContinuation: Bool
  package init(_ character: Character = " ", style: Style = Style(), isContinuation: Bool = false) {
    self.character = character
    self.style = style
    self.isContinuation = isContinuation
  }
}

/// Stand-in: a screenful of cells.
package struct Grid: Hashable, Sendable {
  package let size: TerminalSize
  package var cells: [Cell]
  package init(size: TerminalSize) {
    self.size = size
    cells = Array(repeating: Cell(), count: max(0, size.columns * size.rows))
  }
  package subscript(row: Int, column: Int) -> Cell {
    get { cells[row * size.columns + column] }
    set { cells[row * size.columns + column] = newValue }
  }
  package mutating func write(_ text: String, row: Int, column: Int, style: Style = Style()) {
    var column = column
    for character in text where column < size.columns && row < size.rows {
      self[row, column] = Cell(character, style: style)
      column += 1
    }
  }
  package func text(row: Int) -> String {
    String((0..<size.columns).map { self[row, $0].character })
  }
}

/// Stand-in: which glyph set the renderer may use.
package struct RenderOptions: Hashable, Sendable {
  package enum Glyphs: Hashable, Sendable { case unicode, ascii }
  package var glyphs: Glyphs
  package init(glyphs: Glyphs = .unicode) { self.glyphs = glyphs }
}

/// Stand-in: where frames go.
@MainActor
package protocol TerminalBackend: AnyObject {
  var size: TerminalSize { get }
  func draw(_ grid: Grid)
}

/// Stand-in: the dashboard screen.
package enum Screen {
  package static func render(_ vm: DashboardViewModel, size: TerminalSize, options: RenderOptions)
    -> Grid
  {
    var grid = Grid(size: size)
    grid.write("orgtop " + vm.header.organization + " " + vm.header.clock, row: 0, column: 0)
    for (index, row) in vm.keys.rows.enumerated() where index + 2 < size.rows {
      let selected = index == vm.keys.selectedIndex
      grid.write(
        (selected ? "> " : "  ") + row.cells.joined(separator: " "), row: index + 2, column: 0,
        style: Style(reverse: selected))
    }
    if case .keyDetail(let detail) = vm.overlay { grid.write(detail.title, row: 1, column: 0) }
    let status = vm.status.right.map(\.text).joined()
    grid.write(status, row: size.rows - 1, column: 0)
    return grid
  }
  package static func keyRowsVisible(for size: TerminalSize) -> Int { max(0, size.rows - 4) }
}

/// Stand-in configuration.
package struct DashboardConfiguration: Sendable {
  package var refreshInterval: TimeInterval = 60
  package init() {}
}

/// Stand-in state.
package struct DashboardState: Sendable {
  package var configuration: DashboardConfiguration
  package var organization: Organization?
  package var keys: [APIKey] = []
  package var selected = 0
  package var detailOpen = false
  package var lastError: String?
  package var nextRefresh: Date?
  package var inFlight: Set<DataSlot> = []
  package init(configuration: DashboardConfiguration) { self.configuration = configuration }
}

/// Stand-in reducer.
package enum DashboardReducer {
  package static func reduce(into state: inout DashboardState, action: Action) -> [Effect] {
    switch action {
    case .started(let now):
      state.nextRefresh = now.addingTimeInterval(state.configuration.refreshInterval)
      state.inFlight = [.organization, .apiKeys]
      return [
        .fetch(.organization, .organization), .fetch(.apiKeys, .apiKeys),
        .wake(at: now.addingTimeInterval(state.configuration.refreshInterval)),
      ]
    case .keyPressed(let key, _):
      switch key {
      case .character("q"): return [.quit]
      case .down: state.selected = min(state.selected + 1, max(0, state.keys.count - 1))
      case .up: state.selected = max(0, state.selected - 1)
      case .enter: state.detailOpen = true
      case .escape: state.detailOpen = false
      default: break
      }
      return []
    case .layoutChanged: return []
    case .clockTicked(let now):
      guard let due = state.nextRefresh, now >= due else { return [] }
      state.nextRefresh = now.addingTimeInterval(state.configuration.refreshInterval)
      let slots = [DataSlot.organization, .apiKeys].filter { !state.inFlight.contains($0) }
      state.inFlight.formUnion(slots)
      return slots.map { .fetch($0, $0 == .organization ? .organization : .apiKeys) }
        + [.wake(at: now.addingTimeInterval(state.configuration.refreshInterval))]
    case .fetchCompleted(let slot, let result, _):
      state.inFlight.remove(slot)
      switch result {
      case .success(.organization(let org)):
        state.organization = org
        state.lastError = nil
      case .success(.apiKeys(let keys)):
        state.keys = keys
        state.lastError = nil
      case .success: break
      case .failure(let failure): state.lastError = failure.message
      }
      return []
    case .terminationRequested: return [.quit]
    }
  }
}

extension DashboardViewModel {
  /// Stand-in projection.
  package init(state: DashboardState, now: Date) {
    let rows = state.keys.map { TableRow(id: $0.id, cells: [$0.name], role: .normal) }
    self.init(
      header: HeaderViewModel(
        title: "orgtop", organization: state.organization?.name ?? "…", badges: [], source: "",
        clock: "\(Int(now.timeIntervalSince1970))"),
      overview: OverviewViewModel(title: "", condition: .ready, rows: []),
      usage: UsageViewModel(
        title: "", condition: .ready, gauge: nil, rows: [], sparklines: [], footnote: ""),
      keys: KeyTableViewModel(
        title: "", condition: .ready, columns: [], rows: rows,
        selectedIndex: rows.isEmpty ? nil : state.selected, scrollOffset: 0, sortColumn: 0,
        sortDescending: false, filter: nil, isEditingFilter: false, emptyMessage: "", footer: ""),
      focus: .keys,
      status: StatusBarViewModel(left: [], right: state.lastError.map { [StyledText($0)] } ?? []),
      hints: [],
      overlay: state.detailOpen && !rows.isEmpty
        ? .keyDetail(
          KeyDetailViewModel(title: rows[state.selected].cells[0], sections: [], sparklines: []))
        : nil)
  }
}
