import ArgumentParser

/// `orgtop simulate`: serve the simulated Admin API on loopback.
struct SimulateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "simulate", abstract: "Serve a simulated Anthropic Admin API on 127.0.0.1.")

  func run() async throws {
    print("orgtop: simulator not built yet")
  }
}
