import ArgumentParser
import Foundation
import Logging
import OrgTopAPI
import OrgTopCore
import OrgTopSettings
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
    help:
      ArgumentHelp(
        "Seconds between usage refreshes (default 60, at least "
          + "\(Int(RefreshPolicy.minimumRefreshInterval)), at most "
          + "\(Int(RefreshPolicy.maximumRefreshInterval))).")
  )
  var refresh: String?

  @Option(help: "Colours: auto (honours NO_COLOR and the terminal), always or never.")
  var color: String?

  @Flag(help: "Ring the bell when spend first reaches warn, critical or the limit in a month.")
  var bell = false

  @Flag(
    help:
      "Kiosk mode for a wall screen: read-only, big figures, pages rotating, no hint bar or dialogs."
  )
  var kiosk = false

  @Option(help: "Kiosk mode: seconds each page stays (default 20, at least 5).")
  var rotate: String?

  @Flag(help: "ASCII borders, bars and sparklines whatever the locale (also ORGTOP_ASCII=1).")
  var ascii = false

  @Flag(
    help:
      "Never change a key: the key actions (n, d, a, A) are off and the client refuses writes.")
  var readOnly = false

  /// Whether a dashboard may write (the key actions): neither `--read-only` nor kiosk mode
  /// (the flag or the setting). The one place that decides, for both the reducer's
  /// configuration and the HTTP client, also for a profile switched to.
  private static func allowsWrites(_ settings: Settings, readOnly: Bool) -> Bool {
    !readOnly && !settings.kiosk.value
  }

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

    let settings = try options.settings(refresh: refresh, color: color, dashboard: dashboardFlags)
    let connection: Connection
    do {
      connection = try await Connection.open(
        settings: settings, demo: demoConfiguration(),
        policy: options.demo ? .always : .whenNoKey,
        allowsWrites: Self.allowsWrites(settings, readOnly: readOnly))
    } catch {
      Self.fail("\(error)", status: 78)
    }
    let connections = OpenConnection(connection)
    let outcome: Result<ProgramExit, TerminalSessionError>
    do {
      outcome = .success(
        try await runDashboard(
          source: connection.source,
          configuration: Self.configuration(
            settings, connection, readOnly: !Self.allowsWrites(settings, readOnly: readOnly)),
          switcher: settings.profiles.isEmpty ? nil : switcher(connections),
          environment: Self.environment(
            environment, color: settings.color.value, ascii: ascii),
          onAlert: Self.alertHandler(settings.onThreshold.value)))
    } catch {
      outcome = .failure(error)
    }
    await connections.close()
    switch outcome {
    case .success(let exit): if exit.status != 0 { throw ExitCode(exit.status) }
    case .failure(let error): Self.fail(error.message, status: error.exitCode)
    }
  }

  /// The dashboard's configuration for a profile's settings and connection.
  private static func configuration(
    _ settings: Settings, _ connection: Connection, readOnly: Bool
  ) -> DashboardConfiguration {
    var configuration = DashboardConfiguration(
      mode: connection.mode, sourceLabel: connection.label,
      refreshInterval: settings.refresh.value, budget: settings.budget.value,
      isReadOnly: readOnly)
    configuration.ringsBell = settings.bell.value
    // A seed per process: screens started together (a wall of them, a restart after an
    // outage) draw different refresh jitter and do not ask the API in lockstep.
    configuration.jitterSeed = UInt64.random(in: 1...UInt64.max)
    if settings.kiosk.value { configuration.kiosk = KioskSettings(rotation: settings.rotate.value) }
    configuration.warnAt = settings.warn.value
    configuration.criticalAt = settings.critical.value
    configuration.keyFlagRules = KeyFlagRules(
      idleDays: settings.idleDays.value, anomalyFactor: settings.anomalyFactor.value)
    configuration.activeProfile = settings.profileName
    configuration.profiles = ProfileMemory(environment: ProcessInfo.processInfo.environment)
      .summaries(of: settings.profiles)
    if let name = AlertMemory.name(of: configuration) {
      configuration.alertedBefore = AlertMemory(environment: ProcessInfo.processInfo.environment)
        .level(for: name)
    }
    return configuration
  }

  /// The terminal's environment under a colour setting (`never` sets `NO_COLOR`, `always`
  /// removes it) and `--ascii` (sets `ORGTOP_ASCII`).
  private static func environment(
    _ environment: [String: String], color: ColorMode, ascii: Bool = false
  ) -> [String: String] {
    var result = environment
    if ascii { result["ORGTOP_ASCII"] = "1" }
    switch color {
    case .auto: break
    case .never: result["NO_COLOR"] = "1"
    case .always: result["NO_COLOR"] = nil
    }
    return result
  }

  /// Opens a profile the user picked: remembers the figures of the one being left, loads the
  /// new profile's settings (these flags still on top), opens its connection and closes the
  /// old one. Never prints: the terminal belongs to the dashboard; failures come back as text.
  private func switcher(_ connections: OpenConnection) -> ProfileSwitcher<LiveDataSource> {
    let flags = options.connection.settingsFlags(
      budget: options.budget, refresh: refresh, dashboard: dashboardFlags,
      idleDays: options.keyFlags.idleDays, anomalyFactor: options.keyFlags.anomalyFactor)
    let readOnly = readOnly
    return { profile, leaving in
      let environment = ProcessInfo.processInfo.environment
      if let left = leaving.configuration.activeProfile, leaving.configuration.mode == .live {
        ProfileMemory(environment: environment).remember(
          ProfileSummary(name: left, state: leaving, now: Date()))
      }
      let logger = Logger(label: "orgtop")
      do {
        let settings = try SettingsLoader.load(
          profile: profile, flags: flags, environment: environment)
        let connection = try await Connection.open(
          settings: settings, demo: SimulatorConfiguration(), policy: .never,
          allowsWrites: Self.allowsWrites(settings, readOnly: readOnly))
        await connections.replace(with: connection)
        logger.info("switched to profile \(profile) (\(connection.label))")
        return .success(
          (
            connection.source,
            Self.configuration(
              settings, connection, readOnly: !Self.allowsWrites(settings, readOnly: readOnly))
          ))
      } catch {
        logger.error("cannot switch to profile \(profile): \(error)")
        return .failure(ProfileSwitchError("\(error)"))
      }
    }
  }

  /// Remembers each alert for its organization (a restarted dashboard does not announce it
  /// again), logs it, and runs the `on_threshold` command, when one is configured, in the
  /// background (its output is never shown: the terminal belongs to the dashboard).
  private static func alertHandler(_ argv: [String]?) -> AlertHandler {
    { alert, configuration in
      if let name = AlertMemory.name(of: configuration) {
        AlertMemory(environment: ProcessInfo.processInfo.environment).remember(alert, for: name)
      }
      Task.detached { await announce(alert, command: argv) }
    }
  }

  private static func announce(_ alert: ThresholdAlert, command argv: [String]?) async {
    let logger = Logger(label: "orgtop")
    let level = alert.level.name
    let reached = "spend reached \(level): \(Format.money(alert.spend)) of "
    logger.notice("\(reached)\(Format.money(alert.limit))")
    guard let argv else { return }
    let outcome = await AlertCommand.run(
      argv, alert: alert, environment: ProcessInfo.processInfo.environment)
    let program = argv.first ?? ""
    logger.notice("on_threshold \(program) for \(level): \(String(describing: outcome))")
  }

  /// The flags that are settings of the dashboard too.
  private var dashboardFlags: DashboardFlags {
    DashboardFlags(kiosk: kiosk, rotate: rotate, bell: bell)
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
      options, settings: try options.settings(refresh: refresh, color: color),
      readOnly: readOnly, layout: size, keys: view.keys)
    let frame = FrameText.render(
      state: read.state, now: read.now, size: size,
      glyphs: TerminalSession.localeGlyphs(
        environment: Self.environment(environment, color: .auto, ascii: ascii)))
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
