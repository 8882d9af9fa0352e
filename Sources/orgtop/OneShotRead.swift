import Foundation
import OrgTopCore
import OrgTopRuntime
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
    _ options: ScriptOptions, readOnly: Bool = false, layout: TerminalSize? = nil,
    keys: [KeyPress] = []
  ) async throws -> OneShotRead {
    let connection = try await Connection.open(
      baseURL: options.connection.baseURL, demo: options.connection.demo,
      policy: options.demo ? .always : .never)
    let configuration = DashboardConfiguration(
      mode: connection.mode, sourceLabel: connection.label, refreshInterval: 60,
      budget: options.budgetDollars, isReadOnly: readOnly)
    let runtime = Runtime<_, _, Never>(
      source: connection.source, clock: SystemWallClock(),
      state: DashboardState(configuration: configuration))
    if let layout {
      runtime.apply(
        .layoutChanged(size: layout, keyRowsVisible: Screen.keyRowsVisible(for: layout)))
    }
    let settled = await runtime.settle(timeout: options.timeout)
    for key in keys { runtime.apply(.keyPressed(key, at: runtime.clock.now)) }
    runtime.stop()
    let read = OneShotRead(
      state: runtime.state, now: runtime.clock.now, settled: settled,
      baseURL: connection.baseURL, isDemo: connection.mode == .demo)
    await connection.close()
    return read
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
