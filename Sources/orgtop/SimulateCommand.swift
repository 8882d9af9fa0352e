import ArgumentParser
import Foundation
import OrgTopSimulator

/// `orgtop simulate`: serve the simulated Admin API on loopback until SIGINT or SIGTERM.
struct SimulateCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "simulate",
    abstract: "Serve a simulated Anthropic Admin API on 127.0.0.1.",
    discussion: """
      Prints base_url=http://127.0.0.1:PORT and admin_key=sk-ant-admin01-...
      on its first lines (the simulator's own throwaway key), then serves
      until SIGINT or SIGTERM.

      Fault SPEC: comma-separated rules, applied in order.
        RULE   KIND[=VALUE][@RATE][:PATH]
        KIND   429 | 500 | 503 | 529 | 410 | latency | truncate | malformed
               | close
        VALUE  429: the retry-after (2s, 1500ms; default 1s)
               latency: the delay (200ms, 1s; required)
        RATE   probability in [0, 1] (default 1)
        PATH   path prefix, or a glob with * (default: every path)
      410 fires only on requests that carry a page cursor. truncate sends
      half the body and drops the connection; malformed sends a complete
      response whose JSON is cut short; close drops the connection.
      Example: 429@0.2:/v1/organizations/api_keys,latency=200ms,truncate@0.1
      """)

  @Option(help: "Port on 127.0.0.1 (0 picks a free one).")
  var port: Int = 0

  @Option(help: "Seed of the simulated organization.")
  var seed: UInt64 = 42

  @Option(help: "Number of API keys.")
  var keys: Int = SimulatorConfiguration.defaultKeyCount

  @Flag(help: "Stop the world at start-up: no new usage, stable figures.")
  var frozen = false

  @Option(help: "Fault injection rules (see SPEC above).")
  var faults: String?

  @Option(help: "The admin key to accept (default: a generated sk-ant-admin01-… key).")
  var key: String?

  @Option(help: "available | absent (absent: /analytics/* answer 404).")
  var analytics: String = "available"

  @Option(help: "readable | unsupported (unsupported: 400 organization_type_not_supported).")
  var spendLimits: String = "readable"

  @Flag(help: "Print one line per request (method, path, query, status, duration; never the key).")
  var log = false

  func validate() throws {
    guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0...65535") }
    guard keys >= 1 else { throw ValidationError("--keys must be at least 1") }
    guard SimulatorConfiguration.Analytics(rawValue: analytics) != nil else {
      throw ValidationError("--analytics must be available or absent")
    }
    guard SimulatorConfiguration.SpendLimits(rawValue: spendLimits) != nil else {
      throw ValidationError("--spend-limits must be readable or unsupported")
    }
    if let faults {
      do {
        _ = try FaultRule.parse(faults)
      } catch {
        throw ValidationError("--faults: \(error.description)")
      }
    }
  }

  func run() async throws {
    var configuration = SimulatorConfiguration(
      seed: seed, keyCount: keys, frozen: frozen,
      analytics: SimulatorConfiguration.Analytics(rawValue: analytics) ?? .available,
      spendLimits: SimulatorConfiguration.SpendLimits(rawValue: spendLimits) ?? .readable,
      faults: try faults.map { try FaultRule.parse($0) } ?? [], adminKey: key, port: port)
    if log {
      configuration.onRequest = { entry in Self.printLine(entry.description) }
    }
    let simulator = try await SimulatorServer.start(configuration)
    Self.printLine("base_url=\(simulator.baseURL.absoluteString)")
    Self.printLine("admin_key=\(simulator.adminKey)")
    await Self.waitForTermination()
    await simulator.stop()
  }

  /// Writes one line to stdout and flushes it, so scripts reading a pipe see it at once.
  private static func printLine(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
  }

  /// Suspends until SIGINT or SIGTERM, with Dispatch signal sources (no polling).
  private static func waitForTermination() async {
    signal(SIGINT, SIG_IGN)
    signal(SIGTERM, SIG_IGN)
    let (stream, continuation) = AsyncStream.makeStream(of: Int32.self)
    let sources = [SIGINT, SIGTERM].map { number in
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler { continuation.yield(number) }
      source.resume()
      return source
    }
    for await _ in stream { break }
    for source in sources { source.cancel() }
  }
}
