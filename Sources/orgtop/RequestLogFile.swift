import Foundation

/// An append-only text file for the embedded simulator's request log: the terminal belongs to
/// the dashboard, so the log goes to a file the user names (`--request-log`).
final class RequestLogFile: Sendable {
  private let handle: FileHandle

  /// Opens (creating if needed, mode 0600) the file for appending.
  init(path: String) throws {
    if !FileManager.default.fileExists(atPath: path) {
      _ = FileManager.default.createFile(
        atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
    }
    guard let handle = FileHandle(forWritingAtPath: path) else {
      throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
    }
    handle.seekToEndOfFile()
    self.handle = handle
  }

  /// Appends one line.
  func append(_ line: String) {
    handle.write(Data((line + "\n").utf8))
  }
}
