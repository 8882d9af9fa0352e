import Foundation

/// Drives the real `orgtop` binary inside a private tmux server: a real pty, real key presses,
/// real resizes and signals, and the screen read back as text.
///
/// Each session runs a plain shell in the pane and types the command into it, so that after the
/// program ends the test can read its exit status and the tty modes it left behind.
final class TmuxSession {
  /// Why a tmux step failed; carries the last screen so a failing test shows what was there.
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  private let socket: String
  private let name = "e2e"

  /// Starts a detached session of the given size running a clean shell.
  init(columns: Int, rows: Int) throws {
    socket = "orgtop-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    try tmux(
      "-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(columns)", "-y", "\(rows)",
      "env -i PATH=/usr/bin:/bin HOME=/tmp TERM=tmux-256color LANG=C.UTF-8 bash --norc --noprofile")
    try tmux("set-option", "-t", name, "-g", "default-terminal", "tmux-256color")
  }

  deinit {
    _ = try? tmux("kill-server")
  }

  /// Types a shell command line into the pane and presses Enter.
  func run(_ commandLine: String) throws {
    try tmux("send-keys", "-t", name, "-l", commandLine)
    try tmux("send-keys", "-t", name, "Enter")
  }

  /// Presses keys by tmux name (`Down`, `Enter`, `Escape`, `q`, `C-c`).
  func press(_ keys: String...) throws {
    for key in keys { try tmux(["send-keys", "-t", name, key]) }
  }

  /// The visible screen as plain text, one line per row.
  func screen() throws -> String {
    try tmux("capture-pane", "-p", "-t", name)
  }

  /// The visible screen with SGR escape sequences, to check attributes such as reverse video.
  func screenWithAttributes() throws -> String {
    try tmux("capture-pane", "-p", "-e", "-t", name)
  }

  /// Resizes the window; tmux delivers SIGWINCH to the program.
  func resize(columns: Int, rows: Int) throws {
    try tmux("resize-window", "-t", name, "-x", "\(columns)", "-y", "\(rows)")
  }

  /// The pid of the process in the foreground of the pane, other than the shell.
  func foregroundPID(named command: String) throws -> pid_t? {
    let shell = try tmux("display-message", "-p", "-t", name, "#{pane_pid}")
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let children = try Self.output(of: "/usr/bin/pgrep", ["-P", shell, "-x", command])
    return children.split(separator: "\n").first.flatMap { pid_t($0) }
  }

  /// Waits until the screen satisfies `condition`, re-reading it every 50 ms, and returns it.
  /// This is a wait for an event with a generous deadline, not a timing assertion.
  @discardableResult
  func waitFor(
    _ what: String, timeout: TimeInterval = 30, _ condition: (String) -> Bool
  ) throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    var last = ""
    while Date() < deadline {
      last = try screen()
      if condition(last) { return last }
      usleep(50_000)
    }
    throw Failure(description: "timed out waiting for \(what); screen was:\n\(last)")
  }

  /// Waits until the screen contains `text`.
  @discardableResult
  func waitFor(text: String, timeout: TimeInterval = 30) throws -> String {
    try waitFor("\"\(text)\"", timeout: timeout) { $0.contains(text) }
  }

  @discardableResult
  private func tmux(_ arguments: String...) throws -> String {
    try tmux(arguments)
  }

  @discardableResult
  private func tmux(_ arguments: [String]) throws -> String {
    try Self.output(of: "/usr/bin/tmux", ["-L", socket] + arguments)
  }

  /// Runs a program to completion and returns its standard output.
  static func output(of executable: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }
}
