import OrgTopCore

/// Something the terminal reports to the program loop, already decoded by the backend.
package enum TerminalEvent: Hashable, Sendable {
  case key(KeyPress)
  /// The terminal now has this size (the backend has already adapted its own buffers).
  case resized(TerminalSize)
  /// The screen content was lost (e.g. after the process was resumed from ^Z): draw again.
  case redrawRequested
  /// A signal asked the program to end (SIGINT, SIGTERM, SIGHUP), by number.
  case terminationRequested(signal: Int32)
  /// Standard input reached end of file or hung up: nobody is at the keyboard any more.
  case inputClosed
}

/// How the program loop ended; `status` is the process exit status to use.
package enum ProgramExit: Hashable, Sendable {
  /// The user quit (`q`).
  case quit
  /// A termination signal arrived.
  case signal(Int32)
  /// Standard input closed.
  case inputClosed

  /// 0 for a normal quit, 128 + n for signal n (the shell convention), 129 (as for SIGHUP) when
  /// the input hung up.
  package var status: Int32 {
    switch self {
    case .quit: 0
    case .signal(let number): 128 + number
    case .inputClosed: 129
    }
  }
}
