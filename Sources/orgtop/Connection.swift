import AsyncHTTPClient
import Foundation
import OrgTopAPI
import OrgTopCore
import OrgTopSimulator

/// Where a command reads the organization from: the Admin API with the key from the
/// environment, or, without a key, the embedded simulator on loopback through the same client.
struct Connection {
  let source: LiveDataSource
  let mode: DashboardConfiguration.Mode
  /// Where the data comes from, for the header; never holds a credential.
  let label: String
  private let http: HTTPClient
  private let simulator: RunningSimulator?

  /// Connects to the live API when a key is set, else starts the demo simulator.
  static func open(
    baseURL: String?, demo: SimulatorConfiguration,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) async throws -> Connection {
    let http = AdminClient.makeHTTPClient()
    do {
      let key = try AdminKey.fromEnvironment(environment)
      let base = try AdminBaseURL.resolve(flag: baseURL, environment: environment)
      return Connection(
        source: LiveDataSource(client: AdminClient(key: key, baseURL: base, httpClient: http)),
        mode: .live, label: base.label, http: http, simulator: nil)
    } catch AdminKeyError.missing {
      let simulator = try await SimulatorServer.start(demo)
      let base = try AdminBaseURL(validating: simulator.baseURL.absoluteString)
      guard let key = AdminKey(simulator.adminKey) else {
        throw ConnectionError("the embedded simulator made an unusable key")
      }
      return Connection(
        source: LiveDataSource(client: AdminClient(key: key, baseURL: base, httpClient: http)),
        mode: .demo, label: "simulator \(base.label)", http: http, simulator: simulator)
    } catch {
      try? await http.shutdown()
      throw error
    }
  }

  /// Stops the simulator (if any) and the HTTP client.
  func close() async {
    try? await http.shutdown()
    await simulator?.stop()
  }
}

/// A connection that could not be made, said in one line.
struct ConnectionError: Error, CustomStringConvertible {
  let description: String

  init(_ description: String) { self.description = description }
}
