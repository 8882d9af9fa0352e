import ArgumentParser
import OrgTopSimulator

/// The options every command that reads an organization shares: where the Admin API is, and
/// the demo organization to simulate when no admin key is set.
struct ConnectionOptions: ParsableArguments {
  @Option(help: "Admin API base URL (default https://api.anthropic.com, or ORGTOP_BASE_URL).")
  var baseURL: String?

  @Option(help: "Demo only: seed of the simulated organization.")
  var seed: UInt64 = 42

  @Option(help: "Demo only: number of simulated API keys.")
  var keys: Int = 48

  func validate() throws {
    guard keys >= 1 else { throw ValidationError("--keys must be at least 1") }
  }

  /// The embedded simulator's settings for the demo.
  var demo: SimulatorConfiguration { SimulatorConfiguration(seed: seed, keyCount: keys) }
}
