import ArgumentParser
import OrgTopAPI

/// The `orgtop` command: the dashboard by default, and the Admin API simulator.
@main
struct OrgTopCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "orgtop",
    abstract: "top for an Anthropic organization: a live terminal dashboard over the Admin API.",
    discussion: """
      orgtop                    the live dashboard (a simulated organization without a key)
      orgtop --once             one frame of the dashboard as plain text, then exit
      orgtop snapshot           every figure once: JSON, billing CSV or Prometheus text
      orgtop check              exit 0 ok, 1 warning, 2 critical, 3 API unreadable, 4 auth, \
      5 wrong organization
      orgtop keys               every API key with its month-to-date figures
      orgtop info               the settings in effect and where each came from

      The admin key comes from ANTHROPIC_ADMIN_KEY (or a profile's key source, \
      docs/config.md), never from the command line. The script commands (--once, snapshot, \
      check, keys) need a key or --demo.
      """,
    subcommands: [
      DashboardCommand.self, SnapshotCommand.self, CheckCommand.self, KeysCommand.self,
      InfoCommand.self, ConfigCommand.self, SimulateCommand.self,
    ],
    defaultSubcommand: DashboardCommand.self
  )

  /// ArgumentParser's entry point, once Swift's default executor runs on NIO's loops: on
  /// Linux that keeps libdispatch's 1 Hz workqueue monitor from ever starting
  /// (`EventLoopDefaultExecutor`).
  static func main() async {
    EventLoopDefaultExecutor.install()
    await main(nil)
  }
}
