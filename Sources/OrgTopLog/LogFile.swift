import Foundation
import Synchronization

/// An append-only log file capped in size: when a line would take it past `maximumBytes`, the
/// file is renamed to `<path>.1` (replacing the previous one) and a new one is started, so the
/// log never holds more than twice the cap on disk. Created with mode 0600 in a directory of
/// mode 0700: a log names organizations, keys' ids and errors, never a secret, but it is
/// nobody else's business.
package final class LogFile: Sendable {
  /// Where the log is written.
  package let path: String
  private let maximumBytes: Int
  private let state = Mutex<FileHandle?>(nil)

  /// A log at `path`, rotated at `maximumBytes` (1 MiB by default). Nothing is opened until the
  /// first line.
  package init(path: String, maximumBytes: Int = 1 << 20) {
    self.path = path
    self.maximumBytes = maximumBytes
  }

  /// The log file's default place: `$XDG_STATE_HOME/orgtop/orgtop.log`, or
  /// `~/.local/state/orgtop/orgtop.log` when `XDG_STATE_HOME` is unset or not absolute.
  package static func defaultPath(environment: [String: String]) -> String {
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
      return state + "/orgtop/orgtop.log"
    }
    let home = environment["HOME"] ?? NSHomeDirectory()
    return home + "/.local/state/orgtop/orgtop.log"
  }

  /// Appends one line (a newline is added). A log that cannot be written is dropped silently:
  /// logging must never stop the dashboard.
  package func append(_ line: String) {
    let data = Data((line + "\n").utf8)
    state.withLock { handle in
      if handle == nil { handle = open() }
      guard let current = handle else { return }
      let size = (try? current.seekToEnd()) ?? 0
      if size > 0, Int(size) + data.count > maximumBytes {
        try? current.close()
        let rotated = path + ".1"
        try? FileManager.default.removeItem(atPath: rotated)
        try? FileManager.default.moveItem(atPath: path, toPath: rotated)
        handle = open()
      }
      try? handle?.write(contentsOf: data)
    }
  }

  private func open() -> FileHandle? {
    let directory = (path as NSString).deletingLastPathComponent
    try? FileManager.default.createDirectory(
      atPath: directory, withIntermediateDirectories: true,
      attributes: [.posixPermissions: 0o700])
    if !FileManager.default.fileExists(atPath: path) {
      FileManager.default.createFile(
        atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
    }
    guard let handle = FileHandle(forWritingAtPath: path) else { return nil }
    _ = try? handle.seekToEnd()
    return handle
  }
}
