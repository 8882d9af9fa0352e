import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// A request as the loopback server saw it: the raw (still percent-encoded) query included.
struct SeenRequest: Sendable {
  var method: String
  var path: String
  var rawQuery: String
  var headers: [(name: String, value: String)]
  var body: Data

  /// Every value of a header, by case-insensitive name.
  func header(_ name: String) -> [String] {
    headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
  }

  /// The query as decoded pairs, in order (a literal `+` stays a `+`).
  var queryPairs: [(String, String)] {
    guard !rawQuery.isEmpty else { return [] }
    return rawQuery.split(separator: "&").map { pair in
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = String(parts[0]).removingPercentEncoding ?? String(parts[0])
      let value = parts.count > 1 ? (String(parts[1]).removingPercentEncoding ?? "") : ""
      return (name, value)
    }
  }

  /// The decoded values of one query parameter.
  func query(_ name: String) -> [String] {
    queryPairs.filter { $0.0 == name }.map(\.1)
  }
}

/// What the loopback server answers.
struct Canned: Sendable {
  var status: Int
  var headers: [(String, String)] = []
  var body: Data
  /// Wait this long before answering (to provoke a client timeout).
  var delay: Duration?
  /// Declare this content length but send only `body`, then drop the connection.
  var truncateTo: Int?

  static func json(_ text: String, status: Int = 200, headers: [(String, String)] = []) -> Canned {
    Canned(
      status: status, headers: [("content-type", "application/json")] + headers,
      body: Data(text.utf8))
  }

  static func error(
    status: Int, type: String, message: String, code: String? = nil,
    headers: [(String, String)] = []
  ) -> Canned {
    let details = code.map { #", "details": {"error_code": "\#($0)"}"# } ?? ""
    return .json(
      #"{"type": "error", "error": {"type": "\#(type)", "message": "\#(message)"\#(details)}, "request_id": "req_body"}"#,
      status: status, headers: [("request-id", "req_header")] + headers)
  }
}

/// A Hummingbird server on 127.0.0.1 and an ephemeral port that answers every request with a
/// scripted handler and records what it saw.
final class LoopbackServer: Sendable {
  let port: Int
  private let recorder: Recorder
  private let task: Task<Void, any Error>

  private actor Recorder {
    var seen: [SeenRequest] = []
    func record(_ request: SeenRequest) { seen.append(request) }
  }

  private init(port: Int, recorder: Recorder, task: Task<Void, any Error>) {
    self.port = port
    self.recorder = recorder
    self.task = task
  }

  var baseURL: String { "http://127.0.0.1:\(port)" }

  var requests: [SeenRequest] {
    get async { await recorder.seen }
  }

  static func start(_ handler: @escaping @Sendable (SeenRequest) async -> Canned) async throws
    -> LoopbackServer
  {
    let recorder = Recorder()
    let responder = CallbackResponder<BasicRequestContext> { request, _ in
      let body = try await request.body.collect(upTo: 1 << 20)
      var raw = request.uri.string
      var query = ""
      if let mark = raw.firstIndex(of: "?") {
        query = String(raw[raw.index(after: mark)...])
        raw = String(raw[..<mark])
      }
      let seen = SeenRequest(
        method: request.method.rawValue, path: raw, rawQuery: query,
        headers: request.headers.map { ($0.name.canonicalName, $0.value) },
        body: Data(body.readableBytesView))
      await recorder.record(seen)
      let canned = await handler(seen)
      if let delay = canned.delay { try await Task.sleep(for: delay) }
      var fields = HTTPFields()
      for (name, value) in canned.headers {
        if let field = HTTPField.Name(name) { fields.append(HTTPField(name: field, value: value)) }
      }
      let status = HTTPResponse.Status(code: canned.status)
      if let truncateTo = canned.truncateTo {
        let partial = ByteBuffer(bytes: canned.body.prefix(truncateTo))
        let body = ResponseBody(contentLength: canned.body.count) { writer in
          try await writer.write(partial)
          throw CancellationError()
        }
        return Response(status: status, headers: fields, body: body)
      }
      return Response(
        status: status, headers: fields,
        body: ResponseBody(byteBuffer: ByteBuffer(data: canned.body)))
    }
    let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
    var logger = Logger(label: "loopback")
    logger.logLevel = .critical
    let app = Application(
      responder: responder,
      configuration: .init(address: .hostname("127.0.0.1", port: 0)),
      onServerRunning: { channel in
        continuation.yield(channel.localAddress?.port ?? 0)
        continuation.finish()
      },
      logger: logger)
    let task = Task { try await app.runService(gracefulShutdownSignals: []) }
    var port = 0
    for await value in stream { port = value }
    return LoopbackServer(port: port, recorder: recorder, task: task)
  }

  func stop() async {
    task.cancel()
    _ = try? await task.value
  }
}
