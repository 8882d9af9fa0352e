import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import OrgTopCore

/// The Anthropic Admin API client: one typed method per endpoint the dashboard needs (see
/// `AdminClient+Endpoints.swift`), every page followed with a bound, errors decoded into
/// ``AdminClientError``, and the SDK's retry rules (admin-api.md §3.3).
///
/// A value type over a shared `HTTPClient`; safe to use from any task concurrently. The caller
/// owns the `HTTPClient` (make one with ``makeHTTPClient(configuration:)``, shut it down at exit).
package struct AdminClient: Sendable {
  /// The `anthropic-version` sent on every request.
  package static let apiVersion = "2026-10-21"
  /// orgtop's version, for the `user-agent`.
  package static let orgtopVersion = "0.1.0"

  /// Timeouts, retries and bounds; every default suits a dashboard that refreshes each minute.
  package struct Configuration: Sendable {
    /// TCP/TLS connect timeout, seconds.
    package var connectTimeout: TimeInterval = 5
    /// Longest silence while waiting for response bytes, seconds.
    package var readTimeout: TimeInterval = 30
    /// Longest time one attempt (request and whole body) may take, seconds.
    package var requestTimeout: TimeInterval = 60
    /// How long an idle connection stays open for the next request, seconds: longer than the
    /// default report refresh (60 s, put off by up to 6 s), so each refresh reuses the
    /// connection instead of opening one (and, against the API, a TLS handshake) every minute.
    /// Measured on the idle demo at 120x40: 38.6 ms of CPU a minute against 46.2 with 10 s.
    /// The price is the kept connection's receive buffer, grown to its largest page: about
    /// 1 to 3 MiB resident at 10,000 keys.
    package var idleConnectionTimeout: TimeInterval = 90
    package var retry = RetryPolicy()
    /// A larger body is refused as malformed (protects memory from a runaway server).
    package var maxResponseBytes = 16 * 1024 * 1024
    /// The most pages one paginated walk may fetch; more is an error, never a truncation.
    package var maxPages = 1000
    package var userAgent = "orgtop/\(AdminClient.orgtopVersion)"
    /// Waits between retries; tests inject one that records instead of waiting.
    package var sleeper: any Sleeper = TaskSleeper()
    /// The clock used for HTTP-date `retry-after` values and the analytics probe window.
    package var now: @Sendable () -> Date = { Date() }
    /// Where every request (method, path, status, duration, request-id) and every retry with
    /// its reason is logged. Never the key: it is only ever in a header, and headers are not
    /// logged. Silent unless the program sets one (swift-log's default would print to stdout,
    /// over the dashboard).
    package var logger = Logger(label: "api", factory: { _ in SwiftLogNoOpLogHandler() })
    /// A read-only client (`--read-only`, `--kiosk`, the script commands) refuses every request
    /// but a GET before it is built: no write can reach the network, whatever calls it.
    package var isReadOnly = false

    package init() {}
  }

  package let baseURL: AdminBaseURL
  package let configuration: Configuration
  let key: AdminKey
  let http: HTTPClient
  /// Where the fetches through this client prefer to run: one loop of the HTTP client's
  /// group (``EventLoopTaskExecutor``).
  package let taskExecutor: EventLoopTaskExecutor
  /// Whether ``shutdown()`` should shut `http` down (only for clients made by ``make``).
  private let ownsHTTPClient: Bool

  /// A client over a caller-owned `HTTPClient` (shared with other users, shut down by them).
  /// `taskExecutor`, when given, is where its fetches prefer to run (the demo shares one with
  /// its embedded simulator); otherwise one of `httpClient`'s loops.
  package init(
    key: AdminKey, baseURL: AdminBaseURL = .production, httpClient: HTTPClient,
    configuration: Configuration = Configuration(), taskExecutor: EventLoopTaskExecutor? = nil
  ) {
    self.init(
      key: key, baseURL: baseURL, httpClient: httpClient, configuration: configuration,
      ownsHTTPClient: false, taskExecutor: taskExecutor)
  }

  private init(
    key: AdminKey, baseURL: AdminBaseURL, httpClient: HTTPClient, configuration: Configuration,
    ownsHTTPClient: Bool, taskExecutor: EventLoopTaskExecutor? = nil
  ) {
    self.key = key
    self.baseURL = baseURL
    self.http = httpClient
    self.configuration = configuration
    self.ownsHTTPClient = ownsHTTPClient
    self.taskExecutor = taskExecutor ?? EventLoopTaskExecutor(httpClient.eventLoopGroup.next())
  }

  /// A client with its own `HTTPClient` (the configuration's timeouts, redirects refused);
  /// call ``shutdown()`` once at exit.
  package static func make(
    key: AdminKey, baseURL: AdminBaseURL = .production,
    configuration: Configuration = Configuration()
  ) -> AdminClient {
    AdminClient(
      key: key, baseURL: baseURL, httpClient: makeHTTPClient(configuration: configuration),
      configuration: configuration, ownsHTTPClient: true)
  }

  /// Shuts down the `HTTPClient` if this client made it; a no-op for a shared one.
  package func shutdown() async {
    guard ownsHTTPClient else { return }
    try? await http.shutdown()
  }

  /// An `HTTPClient` with the configuration's connect and read timeouts, redirects refused
  /// (a redirect must not carry the key to another host), on the shared event loop group.
  package static func makeHTTPClient(configuration: Configuration = Configuration())
    -> HTTPClient
  {
    let timeout = HTTPClient.Configuration.Timeout(
      connect: .milliseconds(Int64(configuration.connectTimeout * 1000)),
      read: .milliseconds(Int64(configuration.readTimeout * 1000)))
    let httpConfiguration = HTTPClient.Configuration(
      redirectConfiguration: .disallow, timeout: timeout,
      connectionPool: .init(
        idleTimeout: .milliseconds(Int64(configuration.idleConnectionTimeout * 1000))))
    return HTTPClient(eventLoopGroupProvider: .singleton, configuration: httpConfiguration)
  }

  /// One request to the API, before encoding.
  struct Request: Sendable {
    var method: HTTPMethod = .GET
    var path: String
    var query = QueryParameters()
    /// The `anthropic-beta` value, only for the endpoints that need one.
    var beta: String?
    var body: Data?
  }

  /// A successful (2xx) response with its whole body.
  struct Response: Sendable {
    var status: Int
    var requestID: String?
    var body: Data
  }

  /// Sends a request, retrying per §3.3; returns only 2xx responses. A write (any method but
  /// GET) is sent once and never retried (the user repeats it if they want), and a read-only
  /// client refuses it before it is built.
  func send(_ request: Request) async throws(AdminClientError) -> Response {
    if request.method != .GET, configuration.isReadOnly {
      configuration.logger.warning(
        "refused \(request.method.rawValue) \(request.path): the client is read-only")
      throw .readOnly(method: request.method.rawValue, path: request.path)
    }
    let maxRetries = request.method == .GET ? configuration.retry.maxRetries : 0
    var retry = 0
    while true {
      if Task.isCancelled { throw .cancelled }
      let outcome: Attempt
      let started = ContinuousClock.now
      do {
        outcome = try await attempt(request)
      } catch {
        log(request, outcome: "failed (\(error.logText))", since: started, requestID: nil)
        guard error.isRetryable, retry < maxRetries else { throw error }
        let delay = configuration.retry.backoff(retry: retry)
        logRetry(request, retry: retry + 1, reason: error.logText, delay: delay)
        try await pause(delay)
        retry += 1
        continue
      }
      log(request, outcome: String(outcome.status), since: started, requestID: outcome.requestID)
      if (200..<300).contains(outcome.status) {
        return Response(status: outcome.status, requestID: outcome.requestID, body: outcome.body)
      }
      var apiError = apiError(from: outcome)
      let retryable = RetryPolicy.shouldRetry(
        status: outcome.status, shouldRetryHeader: outcome.shouldRetry)
      guard retryable, retry < maxRetries else { throw .api(apiError) }
      if let delay = apiError.retryAfter, delay > configuration.retry.maxServerDelay {
        // Too long to block a fetch: hand the wait to the dashboard's scheduler.
        apiError.retryAfter = delay
        throw .api(apiError)
      }
      let delay = apiError.retryAfter ?? configuration.retry.backoff(retry: retry)
      logRetry(request, retry: retry + 1, reason: "status \(outcome.status)", delay: delay)
      try await pause(delay)
      retry += 1
    }
  }

  /// One line per attempt: `GET /v1/organizations/me 200 34 ms request-id=req_…`.
  private func log(
    _ request: Request, outcome: String, since started: ContinuousClock.Instant,
    requestID: String?
  ) {
    let elapsed = ContinuousClock.now - started
    let milliseconds =
      elapsed.components.seconds * 1000
      + elapsed.components.attoseconds / 1_000_000_000_000_000
    var metadata: Logger.Metadata = [:]
    if let requestID { metadata["request-id"] = "\(requestID)" }
    configuration.logger.info(
      "\(request.method.rawValue) \(request.path) \(outcome) \(milliseconds) ms",
      metadata: metadata)
  }

  private func logRetry(_ request: Request, retry: Int, reason: String, delay: TimeInterval) {
    let method = request.method.rawValue
    let milliseconds = Int((delay * 1000).rounded())
    configuration.logger.notice(
      "retry \(retry) of \(configuration.retry.maxRetries): \(method) \(request.path) after \(reason), in \(milliseconds) ms"
    )
  }

  private func pause(_ seconds: TimeInterval) async throws(AdminClientError) {
    do {
      try await configuration.sleeper.sleep(seconds: seconds)
    } catch {
      throw .cancelled
    }
  }

  /// A response of any status, fully read.
  private struct Attempt: Sendable {
    var status: Int
    var requestID: String?
    var shouldRetry: String?
    var retryAfterMilliseconds: String?
    var retryAfter: String?
    var body: Data
  }

  private func attempt(_ request: Request) async throws(AdminClientError) -> Attempt {
    var outgoing = HTTPClientRequest(
      url: baseURL.url(path: request.path, query: request.query.encoded))
    outgoing.method = request.method
    outgoing.headers.add(name: "x-api-key", value: key.secret)
    outgoing.headers.add(name: "anthropic-version", value: Self.apiVersion)
    if let beta = request.beta { outgoing.headers.add(name: "anthropic-beta", value: beta) }
    outgoing.headers.add(name: "accept", value: "application/json")
    outgoing.headers.add(name: "user-agent", value: configuration.userAgent)
    if let body = request.body {
      outgoing.headers.add(name: "content-type", value: "application/json")
      outgoing.body = .bytes(ByteBuffer(bytes: body))
    }

    let response: HTTPClientResponse
    do {
      response = try await http.execute(
        outgoing, timeout: .milliseconds(Int64(configuration.requestTimeout * 1000)))
    } catch {
      throw classify(error, status: nil)
    }
    let status = Int(response.status.code)
    let headers = response.headers
    let requestID = headers.first(name: "request-id").map(scrub)
    let buffer: ByteBuffer
    do {
      buffer = try await response.body.collect(upTo: configuration.maxResponseBytes)
    } catch {
      throw classify(error, status: status, requestID: requestID)
    }
    return Attempt(
      status: status, requestID: requestID,
      shouldRetry: headers.first(name: "x-should-retry"),
      retryAfterMilliseconds: headers.first(name: "retry-after-ms"),
      retryAfter: headers.first(name: "retry-after"), body: Data(buffer.readableBytesView))
  }

  /// Maps a transport error to ``AdminClientError`` without ever including request headers.
  private func classify(_ error: any Error, status: Int?, requestID: String? = nil)
    -> AdminClientError
  {
    if error is CancellationError { return .cancelled }
    if error is NIOTooManyBytesError {
      return .malformedResponse(
        status: status ?? 0,
        detail: "body larger than \(configuration.maxResponseBytes / 1024 / 1024) MiB",
        requestID: requestID)
    }
    if let clientError = error as? HTTPClientError {
      switch clientError {
      case .connectTimeout: return .timeout(seconds: configuration.connectTimeout)
      case .readTimeout: return .timeout(seconds: configuration.readTimeout)
      case .deadlineExceeded: return .timeout(seconds: configuration.requestTimeout)
      case .cancelled: return .cancelled
      default: break
      }
    }
    if let status {
      // The headers arrived but the body was cut short.
      return .malformedResponse(
        status: status, detail: "truncated body (connection closed early)", requestID: requestID)
    }
    return .network(NetworkProblem(error))
  }

  /// Builds the typed error of a non-2xx response; an undecodable envelope still yields an
  /// error driven by the status.
  private func apiError(from outcome: Attempt) -> APIError {
    let envelope = try? WireDecoding.decode(WireErrorEnvelope.self, from: outcome.body)
    let delay = RetryPolicy.serverDelay(
      retryAfterMilliseconds: outcome.retryAfterMilliseconds, retryAfter: outcome.retryAfter,
      now: configuration.now())
    return APIError(
      status: outcome.status,
      type: APIErrorType(wire: envelope?.error.type ?? ""),
      message: scrub(envelope?.error.message ?? ""),
      errorCode: envelope?.error.details?.errorCode.map(scrub),
      requestID: (outcome.requestID ?? envelope?.requestId).map(scrub), retryAfter: delay)
  }

  /// One line, bounded, and never the key (a server could echo it back).
  func scrub(_ text: String) -> String {
    let unmasked = text.replacingOccurrences(of: key.secret, with: key.masked)
    var scalars = String.UnicodeScalarView()
    for scalar in unmasked.unicodeScalars {
      let isControl =
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
        || scalar == "\u{2028}" || scalar == "\u{2029}"
      scalars.append(isControl ? " " : scalar)
    }
    var line = String(scalars)
    if line.count > 240 { line = String(line.prefix(239)) + "…" }
    return line
  }

  /// Decodes a successful body, mapping shape errors to ``AdminClientError/malformedResponse``.
  func decode<T: Decodable>(_ type: T.Type, from response: Response) throws(AdminClientError)
    -> T
  {
    do {
      return try WireDecoding.decode(type, from: response.body)
    } catch {
      throw .malformedResponse(
        status: response.status, detail: error.detail, requestID: response.requestID)
    }
  }
}

extension AdminClientError {
  /// Connection failures, timeouts and cut-short bodies may pass on a second try.
  var isRetryable: Bool {
    switch self {
    // A timeout already waited the whole read timeout: the dashboard's scheduler tries
    // again (and says so) rather than three silent waits in a row (docs/admin-api.md).
    case .network: true
    case .timeout: false
    case .malformedResponse(_, let detail, _): detail.hasPrefix("truncated")
    case .api, .tooManyPages, .invalidRequest, .readOnly, .cancelled: false
    }
  }
}

// Reflection of the shared `HTTPClient` would reach pooled connections that still hold request
// headers, so every textual form of the client shows only the base URL and the masked key.
extension AdminClient: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
  package var description: String { "AdminClient(\(baseURL), key: \(key.masked))" }
  package var debugDescription: String { description }
  package var customMirror: Mirror {
    Mirror(self, children: ["baseURL": baseURL.description, "key": key.masked])
  }
}
