import Foundation
import OrgTopCore
import Subprocess

/// Runs the configuration's `on_threshold` command when spend first reaches a threshold in a
/// month: without a shell, with the figures in its environment (docs/config.md), its output
/// discarded, ended after a timeout. Spend and limit are in dollars to the cent.
///
/// The command gets a small environment of its own, not orgtop's: orgtop's may hold the admin
/// key, and a paging script has no use for it.
package enum AlertCommand {
  /// How long the command may run before it is killed.
  package static let timeout: Duration = .seconds(30)
  /// The variables of orgtop's environment passed on, so the command finds its programs.
  static let passedOn = ["PATH", "HOME", "USER", "LOGNAME", "LANG", "LC_ALL", "TZ", "TMPDIR"]

  /// How a run ended, for the log.
  package enum Outcome: Hashable, Sendable {
    case exited(Int32)
    case timedOut
    case failed(String)
  }

  /// The figures of an alert as environment variables: the level, spend and limit in dollars
  /// exactly as computed (cents, never rounded through binary floating point), the fraction
  /// of the limit, the organization and the month (UTC).
  package static func variables(for alert: ThresholdAlert) -> [String: String] {
    let fraction =
      alert.limit.minorUnits > 0
      ? Format.fixed(alert.spend.minorUnits / alert.limit.minorUnits, digits: 4) : ""
    let month = UTCCalendar.components(of: alert.month)
    return [
      "ORGTOP_ALERT_LEVEL": alert.level.name,
      "ORGTOP_ALERT_SPEND": Format.fixed(alert.spend.minorUnits / 100, digits: 2),
      "ORGTOP_ALERT_LIMIT": Format.fixed(alert.limit.minorUnits / 100, digits: 2),
      "ORGTOP_ALERT_FRACTION": fraction,
      "ORGTOP_ALERT_CURRENCY": alert.spend.currency,
      "ORGTOP_ALERT_ORGANIZATION": alert.organization ?? "",
      "ORGTOP_ALERT_MONTH": String(format: "%04d-%02d", month.year, month.month),
    ]
  }

  /// Runs `argv` for `alert` with `environment`'s ``passedOn`` variables and the alert's.
  package static func run(
    _ argv: [String], alert: ThresholdAlert, environment: [String: String],
    timeout: Duration = Self.timeout
  ) async -> Outcome {
    guard let program = argv.first, !program.isEmpty else { return .failed("no program named") }
    let executable: Executable = program.contains("/") ? .path(.init(program)) : .name(program)
    var variables = environment.filter { passedOn.contains($0.key) }
    variables.merge(Self.variables(for: alert)) { _, new in new }
    let custom = Dictionary(
      uniqueKeysWithValues: variables.map { (Environment.Key(stringLiteral: $0.key), $0.value) })
    let arguments = Arguments(Array(argv.dropFirst()))
    return await withTaskGroup(of: Outcome?.self) { group in
      group.addTask {
        do {
          let result = try await Subprocess.run(
            executable, arguments: arguments, environment: .custom(custom), input: .none,
            output: .discarded, error: .discarded)
          if case .exited(let status) = result.terminationStatus { return .exited(status) }
          return .failed("ended by a signal (\(result.terminationStatus))")
        } catch let error as SubprocessError where error.code == .executableNotFound {
          return .failed("\(program) was not found")
        } catch {
          return .failed("could not be run")
        }
      }
      group.addTask {
        try? await Task.sleep(for: timeout)
        return Task.isCancelled ? nil : .timedOut
      }
      let first = await group.next() ?? nil
      // Cancelling the run makes Subprocess kill the command.
      group.cancelAll()
      return first ?? .timedOut
    }
  }
}
