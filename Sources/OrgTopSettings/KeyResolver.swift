import Foundation
import Subprocess

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads the admin key from its source (docs/config.md, "Key sources") and checks that it looks
/// like an Admin key.
package enum KeyResolver {
  /// The key from `source`. Errors say which source failed and why, never with the key or
  /// with a command's output.
  package static func resolve(
    _ source: KeySource, environment: [String: String], timeout: Duration = .seconds(10)
  ) async throws(KeySourceError) -> SecretKey {
    let key: String
    let origin: String
    switch source {
    case .environment(let names):
      guard let name = names.first(where: { !(environment[$0] ?? "").trimmed.isEmpty }),
        let value = environment[name]
      else {
        throw KeySourceError(
          "no admin key: \(names.joined(separator: " or ")) is not set",
          isMissing: source == .standard)
      }
      key = value.trimmed
      origin = name
    case .file(let path):
      key = try read(file: path)
      origin = "admin_key_file \(path)"
    case .command(let argv):
      key = try await run(argv, timeout: timeout)
      origin = source.description
    }
    try checkShape(key, from: origin)
    return SecretKey(key)
  }

  /// Refuses what is plainly not an Admin key, saying what it looks like.
  static func checkShape(_ key: String, from origin: String) throws(KeySourceError) {
    if key.hasPrefix("sk-ant-admin") { return }
    let looksLike: String
    if key.hasPrefix("sk-ant-api") {
      looksLike = "an ordinary API key (sk-ant-api…)"
    } else if key.hasPrefix("sk-ant-oat") {
      looksLike = "an OAuth token (sk-ant-oat…)"
    } else if key.hasPrefix("sk-ant-") {
      looksLike = "another kind of Anthropic key"
    } else {
      looksLike = "no Anthropic key at all"
    }
    throw KeySourceError(
      "the key in \(origin) looks like \(looksLike), not an Admin key (sk-ant-admin…): "
        + "create one at console.anthropic.com/settings/admin-keys")
  }

  /// The first line of a file that only its owner can read, as ssh insists for private keys.
  private static func read(file path: String) throws(KeySourceError) -> String {
    var info = stat()
    guard stat(path, &info) == 0 else {
      throw KeySourceError("admin_key_file \(path): no such file (or it cannot be read)")
    }
    let mode = Int(info.st_mode) & 0o777
    guard mode & 0o077 == 0 else {
      throw KeySourceError(
        "admin_key_file \(path) is readable by group or others (mode \(String(mode, radix: 8))): "
          + "run chmod 600 on it")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw KeySourceError("admin_key_file \(path) cannot be read")
    }
    let line = firstLine(String(decoding: data, as: UTF8.self))
    guard !line.isEmpty else { throw KeySourceError("admin_key_file \(path) is empty") }
    return line
  }

  /// The first line of a command's standard output, run without a shell, within `timeout`.
  private static func run(_ argv: [String], timeout: Duration) async throws(KeySourceError)
    -> String
  {
    let description = KeySource.command(argv).description
    guard let program = argv.first else { throw KeySourceError("\(description) is empty") }
    let executable: Executable = program.contains("/") ? .path(.init(program)) : .name(program)
    let outcome: Result<(Bool, Int32?, String), any Error> = await withTaskGroup(
      of: Result<(Bool, Int32?, String), any Error>?.self
    ) { group in
      group.addTask {
        do {
          let result = try await Subprocess.run(
            executable, arguments: Arguments(Array(argv.dropFirst())),
            output: .string(limit: 64 * 1024), error: .discarded)
          if case .exited(let code) = result.terminationStatus {
            return .success((code == 0, code, result.standardOutput))
          }
          return .success((false, nil, ""))
        } catch {
          return .failure(error)
        }
      }
      group.addTask {
        try? await Task.sleep(for: timeout)
        return nil
      }
      let first = await group.next() ?? nil
      group.cancelAll()
      return first ?? .failure(CancellationError())
    }
    switch outcome {
    case .failure(is CancellationError):
      throw KeySourceError("\(description) timed out after \(timeout.components.seconds) s")
    case .failure:
      throw KeySourceError("\(description) could not be started")
    case .success((let ok, let code, let output)):
      guard ok else {
        let status = code.map { "exited with status \($0)" } ?? "was killed by a signal"
        throw KeySourceError("\(description) \(status)")
      }
      let line = firstLine(output)
      guard !line.isEmpty else { throw KeySourceError("\(description) printed no key") }
      return line
    }
  }

  private static func firstLine(_ text: String) -> String {
    (text.split(whereSeparator: \.isNewline).first.map(String.init) ?? "").trimmed
  }
}

extension String {
  fileprivate var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
