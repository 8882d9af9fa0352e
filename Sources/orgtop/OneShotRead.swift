import ArgumentParser
import Foundation
import OrgTopCore
import OrgTopRuntime
import OrgTopSettings
import OrgTopUI

/// One read of the whole organization for a script command: connect (live, or the simulator
/// with `--demo`), run the dashboard's reducer and data layer headless until every resource
/// has loaded or failed, and hand back the state with the instant it describes.
struct OneShotRead {
  let state: DashboardState
  let now: Date
  /// Whether every resource settled before the timeout.
  let settled: Bool
  let baseURL: String
  let isDemo: Bool

  /// Reads once; throws ``ConnectionError`` when no connection can be made.
  @MainActor
  static func perform(
    _ options: ScriptOptions, settings: Settings, readOnly: Bool = false,
    layout: TerminalSize? = nil, keys: [KeyPress] = []
  ) async throws -> OneShotRead {
    let connection = try await Connection.open(
      settings: settings, demo: options.connection.demo,
      policy: options.demo ? .always : .never)
    var configuration = DashboardConfiguration(
      mode: connection.mode, sourceLabel: connection.label,
      refreshInterval: settings.refresh.value, budget: settings.budget.value,
      isReadOnly: readOnly)
    configuration.warnAt = settings.warn.value
    configuration.criticalAt = settings.critical.value
    configuration.keyFlagRules = KeyFlagRules(
      idleDays: settings.idleDays.value, anomalyFactor: settings.anomalyFactor.value)
    configuration.activeProfile = settings.profileName
    configuration.profiles = ProfileMemory(environment: ProcessInfo.processInfo.environment)
      .summaries(of: settings.profiles)
    let runtime = Runtime<_, _, Never>(
      source: connection.source, clock: SystemWallClock(),
      state: DashboardState(configuration: configuration))
    if let layout {
      runtime.apply(
        .layoutChanged(size: layout, pageSizes: Screen.pageSizes(for: layout, state: runtime.state))
      )
    }
    let settled = await runtime.settle(timeout: options.timeout)
    for key in keys { runtime.apply(.keyPressed(key, at: runtime.clock.now)) }
    runtime.stop()
    let read = OneShotRead(
      state: runtime.state, now: runtime.clock.now, settled: settled,
      baseURL: connection.baseURL, isDemo: connection.mode == .demo)
    if let profile = settings.profileName, connection.mode == .live {
      ProfileMemory(environment: ProcessInfo.processInfo.environment).remember(
        ProfileSummary(name: profile, state: read.state, now: read.now))
    }
    await connection.close()
    return read
  }

  /// ``perform(_:readOnly:layout:keys:)``, exiting as the script commands document when no
  /// connection can be made: 4 when the admin key is missing or its source refuses, 78 otherwise.
  @MainActor
  static func performOrExit(
    _ options: ScriptOptions, settings: Settings, readOnly: Bool = false,
    layout: TerminalSize? = nil, keys: [KeyPress] = []
  ) async throws -> OneShotRead {
    do {
      return try await perform(
        options, settings: settings, readOnly: readOnly, layout: layout, keys: keys)
    } catch let error as ConnectionError where error.isCredentials {
      printError(error.description)
      throw ExitCode(CheckVerdict.Status.authentication.exitCode)
    } catch {
      printError("\(error)")
      throw ExitCode(78)
    }
  }

  /// Says on standard error what could not be read and exits 3 (or 4 for a refused key);
  /// returns when everything was read.
  func exitUnlessEverythingWasRead() throws {
    let status = CheckVerdict.readStatus(state: state, settled: settled)
    guard status != .ok else { return }
    for error in snapshot.errors {
      printError("\(error.resource): \(error.message). \(error.remedy)")
    }
    throw ExitCode(status.exitCode)
  }

  /// The snapshot of what was read.
  var snapshot: OrgSnapshot {
    OrgSnapshot(
      state: state, now: now, source: OrgSnapshot.Source(baseURL: baseURL, demo: isDemo))
  }
}

/// Prints `orgtop: message` on standard error.
func printError(_ message: String) {
  FileHandle.standardError.write(Data("orgtop: \(message)\n".utf8))
}
