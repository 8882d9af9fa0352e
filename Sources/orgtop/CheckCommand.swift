import ArgumentParser
import Foundation
import OrgTopCore
import OrgTopSettings

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

      --all-profiles checks every profile of the configuration file, one line each (prefixed \
      with the profile's name, or one JSON document with a list), and exits with the worst \
      (highest) status.

      Examples:
        orgtop check --warn 0.8 --critical 0.95 || mail -s "Claude spend" ops@example.com
        orgtop check --expect-org "Acme Robotics" --format json
        orgtop check --all-profiles
      """)

  /// The output formats.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  @OptionGroup var options: ScriptOptions

  @Option(help: "Warning threshold, a fraction of the limit (default 0.8).")
  var warn: String?

  @Option(help: "Critical threshold, a fraction of the limit (default 0.95).")
  var critical: String?

  @Flag(help: "Check every profile of the configuration file; exit with the worst status.")
  var allProfiles = false

  @Flag(help: "Judge the projected month-end cost instead of the spend so far.")
  var projected = false

  @Option(help: "Fail with status 5 unless the key's organization has this name or id.")
  var expectOrg: String?

  @Option(help: "Output: one human line (text) or a JSON document (json).")
  var format: Format = .text

  func validate() throws {
    if allProfiles, options.connection.profile != nil {
      throw ValidationError("--all-profiles and --profile exclude each other")
    }
  }

  func run() async throws {
    let settings = try options.settings(warn: warn, critical: critical)
    guard allProfiles else {
      let verdict = await verdict(settings)
      let output = format == .json ? verdict.json() : verdict.line() + "\n"
      FileHandle.standardOutput.write(Data(output.utf8))
      if verdict.status != .ok { throw ExitCode(verdict.status.exitCode) }
      return
    }
    guard !settings.profiles.isEmpty else {
      printError("--all-profiles: no profiles in \(settings.configFile ?? "the configuration")")
      throw ExitCode(78)
    }
    var worst: Int32 = 0
    var documents: [String] = []
    for profile in settings.profiles {
      // A broken configuration stops the whole check (status 78): fix it first.
      let verdict = await self.verdict(
        try options.settings(warn: warn, critical: critical, profile: profile))
      worst = max(worst, verdict.status.exitCode)
      if format == .json {
        documents.append(verdict.json(profile: profile))
      } else {
        FileHandle.standardOutput.write(Data("\(profile): \(verdict.line())\n".utf8))
      }
    }
    if format == .json {
      let body = documents.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        .joined(separator: ",\n")
      FileHandle.standardOutput.write(Data("[\n\(body)\n]\n".utf8))
    }
    if worst != 0 { throw ExitCode(worst) }
  }

  /// The verdict of one read with `settings`.
  private func verdict(_ settings: Settings) async -> CheckVerdict {
    let thresholds = CheckVerdict.Thresholds(
      warning: settings.warn.value, critical: settings.critical.value, projected: projected)
    do {
      let read = try await OneShotRead.perform(options, settings: settings)
      return CheckVerdict(
        state: read.state, now: read.now, settled: read.settled, thresholds: thresholds,
        expectedOrganization: expectOrg)
    } catch let error as ConnectionError where error == .noKey {
      return CheckVerdict(
        failure: .authentication, cause: "No admin key",
        remedy: "Set ANTHROPIC_ADMIN_KEY (or pass --demo)", thresholds: thresholds)
    } catch let error as ConnectionError where error.isCredentials {
      // The key source says what is wrong and what to do (docs/config.md, "Key sources").
      return CheckVerdict(
        failure: .authentication, cause: "The admin key could not be read",
        remedy: error.description, thresholds: thresholds)
    } catch {
      return CheckVerdict(
        failure: .unreadable, cause: "\(error)", remedy: "Check --base-url and the network",
        thresholds: thresholds)
    }
  }
}
