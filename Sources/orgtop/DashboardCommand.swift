import ArgumentParser

/// `orgtop dashboard` (the default): the live terminal dashboard.
struct DashboardCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dashboard", abstract: "Show the live dashboard (the default command).")

  func run() async throws {
    print("orgtop: dashboard not built yet")
  }
}
