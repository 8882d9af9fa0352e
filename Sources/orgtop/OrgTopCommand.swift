import ArgumentParser

/// The `orgtop` command: the dashboard by default, and the Admin API simulator.
@main
struct OrgTopCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "orgtop",
    abstract: "top for an Anthropic organization: a live terminal dashboard over the Admin API.",
    subcommands: [
      DashboardCommand.self, SnapshotCommand.self, CheckCommand.self, KeysCommand.self,
      SimulateCommand.self,
    ],
    defaultSubcommand: DashboardCommand.self
  )
}
