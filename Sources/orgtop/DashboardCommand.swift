import ArgumentParser
import AsyncHTTPClient
import Foundation
import OrgTopAPI
import OrgTopCore
import OrgTopSimulator
import OrgTopTerminal
import OrgTopUI

/// `orgtop dashboard` (the default): the live terminal dashboard.
///
/// With an admin key in the environment it reads that organization; without one it starts the
/// embedded simulator on loopback and reads it through the same HTTP client (the DEMO mode), so
/// the demo exercises the production path.
struct DashboardCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dashboard",
    abstract: "Show the live dashboard (the default command).",
    discussion: """
      The admin key comes from ANTHROPIC_ADMIN_KEY (or ANTHROPIC_ADMIN_API_KEY), never from the
      command line. Without one, orgtop shows a simulated organization (DEMO).
      """)

  @Option(help: "Admin API base URL (default https://api.anthropic.com, or ORGTOP_BASE_URL).")
  var baseURL: String?

  @Option(help: "Seconds between usage refreshes (default 60, at least 15).")
  var refresh: Double = 60

  @Option(help: "Monthly budget in dollars for the gauge when spend limits cannot be read.")
  var budget: String?

  @Flag(help: "Kiosk mode: a READ-ONLY badge for wall screens (orgtop never writes anyway).")
  var readOnly = false

  @Option(help: "Demo only: seed of the simulated organization.")
  var seed: UInt64 = 42

  @Option(help: "Demo only: number of simulated API keys.")
  var keys: Int = 48

  @Option(help: "Demo only: append the embedded simulator's request log to this file.")
  var requestLog: String?

  func validate() throws {
    guard refresh.isFinite, refresh > 0 else { throw ValidationError("--refresh must be positive") }
    guard keys >= 1 else { throw ValidationError("--keys must be at least 1") }
    if let budget, Self.dollars(budget) == nil {
      throw ValidationError("--budget must be an amount in dollars, e.g. 5000 or 1250.50")
    }
  }

  func run() async throws {
    let environment = ProcessInfo.processInfo.environment
    // Check the terminal first: a bad TERM or a pipe must fail before anything starts.
    do {
      try await MainActor.run { try TerminalSession.preflight(environment: environment) }
    } catch let error as TerminalSessionError {
      Self.fail(error.message, status: error.exitCode)
    }

    let http = AdminClient.makeHTTPClient()
    var simulator: RunningSimulator?
    let source: LiveDataSource
    let mode: DashboardConfiguration.Mode
    let label: String
    do {
      let key = try AdminKey.fromEnvironment(environment)
      let base = try AdminBaseURL.resolve(flag: baseURL, environment: environment)
      source = LiveDataSource(client: AdminClient(key: key, baseURL: base, httpClient: http))
      mode = .live
      label = base.label
    } catch AdminKeyError.missing {
      let running = try await startSimulator()
      simulator = running
      let key = AdminKey(running.adminKey)
      let base = try AdminBaseURL(validating: running.baseURL.absoluteString)
      guard let key else { Self.fail("the embedded simulator made an unusable key", status: 70) }
      source = LiveDataSource(client: AdminClient(key: key, baseURL: base, httpClient: http))
      mode = .demo
      label = "simulator \(base.label)"
    } catch {
      Self.fail("\(error)", status: 78)
    }

    let configuration = DashboardConfiguration(
      mode: mode, sourceLabel: label, refreshInterval: refresh,
      budget: budget.flatMap(Self.dollars),
      isReadOnly: readOnly)
    let outcome: Result<ProgramExit, TerminalSessionError>
    do {
      outcome = .success(try await runDashboard(source: source, configuration: configuration))
    } catch {
      outcome = .failure(error)
    }
    try? await http.shutdown()
    await simulator?.stop()
    switch outcome {
    case .success(let exit): if exit.status != 0 { throw ExitCode(exit.status) }
    case .failure(let error): Self.fail(error.message, status: error.exitCode)
    }
  }

  /// Starts the embedded simulator on a free loopback port, logging to `--request-log` if asked.
  private func startSimulator() async throws -> RunningSimulator {
    var configuration = SimulatorConfiguration(seed: seed, keyCount: keys)
    if let requestLog {
      let log = try RequestLogFile(path: requestLog)
      configuration.onRequest = { entry in log.append(entry.description) }
    }
    return try await SimulatorServer.start(configuration)
  }

  /// Parses a dollar amount exactly (no binary floating point on money).
  private static func dollars(_ text: String) -> Decimal? {
    guard let cents = Money(minorUnits: text) else { return nil }
    return cents.minorUnits >= 0 ? cents.minorUnits : nil
  }

  /// Prints `orgtop: message` on standard error and exits with the status.
  private static func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data("orgtop: \(message)\n".utf8))
    Foundation.exit(status)
  }
}
