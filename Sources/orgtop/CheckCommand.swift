import ArgumentParser
import Foundation
import OrgTopCore

/// `orgtop check`: one read, one line, and an exit status for cron and CI.
struct CheckCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Read once and exit by threshold: for cron jobs, CI steps and alerting.",
    discussion: """
      Exit status:
        0  ok: below the warning threshold (or no limit to measure against)
        1  warning: the warning threshold is reached
        2  critical: the critical threshold is reached
        3  the API could not be read (network, timeout, 5xx, malformed answer)
        4  authentication or permission (401/403, or no admin key)
        5  --expect-org does not match the key's organization
      Thresholds are fractions of the limit: the organization's monthly spend limit, else its \
      usage-tier cap, else --budget. --projected judges the projected month-end cost instead \
      of the spend so far.

      Examples:
        orgtop check --warn 0.8 --critical 0.95 || mail -s "Claude spend" ops@example.com
        orgtop check --expect-org "Acme Robotics" --format json
      """)

  /// The output formats.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  @OptionGroup var options: ScriptOptions

  @Option(help: "Warning threshold, a fraction of the limit.")
  var warn: Double = 0.8

  @Option(help: "Critical threshold, a fraction of the limit.")
  var critical: Double = 0.95

  @Flag(help: "Judge the projected month-end cost instead of the spend so far.")
  var projected = false

  @Option(help: "Fail with status 5 unless the key's organization has this name or id.")
  var expectOrg: String?

  @Option(help: "Output: one human line (text) or a JSON document (json).")
  var format: Format = .text

  func validate() throws {
    guard warn > 0, critical > 0, warn.isFinite, critical.isFinite else {
      throw ValidationError("--warn and --critical must be positive fractions, e.g. 0.8")
    }
    guard warn <= critical else { throw ValidationError("--warn must not exceed --critical") }
  }

  func run() async throws {
    let thresholds = CheckVerdict.Thresholds(
      warning: Decimal(string: String(warn)) ?? 0.8,
      critical: Decimal(string: String(critical)) ?? 0.95, projected: projected)
    let verdict: CheckVerdict
    do {
      let read = try await OneShotRead.perform(options)
      verdict = CheckVerdict(
        state: read.state, now: read.now, settled: read.settled, thresholds: thresholds,
        expectedOrganization: expectOrg)
    } catch let error as ConnectionError where error == .noKey {
      verdict = CheckVerdict(
        failure: .authentication, cause: "No admin key",
        remedy: "Set ANTHROPIC_ADMIN_KEY (or pass --demo)", thresholds: thresholds)
    } catch {
      verdict = CheckVerdict(
        failure: .unreadable, cause: "\(error)", remedy: "Check --base-url and the network",
        thresholds: thresholds)
    }
    let output = format == .json ? verdict.json() : verdict.line() + "\n"
    FileHandle.standardOutput.write(Data(output.utf8))
    if verdict.status != .ok { throw ExitCode(verdict.status.exitCode) }
  }
}
