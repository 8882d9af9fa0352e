import ArgumentParser
import Foundation
import OrgTopCore
import OrgTopExport

/// `orgtop snapshot`: everything the dashboard reads, once, as JSON (the default), billing CSV
/// or Prometheus text, for scripts, exports and dashboards elsewhere.
struct SnapshotCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "snapshot",
    abstract: "Read the organization once and write every figure as JSON, CSV or Prometheus.",
    discussion: """
      Waits until every resource has loaded or failed (--timeout), then writes:
        json        one document, schema_version 1 (docs/snapshot.md): cost, tokens, limit, \
      burn rate, keys, workspaces, members, rate limits, data ages and errors. Money is an \
      exact decimal string in US dollars.
        csv         billing rows: one per key and model month to date, then the usage with no \
      key per workspace and model (RFC 4180).
        prometheus  text exposition for node_exporter's textfile collector.
      With --output the file is replaced atomically (written beside it, then renamed).

      Exit status: 0 every resource was read; 3 some could not be read (the output says which, \
      in "errors" or orgtop_snapshot_success 0, a timeout included); 4 authentication or \
      permission (401/403, or no key); 73 the --output file cannot be written; 78 no \
      connection could be made.

      The admin key comes from ANTHROPIC_ADMIN_KEY; without one, pass --demo.
      """)

  /// The output formats.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case json, csv, prometheus
  }

  @OptionGroup var options: ScriptOptions

  @Option(help: "Output format: json, csv or prometheus.")
  var format: Format = .json

  @Option(help: "Write to this file (atomically) instead of standard output.")
  var output: String?

  func run() async throws {
    let read = try await OneShotRead.performOrExit(options, settings: try options.settings())
    let snapshot = read.snapshot
    let text: String
    switch format {
    case .json: text = String(decoding: try snapshot.json(), as: UTF8.self)
    case .csv: text = try BillingCSV.render(snapshot)
    case .prometheus: text = PrometheusExposition.render(snapshot)
    }
    if let output {
      do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
      } catch {
        printError("cannot write \(output): \(error.localizedDescription)")
        throw ExitCode(73)
      }
    } else {
      FileHandle.standardOutput.write(Data(text.utf8))
    }
    try read.exitUnlessEverythingWasRead()
  }
}
