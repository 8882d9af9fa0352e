import AsyncHTTPClient
import Foundation
import Logging
import OrgTopAPI
import OrgTopCore
import OrgTopSettings
import OrgTopSimulator

/// Where a command reads the organization from: the Admin API with the key from the
/// environment, or the embedded simulator on loopback through the same client.
///
/// Only the interactive dashboard falls back to the simulator by itself when no key is set;
/// a script command asks for it with `--demo`, so a cron job or CI step with a missing key
/// fails instead of silently reading a made-up organization.
struct Connection {
  /// When the embedded simulator is used.
  enum DemoPolicy {
    /// Without a key (the interactive dashboard).
    case whenNoKey
    /// Always (`--demo`).
    case always
    /// Never: no key is an error (script commands).
    case never
  }

  let source: LiveDataSource
  let mode: DashboardConfiguration.Mode
  /// Where the data comes from, for the header; never holds a credential.
  let label: String
  /// The base URL read, for reports.
  let baseURL: String
  private let http: HTTPClient
  private let simulator: RunningSimulator?

  /// Connects to the live API with the key the settings name, or starts the demo simulator,
  /// as `policy` says. The client refuses every write unless `allowsWrites` (only the
  /// interactive dashboard outside read-only and kiosk mode asks for it).
  static func open(
    settings: Settings, demo: SimulatorConfiguration, policy: DemoPolicy,
    allowsWrites: Bool = false,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) async throws -> Connection {
    var clientConfiguration = AdminClient.Configuration()
    clientConfiguration.logger = Logger(label: "api")
    clientConfiguration.isReadOnly = !allowsWrites
    let http = AdminClient.makeHTTPClient(configuration: clientConfiguration)
    do {
      if policy != .always {
        do {
          let secret = try await KeyResolver.resolve(
            settings.keySource.value, environment: environment)
          guard let key = AdminKey(secret.reveal()) else {
            throw ConnectionError(
              "the admin key from \(settings.keySource.value) holds spaces or control characters",
              isCredentials: true)
          }
          // ORGTOP_BASE_URL is one of the settings' layers already.
          let base = try AdminBaseURL.resolve(flag: settings.baseURL.value, environment: [:])
          return Connection(
            source: LiveDataSource(
              client: AdminClient(
                key: key, baseURL: base, httpClient: http, configuration: clientConfiguration)),
            mode: .live, label: base.label, baseURL: base.description, http: http,
            simulator: nil)
        } catch let error as KeySourceError where error.isMissing && policy == .never {
          throw ConnectionError.noKey
        } catch let error as KeySourceError where error.isMissing {
          // The dashboard's demo, below.
        } catch let error as KeySourceError {
          throw ConnectionError(error.description, isCredentials: true)
        }
      }
      // The demo's server answers on the loop its client's fetches run on: a refresh is one
      // thread's work, with no other woken.
      let executor = EventLoopTaskExecutor(http.eventLoopGroup.next())
      let simulator = try await SimulatorServer.start(demo, taskExecutor: executor)
      let base = try AdminBaseURL(validating: simulator.baseURL.absoluteString)
      guard let key = AdminKey(simulator.adminKey) else {
        throw ConnectionError("the embedded simulator made an unusable key")
      }
      return Connection(
        source: LiveDataSource(
          client: AdminClient(
            key: key, baseURL: base, httpClient: http, configuration: clientConfiguration,
            taskExecutor: executor)),
        mode: .demo, label: "simulator \(base.label)", baseURL: base.description,
        http: http, simulator: simulator)
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
struct ConnectionError: Error, CustomStringConvertible, Equatable {
  let description: String
  /// The key could not be had (missing, refused or malformed), as opposed to the connection:
  /// `orgtop check` reports it as an authentication failure, not an unreadable API.
  let isCredentials: Bool

  init(_ description: String, isCredentials: Bool = false) {
    self.description = description
    self.isCredentials = isCredentials
  }

  /// No admin key in the environment, and no `--demo`.
  static let noKey = ConnectionError(
    "no admin key: set ANTHROPIC_ADMIN_KEY (or ANTHROPIC_ADMIN_API_KEY) to an Admin API key, "
      + "or pass --demo to read the built-in simulated organization", isCredentials: true)
}
