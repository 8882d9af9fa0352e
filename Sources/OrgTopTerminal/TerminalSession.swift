import CNcurses
import CTermGuard
import OrgTopUI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A running curses session on the process's terminal: preflight checks, start-up, the modes
/// the dashboard needs, and the way back (suspend, resume, shut down).
///
/// Only ``NcursesBackend`` uses it; all curses state lives on the main actor.
@MainActor
package final class TerminalSession {
  /// The curses screen (from `newterm`).
  let screen: OpaquePointer
  /// The standard screen window everything is drawn into.
  let window: UnsafeMutablePointer<WINDOW>
  /// The colours in use.
  package let palette: TerminalPalette
  /// Unicode when the locale's character set is UTF-8, ASCII otherwise.
  package let glyphs: GlyphSet
  private(set) var isActive = true

  /// Checks that the dashboard can run on this process's terminal, without changing it.
  /// Call ``start(environment:)`` to start; this exists for `--check`-style callers and tests.
  package static func preflight(environment: [String: String]) throws(TerminalSessionError) {
    if isatty(STDIN_FILENO) == 0 { throw .notATerminal(stream: "standard input") }
    if isatty(STDOUT_FILENO) == 0 { throw .notATerminal(stream: "standard output") }
    guard let term = environment["TERM"], !term.isEmpty else { throw .terminalTypeNotSet }
    // setupterm reports errors through `status` instead of exiting as initscr would.
    var status: Int32 = 0
    guard setupterm(term, STDOUT_FILENO, &status) == OK else {
      throw .unknownTerminalType(term)
    }
    defer { del_curterm(nc_cur_term()) }
    var missing: [String] = []
    if nc_has_string_capability("cup") == 0 { missing.append("cup") }
    if nc_has_string_capability("clear") == 0 { missing.append("clear") }
    if !missing.isEmpty {
      throw .terminalTooLimited(term, missing: missing.joined(separator: ", "))
    }
  }

  /// Starts curses on the terminal: locale, preflight, crash guard, modes and colours.
  package static func start(environment: [String: String]) throws(TerminalSessionError)
    -> TerminalSession
  {
    // ncursesw drops every non-ASCII character unless the locale is set before it starts.
    setlocale(LC_ALL, "")
    try preflight(environment: environment)
    let term = environment["TERM"] ?? ""
    // Saved before curses changes the modes: this is what a crash restores.
    _ = term_guard_save_tty(STDOUT_FILENO)
    // ncurses, finding SIGTSTP at its default, ignores the signal for the length of every
    // update (two system calls per frame), so a ^Z pressed while a frame is written is lost.
    // Finding a handler there, it leaves SIGTSTP alone; the Dispatch source made after
    // newterm is what handles ^Z (TerminalEventSources).
    signal(SIGTSTP) { _ in }
    guard let screen = newterm(nil, nc_stdout(), nc_stdin()) else {
      throw .cursesFailed(term)
    }
    set_term(screen)
    guard let window = nc_stdscr() else {
      endwin()
      delscreen(screen)
      throw .cursesFailed(term)
    }
    // ncurses (6.4) writes its buffer out after every cursor move until the screen has been
    // through one endwin and the refresh after it: an idle tick's three changed runs cost three
    // write(2)s to the pty instead of one (seen with strace; after a ^Z and fg it was one).
    // Going through that cycle now, before anything is drawn, costs a few bytes once. Before
    // the modes below: endwin also turns keypad mode off, and ncurses would turn it back on
    // only at its next read, so the first arrow key would arrive as raw escape bytes.
    endwin()
    doupdate()
    cbreak()
    noecho()
    nonl()
    intrflush(window, false)
    keypad(window, true)
    curs_set(0)
    // The cursor is hidden, so never move it back after an update: saves bytes per frame.
    leaveok(window, true)
    // Non-blocking reads: the loop drains keys only when stdin is readable.
    wtimeout(window, 0)
    // No typeahead check: ncurses would poll(2) stdin during every update to abandon it when a
    // key is waiting. The loop reads every waiting key before it draws, and an idle tick's
    // update is a few cells, so the check was a system call per frame for nothing.
    typeahead(-1)
    set_escdelay(25)

    let depth = startColors(noColor: environment["NO_COLOR"])
    let palette = TerminalPalette(depth: depth)
    for pair in palette.pairs {
      init_pair(pair.number, pair.foreground, pair.background)
    }
    let codeset = nc_codeset().map { String(cString: $0) } ?? ""
    let glyphs: GlyphSet = isUTF8(codeset) && !asksForASCII(environment) ? .unicode : .ascii

    installCrashGuard()
    return TerminalSession(screen: screen, window: window, palette: palette, glyphs: glyphs)
  }

  private init(
    screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, palette: TerminalPalette,
    glyphs: GlyphSet
  ) {
    self.screen = screen
    self.window = window
    self.palette = palette
    self.glyphs = glyphs
  }

  /// The glyphs the process's locale can show (Unicode for UTF-8, ASCII otherwise, or when
  /// `ORGTOP_ASCII` asks for them), for output that is not drawn by curses, such as `--once`.
  package nonisolated static func localeGlyphs(environment: [String: String]) -> GlyphSet {
    setlocale(LC_ALL, "")
    let codeset = nc_codeset().map { String(cString: $0) } ?? ""
    return isUTF8(codeset) && !asksForASCII(environment) ? .unicode : .ascii
  }

  /// `ORGTOP_ASCII` set to anything but empty or `0` (what `--ascii` sets): ASCII borders,
  /// bars and sparklines whatever the locale, for terminals and fonts that draw box and
  /// block characters badly.
  package nonisolated static func asksForASCII(_ environment: [String: String]) -> Bool {
    let value = environment["ORGTOP_ASCII"] ?? ""
    return !value.isEmpty && value != "0"
  }

  /// Whether a codeset name from `nl_langinfo(CODESET)` is UTF-8.
  package nonisolated static func isUTF8(_ codeset: String) -> Bool {
    let normalized = codeset.lowercased().filter { $0 != "-" && $0 != "_" }
    return normalized == "utf8"
  }

  private static func startColors(noColor: String?) -> ColorDepth {
    if let noColor, !noColor.isEmpty { return .none }
    guard has_colors() else { return .none }
    start_color()
    use_default_colors()
    let depth = ColorDepth.resolve(noColor: noColor, hasColors: true, colors: Int(nc_COLORS()))
    // Fewer pairs than roles would make init_pair fail: fall back rather than mis-colour.
    if depth != .none, Int(nc_COLOR_PAIRS()) <= TerminalPalette(depth: depth).pairs.count {
      return .none
    }
    return depth
  }

  /// Arms the C crash guard with the sequences that leave full-screen mode.
  private static func installCrashGuard() {
    var sequence = ""
    for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
      if let value = nc_string_capability(capability) { sequence += String(cString: value) }
    }
    _ = term_guard_install(sequence)
  }

  /// Leaves curses mode for a job-control stop (^Z); the shell gets a normal terminal.
  func suspend() {
    guard isActive else { return }
    endwin()
  }

  /// Back from a stop: restore the terminal's modes, re-send keypad mode now (ncurses would only
  /// do it on the next read, so the first arrow key would arrive as raw escape bytes) and
  /// repaint everything.
  ///
  /// The modes: after ``suspend()`` curses restores them itself on the next refresh, but a stop
  /// that did not go through it (SIGSTOP from outside) leaves curses believing it is still in
  /// program mode while the shell has put the terminal back in line mode with echo, so every
  /// key would wait for Enter and be echoed over the screen.
  func resume() {
    guard isActive else { return }
    if !isendwin() { reset_prog_mode() }
    clearok(nc_curscr(), true)
    keypad(window, true)
    curs_set(0)
  }

  /// Restores the terminal: cursor, modes, main screen. Safe to call more than once.
  func shutdown() {
    guard isActive else { return }
    isActive = false
    curs_set(1)
    endwin()
    delscreen(screen)
    term_guard_remove()
  }
}
