import CNcurses
import OrgTopCore
import OrgTopUI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension NcursesBackend {
  /// Reads every key curses has (stdin was reported readable) and decodes them.
  ///
  /// When nothing could be read, stdin may have hit end of file or hung up: `poll` reports
  /// such a descriptor readable forever, so that is reported as ``TerminalEvent/inputClosed``
  /// instead of spinning.
  package func readInput() -> [TerminalEvent] {
    guard session.isActive else { return [] }
    var events: [TerminalEvent] = []
    var reads = 0
    var value: wint_t = 0
    while true {
      let status = wget_wch(session.window, &value)
      if status == ERR { break }
      reads += 1
      if status == KEY_CODE_YES {
        if Int32(value) == KEY_RESIZE {
          events += resize()
        } else if let key = KeyDecoder.decode(.code(Int32(value))) {
          events.append(.key(key))
        }
      } else if let key = KeyDecoder.decode(.character(value)) {
        events.append(.key(key))
      }
    }
    if reads > 0 {
      emptyReads = 0
      return events
    }
    let revents = nc_poll_now(STDIN_FILENO)
    if revents < 0 || revents & (nc_POLLHUP() | nc_POLLERR() | nc_POLLNVAL()) != 0 {
      return [.inputClosed]
    }
    // Readable yet curses read nothing, again and again: end of file.
    emptyReads += 1
    return emptyReads >= 8 ? [.inputClosed] : []
  }

  /// The terminal changed size (SIGWINCH): adopt the kernel's size and repaint everything.
  package func resize() -> [TerminalEvent] {
    guard session.isActive else { return [] }
    var rows: Int32 = 0
    var columns: Int32 = 0
    guard nc_winsize(STDOUT_FILENO, &rows, &columns) == 0 else { return [] }
    resizeterm(rows, columns)
    // resizeterm queues a KEY_RESIZE; take it (and any keys behind it) now, or it would wait
    // in curses' buffer for the next keypress.
    var keys: [TerminalEvent] = []
    var value: wint_t = 0
    while true {
      let status = wget_wch(session.window, &value)
      if status == ERR { break }
      if status == KEY_CODE_YES {
        if Int32(value) != KEY_RESIZE, let key = KeyDecoder.decode(.code(Int32(value))) {
          keys.append(.key(key))
        }
      } else if let key = KeyDecoder.decode(.character(value)) {
        keys.append(.key(key))
      }
    }
    let newSize = TerminalSize(
      columns: Int(getmaxx(session.window)), rows: Int(getmaxy(session.window)))
    size = newSize
    requestFullRedraw()
    return [.resized(newSize)] + keys
  }

  /// ^Z (SIGTSTP): give the terminal back to the shell and stop the process.
  package func suspend() {
    guard session.isActive else { return }
    session.suspend()
    // SIGTSTP is caught (by Dispatch), so stop with the uncatchable signal instead, sent to
    // this thread: `kill(getpid(), …)` is taken by whichever thread the kernel picks, and this
    // one could go on to draw a frame (which puts curses back in program mode) before the stop
    // lands, leaving the shell to save the raw modes and the job to come back in line mode.
    raise(SIGSTOP)
  }

  /// SIGCONT: back in the foreground. Restores the modes and asks for a full repaint; the size
  /// may have changed while stopped.
  package func resume() -> [TerminalEvent] {
    guard session.isActive else { return [] }
    session.resume()
    requestFullRedraw()
    var rows: Int32 = 0
    var columns: Int32 = 0
    if nc_winsize(STDOUT_FILENO, &rows, &columns) == 0,
      Int(rows) != size.rows || Int(columns) != size.columns
    {
      return resize()
    }
    return [.redrawRequested]
  }
}
