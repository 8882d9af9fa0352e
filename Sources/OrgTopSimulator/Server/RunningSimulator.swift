import Foundation
import ServiceLifecycle

/// A simulator serving on loopback: where it is, the key it accepts, its request log, and how
/// to stop it.
package final class RunningSimulator: Sendable {
  /// The engine behind the server (for tests and in-process inspection).
  package let engine: SimulatorEngine
  /// The bound port on 127.0.0.1.
  package let port: Int
  private let group: ServiceGroup
  private let task: Task<Void, any Error>

  init(engine: SimulatorEngine, port: Int, group: ServiceGroup, task: Task<Void, any Error>) {
    self.engine = engine
    self.port = port
    self.group = group
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
  ///
  /// Gracefully first: cancelling the serving task outright drops connections NIO has accepted
  /// but not yet handed to the server loop, and NIO traps on those ("Deinited NIOAsyncWriter
  /// without calling finish()", apple/swift-nio#2637). The graceful shutdown closes the
  /// listening socket and serves what was accepted; a response held back on purpose (a fault
  /// rule's delay or hang) would hold it for as long, so after `grace` the task is cancelled,
  /// by then with nothing left unaccepted.
  package func stop(grace: Duration = .seconds(2)) async {
    await group.triggerGracefulShutdown()
    let task = self.task
    let deadline = Task {
      try? await Task.sleep(for: grace)
      task.cancel()
    }
    _ = await task.result
    deadline.cancel()
  }
}
