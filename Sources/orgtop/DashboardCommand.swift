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

      --once prints the frame the dashboard would draw once its data has loaded, as plain \
      text (ASCII when the locale is not UTF-8), and exits; like the script commands it needs \
      an admin key or --demo, and exits 3 or 4 as `orgtop snapshot` does when a read failed.
      """)

  @OptionGroup var options: ScriptOptions

  @Option(
    help: "Seconds between usage refreshes (at least \(Int(RefreshPolicy.minimumRefreshInterval)))."
  )
  var refresh: Double = 60

  @Flag(help: "Kiosk mode: a READ-ONLY badge for wall screens (orgtop never writes anyway).")
  var readOnly = false

  @Option(help: "Demo only: append the embedded simulator's request log to this file.")
  var requestLog: String?

  @Flag(help: "Print one frame as plain text once the data has loaded, and exit.")
  var once = false

  @Option(help: "With --once: the frame's width in columns (default $COLUMNS, else 120).")
  var width: Int?

  @Option(help: "With --once: the frame's height in rows (default $LINES, else 40).")
  var height: Int?

  @Option(help: "With --once: the view to print (dashboard, detail, help, profiles).")
  var view: FrameText.View = .dashboard

  func validate() throws {
    guard refresh.isFinite, refresh > 0 else { throw ValidationError("--refresh must be positive") }
    if let width, width < 1 { throw ValidationError("--width must be at least 1") }
    if let height, height < 1 { throw ValidationError("--height must be at least 1") }
    if !once, width != nil || height != nil || view != .dashboard {
      throw ValidationError("--width, --height and --view go with --once")
    }
  }

  func run() async throws {
    if once { return try await printOnce() }
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
        baseURL: options.connection.baseURL, demo: demoConfiguration(),
        policy: options.demo ? .always : .whenNoKey)
    } catch {
      Self.fail("\(error)", status: 78)
    }

    let configuration = DashboardConfiguration(
      mode: connection.mode, sourceLabel: connection.label, refreshInterval: refresh,
      budget: options.budgetDollars, isReadOnly: readOnly)
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
    var configuration = options.connection.demo
    if let requestLog {
      let log = try RequestLogFile(path: requestLog)
      configuration.onRequest = { entry in log.append(entry.description) }
    }
    return configuration
  }

  /// `--once`: one read, one frame on standard output.
  private func printOnce() async throws {
    let environment = ProcessInfo.processInfo.environment
    let size = TerminalSize(
      columns: width ?? environment["COLUMNS"].flatMap(Int.init) ?? 120,
      rows: height ?? environment["LINES"].flatMap(Int.init) ?? 40)
    let read = try await OneShotRead.performOrExit(
      options, readOnly: readOnly, layout: size, keys: view.keys)
    let frame = FrameText.render(
      state: read.state, now: read.now, size: size, glyphs: TerminalSession.localeGlyphs())
    FileHandle.standardOutput.write(Data(frame.utf8))
    try read.exitUnlessEverythingWasRead()
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

extension FrameText.View: ExpressibleByArgument {}
