/// Why the full-screen dashboard cannot start on this terminal: one clear line for the user and
/// a distinct process exit status per cause, so scripts can tell them apart.
///
/// Exit statuses: 10 not a terminal, 11 TERM not set, 12 unknown terminal type, 13 terminal
/// cannot do full-screen output, 14 curses failed to start.
package enum TerminalSessionError: Error, Hashable, Sendable {
  /// Standard input or output is not a terminal (piped, redirected, or run from cron).
  case notATerminal(stream: String)
  /// `TERM` is unset or empty.
  case terminalTypeNotSet
  /// terminfo has no entry for `TERM` (or there is no terminfo database).
  case unknownTerminalType(String)
  /// The terminal type exists but lacks cursor addressing or clearing (e.g. `dumb`).
  case terminalTooLimited(String, missing: String)
  /// curses refused to start (`newterm` failed).
  case cursesFailed(String)

  /// The process exit status for this failure.
  package var exitCode: Int32 {
    switch self {
    case .notATerminal: 10
    case .terminalTypeNotSet: 11
    case .unknownTerminalType: 12
    case .terminalTooLimited: 13
    case .cursesFailed: 14
    }
  }

  /// One line saying what is wrong and what to do, without the program-name prefix.
  package var message: String {
    switch self {
    case .notATerminal(let stream):
      "\(stream) is not a terminal: the dashboard needs an interactive terminal"
    case .terminalTypeNotSet:
      "TERM is not set: set it to your terminal's type (e.g. TERM=xterm-256color)"
    case .unknownTerminalType(let term):
      "unknown terminal type '\(Self.printable(term))': install its terminfo entry or set "
        + "TERM to a known type (e.g. xterm-256color)"
    case .terminalTooLimited(let term, let missing):
      "terminal '\(Self.printable(term))' cannot do full-screen UI (missing \(missing)): "
        + "set TERM to e.g. xterm-256color"
    case .cursesFailed(let term):
      "could not start the terminal UI on '\(Self.printable(term))'"
    }
  }

  /// TERM comes from the environment: keep control characters out of the error line.
  private static func printable(_ text: String) -> String {
    let cleaned = text.unicodeScalars.map { scalar in
      scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) ? "?" : String(scalar)
    }
    return String(cleaned.joined().prefix(64))
  }
}
