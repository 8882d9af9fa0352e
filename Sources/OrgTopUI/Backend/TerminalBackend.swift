import OrgTopCore

/// What the program loop needs from a terminal.
///
/// Contract:
/// - ``size`` is the current size in cells; the loop reads it after every resize notification
///   and renders a grid of exactly that size.
/// - ``renderOptions`` says which glyphs the terminal can show (``GlyphSet/ascii`` when the
///   locale is not UTF-8); the loop renders with them. Defaults to Unicode.
/// - ``draw(_:changedRows:)`` shows a whole frame. The backend itself makes only changed cells
///   reach the wire (by diffing against the previous frame, or letting ncurses do it), so the
///   loop may redraw the full grid on every change. When `changedRows` is given, every other
///   row is the same as in the frame drawn before, and the backend need not look at it
///   (`nil`: any row may have changed). Continuation cells (`width == 0`) are skipped; each
///   ``Style`` is mapped to the terminal's colours (256, 8, monochrome or `NO_COLOR`) and
///   attributes. A grid whose size differs from ``size`` (a resize raced the render) is
///   clipped, never a crash.
/// - ``bell()`` rings or flashes, if the terminal can.
///
/// Backends live on the main actor: the loop is the only caller.
@MainActor
package protocol TerminalBackend: AnyObject, SendableMetatype {
  var size: TerminalSize { get }
  var renderOptions: RenderOptions { get }
  func draw(_ grid: Grid, changedRows: [Range<Int>]?)
  func bell()
}

extension TerminalBackend {
  package var renderOptions: RenderOptions { .unicode }
}
