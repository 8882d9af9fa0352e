import CNcurses
import OrgTopCore
import OrgTopUI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The dashboard's ``TerminalBackend`` on a real terminal: the only code that touches curses.
///
/// `draw` compares the rows the program redrew with what the terminal shows, in Swift, and
/// hands curses only the cells that changed, so an idle redraw costs nothing and a one-digit
/// change costs a few bytes on the wire; after a resize or a resume from ^Z it repaints
/// everything.
@MainActor
package final class NcursesBackend: TerminalBackend {
  let session: TerminalSession
  /// What the terminal shows (after the last `doupdate`), kept apart from the program's
  /// frame so that neither copies the other's cells on a change.
  private var shown: Grid?
  private var needsFullRedraw = true
  /// Consecutive "readable but nothing to read" wake-ups; see `readInput`.
  var emptyReads = 0
  package internal(set) var size: TerminalSize

  /// Starts curses on the process's terminal; throws a ``TerminalSessionError`` when the
  /// terminal cannot host the dashboard (nothing is changed then).
  package init(environment: [String: String]) throws(TerminalSessionError) {
    session = try TerminalSession.start(environment: environment)
    size = TerminalSize(
      columns: Int(getmaxx(session.window)), rows: Int(getmaxy(session.window)))
  }

  /// What the renderer may draw with on this terminal.
  package var renderOptions: RenderOptions { RenderOptions(glyphs: session.glyphs) }

  package func bell() {
    guard session.isActive else { return }
    beep()
  }

  package func draw(_ grid: Grid, changedRows: [Range<Int>]?) {
    guard session.isActive else { return }
    let window = session.window
    let rows = min(grid.size.rows, size.rows)
    let columns = min(grid.size.columns, size.columns)
    guard !needsFullRedraw, var shown, shown.size == grid.size else {
      werase(window)
      for row in 0..<rows {
        for column in 0..<columns where !grid[row, column].isContinuation {
          put(grid[row, column], row: Int32(row), column: Int32(column))
        }
      }
      self.shown = grid
      needsFullRedraw = false
      wnoutrefresh(window)
      doupdate()
      return
    }
    // Only the listed rows can differ; an idle tick lists a row or two.
    self.shown = nil  // held once, so the rows below are copied in place
    var changed = false
    for range in changedRows ?? [0..<rows] {
      for row in range.clamped(to: 0..<rows) where !grid.rowEquals(row, in: shown) {
        for column in 0..<columns where shown[row, column] != grid[row, column] {
          changed = true
          if grid[row, column].isContinuation { continue }
          put(grid[row, column], row: Int32(row), column: Int32(column))
        }
        shown.copyRow(row, from: grid)
      }
    }
    self.shown = shown
    guard changed else { return }
    wnoutrefresh(window)
    doupdate()
  }

  private func put(_ cell: Cell, row: Int32, column: Int32) {
    let window = session.window
    let appearance = session.palette.appearance(for: cell.style)
    let attributes = Self.cursesAttributes(appearance.attributes)
    let ascii = session.glyphs == .ascii
    var styled = cchar_t()
    if ascii, let line = ASCIIFallback.lineDrawing(cell.grapheme.base) {
      // The terminal's own line-drawing character, in the cell's colours and attributes.
      var glyph = line.pointee
      var characters = [wchar_t](repeating: 0, count: Int(CCHARW_MAX) + 1)
      var lineAttributes: attr_t = 0
      var unusedPair: Int16 = 0
      getcchar(&glyph, &characters, &lineAttributes, &unusedPair, nil)
      setcchar(&styled, characters, lineAttributes | attributes, appearance.pair, nil)
    } else {
      let characters = Self.wideCharacters(cell.grapheme, ascii: ascii)
      setcchar(&styled, characters, attributes, appearance.pair, nil)
    }
    // Writing the bottom-right cell returns ERR (the cursor cannot advance) but draws it.
    _ = mvwadd_wch(window, row, column, &styled)
  }

  /// The characters for one cell, NUL-terminated, as curses wants them: the base character and
  /// its combining marks. A control character becomes `?` (hostile text must never reach the
  /// terminal as an escape sequence; the UI sanitizes too), and so does anything non-ASCII in
  /// ASCII mode, where ncursesw would silently drop it.
  static func wideCharacters(_ grapheme: Grapheme, ascii: Bool) -> [wchar_t] {
    let base = grapheme.base
    if base.value < 0x20 || (0x7F..<0xA0).contains(base.value) {
      return [wchar_t(bitPattern: UInt32(("?" as Unicode.Scalar).value)), 0]
    }
    if ascii, !base.isASCII {
      return [wchar_t(bitPattern: ASCIIFallback.replacement(base).value), 0]
    }
    let scalars = [base, grapheme.firstMark, grapheme.secondMark].compactMap { $0 }
    return scalars.map { wchar_t(bitPattern: $0.value) } + [0]
  }

  static func cursesAttributes(_ attributes: Style.Attributes) -> attr_t {
    var result = nc_A_NORMAL()
    if attributes.contains(.bold) { result |= nc_A_BOLD() }
    if attributes.contains(.dim) { result |= nc_A_DIM() }
    if attributes.contains(.reverse) { result |= nc_A_REVERSE() }
    if attributes.contains(.underline) { result |= nc_A_UNDERLINE() }
    return result
  }

  /// Makes the next `draw` repaint every cell (the screen content is unknown or lost).
  func requestFullRedraw() {
    needsFullRedraw = true
  }

  /// Restores the terminal (cursor, modes, main screen). Idempotent.
  package func shutdown() {
    session.shutdown()
  }
}
