import Foundation
import OrgTopCore
import OrgTopRuntime
import OrgTopUI

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs the live dashboard on the process's terminal until the user quits, a termination
/// signal arrives, or the terminal goes away; the terminal is restored on every one of those
/// paths. Returns how it ended (``ProgramExit/status`` is the exit status to use).
///
/// Throws ``TerminalSessionError`` before touching the terminal when it cannot host the
/// dashboard (not a tty, TERM unset or unknown, no cursor addressing): print its `message` and
/// exit with its `exitCode`.
@MainActor
package func runDashboard<Source: OrgDataSource>(
  source: Source, configuration: DashboardConfiguration,
  switcher: ProfileSwitcher<Source>? = nil,
  environment: [String: String] = ProcessInfo.processInfo.environment,
  onAlert: AlertHandler? = nil
) async throws(TerminalSessionError) -> ProgramExit {
  let backend = try NcursesBackend(environment: environment)
  defer { backend.shutdown() }
  let trimmer = HeapTrimmer()
  let program = Program(
    backend: backend, source: source, clock: SystemWallClock(),
    state: DashboardState(configuration: configuration), switcher: switcher, onAlert: onAlert,
    onFetchesDone: trimmer.trimSoon)
  // After newterm: Dispatch's handlers must replace the ones curses installed.
  let sources = TerminalEventSources()
  defer { sources.cancel() }
  let pump = Task { @MainActor in
    for await event in sources.events {
      switch event {
      case .inputReady:
        let events = backend.readInput()
        program.send(events)
        // Never re-arm on a closed input: the source would fire forever.
        if !events.contains(.inputClosed) { sources.rearmInput() }
      case .signal(SIGWINCH):
        program.send(backend.resize())
      case .signal(SIGTSTP):
        backend.suspend()
      case .signal(SIGCONT):
        program.send(backend.resume())
      case .signal(let number):
        program.send([.terminationRequested(signal: number)])
      }
    }
  }
  defer { pump.cancel() }
  return await program.run()
}
