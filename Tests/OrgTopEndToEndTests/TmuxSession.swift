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
  init(columns: Int, rows: Int) async throws {
    socket = "orgtop-e2e-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    try await tmux(
      "-f", "/dev/null", "new-session", "-d", "-s", name, "-x", "\(columns)", "-y", "\(rows)",
      "env -i PATH=/usr/bin:/bin HOME=/tmp TERM=tmux-256color LANG=C.UTF-8 bash --norc --noprofile")
    try await tmux("set-option", "-t", name, "-g", "default-terminal", "tmux-256color")
  }

  /// Runs `body` with a new session and always ends the tmux server afterwards.
  static func with<T>(
    columns: Int, rows: Int, _ body: (TmuxSession) async throws -> T
  ) async throws -> T {
    let session = try await TmuxSession(columns: columns, rows: rows)
    do {
      let result = try await body(session)
      await session.close()
      return result
    } catch {
      await session.close()
      throw error
    }
  }

  /// Ends the tmux server and everything in it.
  func close() async {
    _ = try? await tmux("kill-server")
  }

  /// Types a shell command line into the pane and presses Enter.
  func run(_ commandLine: String) async throws {
    try await tmux("send-keys", "-t", name, "-l", commandLine)
    try await tmux("send-keys", "-t", name, "Enter")
  }

  /// Presses keys by tmux name (`Down`, `Enter`, `Escape`, `q`, `C-c`).
  func press(_ keys: String...) async throws {
    for key in keys { try await tmux(["send-keys", "-t", name, key]) }
  }

  /// The visible screen as plain text, one line per row.
  func screen() async throws -> String {
    try await tmux("capture-pane", "-p", "-t", name)
  }

  /// The visible screen with SGR escape sequences, to check attributes such as reverse video.
  func screenWithAttributes() async throws -> String {
    try await tmux("capture-pane", "-p", "-e", "-t", name)
  }

  /// Resizes the window; tmux delivers SIGWINCH to the program.
  func resize(columns: Int, rows: Int) async throws {
    try await tmux("resize-window", "-t", name, "-x", "\(columns)", "-y", "\(rows)")
  }

  /// The pid of the process in the foreground of the pane, other than the shell.
  func foregroundPID(named command: String) async throws -> pid_t? {
    let shell = try await tmux("display-message", "-p", "-t", name, "#{pane_pid}")
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let children = try await Self.output(of: "/usr/bin/pgrep", ["-P", shell, "-x", command])
    return children.split(separator: "\n").first.flatMap { pid_t($0) }
  }

  /// Waits until the screen (with attributes when asked) satisfies `condition`, re-reading it
  /// every 50 ms, and returns it. This is a wait for an event with a generous deadline, not a
  /// timing assertion; it suspends rather than blocks, so other tests keep their threads.
  @discardableResult
  func waitFor(
    _ what: String, timeout: TimeInterval = 30, withAttributes: Bool = false,
    _ condition: (String) -> Bool
  ) async throws -> String {
    let deadline = Date().addingTimeInterval(timeout)
    var last = ""
    while Date() < deadline {
      last = withAttributes ? try await screenWithAttributes() : try await screen()
      if condition(last) { return last }
      try await Task.sleep(for: .milliseconds(50))
    }
    throw Failure(description: "timed out waiting for \(what); screen was:\n\(last)")
  }

  /// Waits until the screen contains `text`.
  @discardableResult
  func waitFor(text: String, timeout: TimeInterval = 30) async throws -> String {
    try await waitFor("\"\(text)\"", timeout: timeout) { $0.contains(text) }
  }

  @discardableResult
  private func tmux(_ arguments: String...) async throws -> String {
    try await tmux(arguments)
  }

  @discardableResult
  private func tmux(_ arguments: [String]) async throws -> String {
    try await Self.output(of: "/usr/bin/tmux", ["-L", socket] + arguments)
  }

  /// Runs a program to completion and returns its standard output.
  ///
  /// Spawned with `posix_spawn` and reaped with `waitpid`, not with Foundation's `Process`:
  /// Foundation notices a child's exit through a socket the child inherits, and the server that
  /// `tmux new-session` forks keeps that socket open forever. Output goes to a file for the
  /// same reason. The wait suspends between `WNOHANG` polls instead of blocking a thread of
  /// the shared pool.
  static func output(of executable: String, _ arguments: [String]) async throws -> String {
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("orgtop-e2e-\(UUID().uuidString).out").path
    defer { try? FileManager.default.removeItem(atPath: file) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, file, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    // The pool's threads block most signals; a tmux server that inherited that mask could
    // neither reap its shells nor obey kill-server. Start children with a clean mask.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    var allSignals = sigset_t()
    sigfillset(&allSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { for argument in argv { free(argument) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
    guard spawned == 0 else {
      throw Failure(description: "cannot run \(executable): error \(spawned)")
    }
    var status: Int32 = 0
    while waitpid(pid, &status, WNOHANG) == 0 {
      try await Task.sleep(for: .milliseconds(5))
    }
    return (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
  }
}
