import Foundation

/// A simulator serving on loopback: where it is, the key it accepts, its request log, and how
/// to stop it.
package final class RunningSimulator: Sendable {
  /// The engine behind the server (for tests and in-process inspection).
  package let engine: SimulatorEngine
  /// The bound port on 127.0.0.1.
  package let port: Int
  private let task: Task<Void, any Error>

  init(engine: SimulatorEngine, port: Int, task: Task<Void, any Error>) {
    self.engine = engine
    self.port = port
    self.task = task
  }

  /// `http://127.0.0.1:<port>`, without a trailing slash.
  package var baseURL: URL {
    URL(string: "http://127.0.0.1:\(port)") ?? URL(fileURLWithPath: "/")
  }

  /// The admin key the simulator accepts (its own throwaway key).
  package var adminKey: String { engine.adminKey }

  /// Every request served so far, oldest first (never holds a key or a header).
  package var requestLog: [RequestLogEntry] {
    get async { engine.requestLog }
  }

  /// Stops serving and waits for the server to shut down.
  package func stop() async {
    task.cancel()
    _ = await task.result
  }
}
