import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

/// Serves a ``SimulatorEngine`` over real HTTP/1.1 on 127.0.0.1 with Hummingbird.
package enum SimulatorServer {
  /// Why the server could not start.
  package struct StartError: Error, CustomStringConvertible {
    package var description: String
  }

  /// Builds the world and starts serving; returns once the socket is bound.
  ///
  /// Uses HummingbirdCore's HTTP/1.1 server directly rather than `Application`, whose date
  /// cache wakes up every second: an idle simulator must cost no CPU at all. Its handlers run
  /// on `taskExecutor` when given (the demo passes its client's, so that a refresh is one
  /// thread's work), else on Swift's global pool.
  package static func start(
    _ configuration: SimulatorConfiguration, taskExecutor: (any TaskExecutor)? = nil
  ) async throws -> RunningSimulator {
    let engine = SimulatorEngine(configuration: configuration)
    let (portStream, portContinuation) = AsyncStream.makeStream(of: Int?.self)
    let logger = quietLogger()
    let server = try HTTPServerBuilder.http1().buildServer(
      configuration: ServerConfiguration(
        address: .hostname("127.0.0.1", port: configuration.port), serverName: nil),
      eventLoopGroup: MultiThreadedEventLoopGroup.singleton, logger: logger,
      responder: { request, writer, _ in
        let response = try await respond(request, engine: engine)
        try await writer.write(response: response.head, body: response.body)
      },
      onServerRunning: { channel in
        portContinuation.yield(channel.localAddress?.port)
        portContinuation.finish()
      })
    let group = ServiceGroup(configuration: .init(services: [server], logger: logger))
    let task = Task(executorPreference: taskExecutor) {
      do {
        try await group.run()
      } catch {
        portContinuation.yield(nil)
        portContinuation.finish()
        throw error
      }
    }
    var boundPort: Int?
    for await port in portStream {
      boundPort = port
      break
    }
    guard let boundPort else {
      task.cancel()
      if case .failure(let error) = await task.result { throw error }
      throw StartError(description: "the simulator could not bind 127.0.0.1:\(configuration.port)")
    }
    return RunningSimulator(engine: engine, port: boundPort, group: group, task: task)
  }

  private static func quietLogger() -> Logger {
    var logger = Logger(label: "orgtop.simulator")
    logger.logLevel = .critical
    return logger
  }

  /// Request bodies beyond this size are answered 413 `request_too_large`.
  private static let maximumBodyBytes = 1 << 20

  /// A body write that fails on purpose, to cut a response short.
  private struct InjectedFault: Error {}

  private static func respond(_ request: Request, engine: SimulatorEngine) async throws -> Response
  {
    var headers: [String: String] = [:]
    for field in request.headers {
      let name = field.name.canonicalName
      // Repeated headers are joined, as HTTP allows (anthropic-beta values stay comma lists).
      headers[name] = headers[name].map { $0 + "," + field.value } ?? field.value
    }
    var body: [UInt8] = []
    var tooLarge = false
    do {
      body = Array(buffer: try await request.body.collect(upTo: maximumBodyBytes))
    } catch {
      tooLarge = true
    }
    var simRequest = SimRequest(
      method: request.method.rawValue, path: request.uri.path, query: request.uri.query ?? "",
      headers: headers, body: body)
    simRequest.bodyTooLarge = tooLarge
    let response = engine.handle(simRequest)
    if response.delayMilliseconds > 0 {
      try await Task.sleep(for: .milliseconds(response.delayMilliseconds))
    }
    var fields = HTTPFields()
    for (name, value) in response.headers {
      if let fieldName = HTTPField.Name(name) {
        fields.append(HTTPField(name: fieldName, value: value))
      }
    }
    let status = HTTPResponse.Status(code: response.status)
    let bytes = response.body
    switch response.delivery {
    case .normal:
      return Response(
        status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    case .malformed:
      let cut = Array(bytes.prefix(max(1, bytes.count / 2)))
      return Response(
        status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: cut)))
    case .truncated:
      let half = ByteBuffer(bytes: bytes.prefix(bytes.count / 2))
      return Response(
        status: status, headers: fields,
        body: ResponseBody(contentLength: bytes.count) { writer in
          try await writer.write(half)
          throw InjectedFault()
        })
    case .closed:
      return Response(
        status: status, headers: fields,
        body: ResponseBody(contentLength: bytes.count) { _ in throw InjectedFault() })
    }
  }
}
