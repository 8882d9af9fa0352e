import Foundation
import Subprocess

/// Runs a key's command (a password manager: `pass show …`, `op read …`) without a shell, and
/// takes the first line of its standard output. Its output never reaches a message, and its
/// standard error is discarded: both may hold the key, and the dashboard's screen is not a
/// place for them.
enum KeyCommand {
  /// More than any key; a command that prints more is not printing a key.
  static let outputLimit = 64 * 1024

  /// The first line of what `argv` prints, within `timeout`.
  static func firstLine(of argv: [String], timeout: Duration) async throws(KeySourceError)
    -> String
  {
    let name = KeySource.command(argv).description
    guard let program = argv.first, !program.isEmpty else {
      throw KeySourceError("\(name) names no program")
    }
    // A name is looked up in PATH; a path is used as it is (Subprocess takes no path as a name).
    let executable: Executable = program.contains("/") ? .path(.init(program)) : .name(program)
    let arguments = Arguments(Array(argv.dropFirst()))
    let outcome = await withTaskGroup(of: Outcome?.self) { group in
      group.addTask {
        do {
          let result = try await Subprocess.run(
            executable, arguments: arguments, input: .none,
            output: .string(limit: outputLimit), error: .discarded)
          return .finished(result.terminationStatus, result.standardOutput)
        } catch {
          return .failed(error)
        }
      }
      group.addTask {
        try? await Task.sleep(for: timeout)
        return Task.isCancelled ? nil : .timedOut
      }
      let first = await group.next() ?? nil
      // Cancelling the run makes Subprocess kill the command (its teardown ends with SIGKILL).
      group.cancelAll()
      return first ?? .timedOut
    }
    switch outcome {
    case .timedOut:
      throw KeySourceError("\(name) timed out after \(seconds(timeout)) s")
    case .failed(let error as SubprocessError) where error.code == .executableNotFound:
      throw KeySourceError("\(name): \(program) was not found")
    case .failed(let error as SubprocessError) where error.code == .outputLimitExceeded:
      throw KeySourceError("\(name) printed more than \(outputLimit / 1024) KiB, not a key")
    case .failed:
      throw KeySourceError("\(name) could not be run")
    case .finished(.exited(0), let output):
      let line = firstLine(output)
      guard !line.isEmpty else { throw KeySourceError("\(name) printed no key") }
      return line
    case .finished(.exited(let status), _):
      throw KeySourceError("\(name) exited with status \(status)")
    case .finished(let status, _):
      throw KeySourceError("\(name) did not finish (\(status))")
    }
  }

  /// The first line of `text`, without surrounding white space.
  static func firstLine(_ text: String) -> String {
    let line = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).first
    return (line.map(String.init) ?? "").trimmingCharacters(in: .whitespaces)
  }

  /// `10`, or `0.5` for a fraction of a second.
  private static func seconds(_ duration: Duration) -> String {
    let (whole, fraction) = duration.components
    if fraction == 0 { return "\(whole)" }
    return String(Double(whole) + Double(fraction) / 1e18)
  }

  private enum Outcome: Sendable {
    case finished(TerminationStatus, String)
    case failed(any Error)
    case timedOut
  }
}
