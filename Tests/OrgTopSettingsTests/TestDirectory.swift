import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A temporary directory for configuration and key files, removed when the test is done.
final class TestDirectory {
  let path: String

  init() throws {
    path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("orgtop-settings-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  /// Writes `text` to `name` inside the directory with `mode`; returns the file's path.
  @discardableResult
  func write(_ text: String, to name: String = "config.yaml", mode: mode_t = 0o600) throws
    -> String
  {
    let file = path + "/" + name
    try FileManager.default.createDirectory(
      atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: file))
    // chmod rather than FileManager's attributes: the umask must not get a say.
    guard chmod(file, mode) == 0 else { throw CocoaError(.fileWriteNoPermission) }
    return file
  }

  /// An environment whose configuration file is `config.yaml` here (through
  /// `XDG_CONFIG_HOME=<dir>/xdg`, written by ``writeConfig(_:)``), plus `extra`.
  func environment(_ extra: [String: String] = [:]) -> [String: String] {
    ["XDG_CONFIG_HOME": path + "/xdg", "HOME": path].merging(extra) { $1 }
  }

  /// The configuration file's path under ``environment(_:)``.
  var configPath: String { path + "/xdg/orgtop/config.yaml" }

  /// Writes the configuration file found through ``environment(_:)``.
  @discardableResult
  func writeConfig(_ text: String) throws -> String {
    try write(text, to: "xdg/orgtop/config.yaml")
  }
}
