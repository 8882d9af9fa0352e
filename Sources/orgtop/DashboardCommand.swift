import ArgumentParser
import Foundation
import OrgTopAPI
import OrgTopCore
import OrgTopSimulator
import OrgTopTerminal
import OrgTopUI

#if canImport(Glibc)
  import Glibc
#endif

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
      The admin key comes from ANTHROPIC_ADMIN_KEY (or ANTHROPIC_ADMIN_API_KEY), never from \
      the command line. Without one, orgtop shows a simulated organization (DEMO).
      """)

  @OptionGroup var options: ConnectionOptions

  @Option(help: "Seconds between usage refreshes (at least 15).")
  var refresh: Double = 60

  @Option(help: "Monthly budget in dollars for the gauge when spend limits cannot be read.")
  var budget: String?

  @Flag(help: "Kiosk mode: a READ-ONLY badge for wall screens (orgtop never writes anyway).")
  var readOnly = false

  @Option(help: "Demo only: append the embedded simulator's request log to this file.")
  var requestLog: String?

  func validate() throws {
    guard refresh.isFinite, refresh > 0 else { throw ValidationError("--refresh must be positive") }
    if let budget, Self.dollars(budget) == nil {
      throw ValidationError("--budget must be an amount in dollars, e.g. 5000 or 1250.50")
    }
  }

  func run() async throws {
    Self.tuneMallocForLongRuns()
    let environment = ProcessInfo.processInfo.environment
    // Check the terminal first: a bad TERM or a pipe must fail before anything starts.
    do {
      try await MainActor.run { try TerminalSession.preflight(environment: environment) }
    } catch let error as TerminalSessionError {
      Self.fail(error.message, status: error.exitCode)
    }

    let connection: Connection
    do {
      connection = try await Connection.open(
        baseURL: options.baseURL, demo: demoConfiguration())
    } catch {
      Self.fail("\(error)", status: 78)
    }

    let configuration = DashboardConfiguration(
      mode: connection.mode, sourceLabel: connection.label, refreshInterval: refresh,
      budget: budget.flatMap(Self.dollars),
      isReadOnly: readOnly)
    let outcome: Result<ProgramExit, TerminalSessionError>
    do {
      outcome = .success(
        try await runDashboard(source: connection.source, configuration: configuration))
    } catch {
      outcome = .failure(error)
    }
    await connection.close()
    switch outcome {
    case .success(let exit): if exit.status != 0 { throw ExitCode(exit.status) }
    case .failure(let error): Self.fail(error.message, status: error.exitCode)
    }
  }

  /// The embedded simulator's settings for the demo, logging to `--request-log` if asked.
  private func demoConfiguration() throws -> SimulatorConfiguration {
    var configuration = options.demo
    if let requestLog {
      let log = try RequestLogFile(path: requestLog)
      configuration.onRequest = { entry in log.append(entry.description) }
    }
    return configuration
  }

  /// Parses a dollar amount exactly (no binary floating point on money).
  private static func dollars(_ text: String) -> Decimal? {
    guard let cents = Money(minorUnits: text) else { return nil }
    return cents.minorUnits >= 0 ? cents.minorUnits : nil
  }

  /// Keeps glibc's heap from growing over weeks of refreshes. Each refresh decodes a few MB
  /// of report JSON and frees it; with the default dynamic thresholds glibc keeps most of that
  /// memory, in one arena per thread that ever allocated. Fixed trim and mmap thresholds and
  /// two arenas gave back ~8 MB at 10,000 keys (56 -> 48 MB resident, measured with
  /// scripts/measure-keys.sh). `mallopt` is not in Swift's Glibc module (it lives in
  /// `malloc.h`), so it is looked up by name; elsewhere this does nothing.
  private static func tuneMallocForLongRuns() {
    #if canImport(Glibc)
      typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
      let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
      // The option numbers of malloc.h.
      let trimThreshold: Int32 = -1
      let mmapThreshold: Int32 = -3
      let arenaMax: Int32 = -8
      _ = mallopt(trimThreshold, 128 * 1024)
      _ = mallopt(mmapThreshold, 128 * 1024)
      _ = mallopt(arenaMax, 2)
    #endif
  }

  /// Prints `orgtop: message` on standard error and exits with the status.
  private static func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data("orgtop: \(message)\n".utf8))
    Foundation.exit(status)
  }
}
