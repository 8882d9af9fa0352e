import ArgumentParser
import Foundation
import OrgTopCore
import OrgTopTerminal
import OrgTopUI

/// `orgtop dashboard` (the default): the live terminal dashboard.
struct DashboardCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dashboard", abstract: "Show the live dashboard (the default command).")

  func run() async throws {
    // The data source (embedded simulator or live Admin API client) is constructed here once
    // those layers are wired in; then: `try await Self.show(source, configuration)`.
    FileHandle.standardError.write(
      Data("orgtop: no data source is wired into the dashboard yet\n".utf8))
    throw ExitCode.failure
  }

  /// Runs the dashboard over `source` on this terminal and ends the process the way the
  /// dashboard ended: 0 after `q`, 128+n after signal n, 129 when the terminal went away, and
  /// the ``TerminalSessionError`` status (10-14) with a one-line message when the terminal
  /// cannot host it.
  static func show(
    _ source: some OrgDataSource, _ configuration: DashboardConfiguration
  ) async throws {
    let exit: ProgramExit
    do {
      exit = try await runDashboard(source: source, configuration: configuration)
    } catch {
      FileHandle.standardError.write(Data("orgtop: \(error.message)\n".utf8))
      throw ExitCode(error.exitCode)
    }
    if exit.status != 0 { throw ExitCode(exit.status) }
  }
}
