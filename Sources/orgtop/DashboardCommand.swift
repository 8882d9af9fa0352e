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
    let source = DebugFakeSource()
    let exit: ProgramExit
    do {
      exit = try await runDashboard(
        source: source,
        configuration: DashboardConfiguration(mode: .demo, sourceLabel: "debug fake source"))
    } catch {
      FileHandle.standardError.write(Data("orgtop: \(error.message)\n".utf8))
      throw ExitCode(error.exitCode)
    }
    if exit.status != 0 { throw ExitCode(exit.status) }
  }
}
