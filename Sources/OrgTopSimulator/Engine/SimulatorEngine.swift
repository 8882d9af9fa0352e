import Foundation
import Synchronization

/// The simulated Admin API without any server: takes a request, answers with the exact wire
/// format. Thread-safe; the world changes only through `POST /api_keys/{id}`, and time moves it
/// forward lazily (usage is read up to `now - 5 min` on each request).
package final class SimulatorEngine: Sendable {
  private struct State {
    var world: SimWorld
    var requestCounter: UInt64 = 0
    var faultRandom: SeededGenerator
    var log: [RequestLogEntry] = []
    /// Bumped by every change to the world: cached reports of older generations are stale.
    var generation = 0
  }

  /// How many request log entries are kept (the oldest go first).
  package static let logCapacity = 10_000

  /// The admin key the engine accepts.
  package let adminKey: String
  package let organizationID: String
  private let configuration: SimulatorConfiguration
  /// Start-up instant in microseconds: the world's clock stops here when frozen.
  private let startMicros: Int64
  private let state: Mutex<State>
  private let reportCache = ReportCache()

  package init(configuration: SimulatorConfiguration) {
    self.configuration = configuration
    startMicros = Self.micros(configuration.clock())
    var world = WorldBuilder.build(
      seed: configuration.seed, keyCount: configuration.keyCount, now: startMicros)
    if configuration.showcasesKeyFlags {
      FlagShowcase.apply(to: &world, seed: configuration.seed, now: startMicros)
    }
    var keyRandom = SeededGenerator(seed: configuration.seed ^ 0xAD31_0000)
    adminKey = configuration.adminKey ?? "sk-ant-admin01-" + keyRandom.base62(86) + "-" + "AA"
    organizationID = world.organization.id
    state = Mutex(
      State(world: world, faultRandom: SeededGenerator(seed: configuration.seed ^ 0xFA17)))
  }

  private static func micros(_ date: Date) -> Int64 {
    Int64((date.timeIntervalSince1970 * 1_000_000).rounded(.down))
  }

  /// The simulator's current time in microseconds (the start-up time when frozen).
  package var nowMicros: Int64 {
    configuration.frozen ? startMicros : Self.micros(configuration.clock())
  }

  /// A snapshot of the world as it stands.
  package var world: SimWorld { state.withLock { $0.world } }

  /// The requests served so far (the last ``logCapacity`` at most), oldest first.
  package var requestLog: [RequestLogEntry] { state.withLock { $0.log } }

  /// Answers one request.
  package func handle(_ request: SimRequest) -> SimResponse {
    let started = ContinuousClock.now
    let (requestNumber, world, generation) = state.withLock { state in
      state.requestCounter += 1
      return (state.requestCounter, state.world, state.generation)
    }
    let requestID = Self.requestID(seed: configuration.seed, number: requestNumber)
    var response: SimResponse
    do {
      response = try respond(
        to: request, world: world, generation: generation, requestID: requestID)
    } catch {
      response = errorResponse(error, requestID: requestID)
    }
    let elapsed = ContinuousClock.now - started
    let entry = RequestLogEntry(
      method: request.method, path: request.path, query: redacted(request.query),
      status: response.status,
      durationMilliseconds: Double(elapsed.components.seconds) * 1000
        + Double(elapsed.components.attoseconds) / 1e15)
    state.withLock { state in
      // Bounded, so a simulator polled for days keeps a flat memory footprint.
      if state.log.count >= Self.logCapacity { state.log.removeFirst(Self.logCapacity / 10) }
      state.log.append(entry)
    }
    configuration.onRequest?(entry)
    return response
  }

  /// The query as logged: a misplaced key (any `sk-ant-` value) never reaches the log.
  private func redacted(_ query: String) -> String {
    // Byte searches: Foundation's `contains` on strings runs its locale-aware search, for
    // every request the demo's refresh sends.
    func holdsKey(_ text: Substring) -> Bool {
      text.utf8.firstRange(of: "sk-ant".utf8) != nil
        || text.utf8.firstRange(of: adminKey.utf8) != nil
    }
    guard holdsKey(query[...]) else { return query }
    return query.split(separator: "&", omittingEmptySubsequences: false).map { pair in
      holdsKey(pair)
        ? (pair.split(separator: "=", maxSplits: 1).first.map(String.init) ?? "") + "=REDACTED"
        : String(pair)
    }.joined(separator: "&")
  }

  /// `req_011C` + 20 base-62 characters, distinct per request.
  private static func requestID(seed: UInt64, number: UInt64) -> String {
    var random = SeededGenerator(seed: SeededGenerator.hash(seed, number, 0x5EC))
    return "req_011C" + random.base62(20)
  }

  private func respond(
    to request: SimRequest, world: SimWorld, generation: Int, requestID: String
  ) throws(APIError) -> SimResponse {
    try authenticate(request)
    guard let version = request.headers["anthropic-version"],
      !version.trimmingCharacters(in: .whitespaces).isEmpty
    else {
      throw .invalid("anthropic-version: header is required")
    }
    if request.bodyTooLarge {
      throw APIError(
        status: 413, type: "request_too_large", message: "Request body is too large (max 1 MiB)")
    }
    let query = try QueryParameters(request.query)
    let fault = applyFaults(request: request, query: query)
    if let error = fault.error { throw error }
    let now = nowMicros
    let context = RequestContext(
      request: request, query: query, world: world, now: now,
      analytics: configuration.analytics, spendLimits: configuration.spendLimits,
      reportCache: reportCache, worldGeneration: generation)
    let body: JSONValue
    if request.method == "POST", let keyID = context.apiKeyUpdateTarget {
      body = try updateKey(keyID, body: request.body, now: now)
    } else {
      body = try context.route()
    }
    var response = SimResponse(
      status: 200, headers: standardHeaders(requestID: requestID), body: body.serialized())
    response.delivery = fault.delivery
    response.delayMilliseconds = fault.delayMilliseconds
    return response
  }

  private func authenticate(_ request: SimRequest) throws(APIError) {
    // x-api-key decides when both are present (admin-api.md §16 #27).
    let presented: String?
    if let key = request.headers["x-api-key"] {
      presented = key
    } else if let authorization = request.headers["authorization"],
      authorization.lowercased().hasPrefix("bearer ")
    {
      presented = String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces)
    } else {
      presented = nil
    }
    guard let presented, !presented.isEmpty else {
      throw APIError(
        status: 401, type: "authentication_error",
        message: "x-api-key header is required (or Authorization: Bearer)")
    }
    guard presented == adminKey else {
      throw APIError(status: 401, type: "authentication_error", message: "invalid x-api-key")
    }
  }

  private func standardHeaders(requestID: String) -> [(String, String)] {
    [
      ("request-id", requestID), ("content-type", "application/json"),
      ("anthropic-organization-id", organizationID),
    ]
  }

  /// The JSON error envelope of admin-api.md §3.1, with retry headers.
  private func errorResponse(_ error: APIError, requestID: String) -> SimResponse {
    var inner: [(String, JSONValue)] = [
      ("type", .string(error.type)), ("message", .string(error.message)),
    ]
    if let code = error.errorCode {
      inner.append(("details", .object([("error_code", .string(code))])))
    }
    let body = JSONValue.object([
      ("type", .string("error")), ("error", .object(inner)), ("request_id", .string(requestID)),
    ])
    var headers = standardHeaders(requestID: requestID) + error.extraHeaders
    if error.status < 500, ![408, 409, 429].contains(error.status) {
      headers.append(("x-should-retry", "false"))
    }
    return SimResponse(status: error.status, headers: headers, body: body.serialized())
  }

  private struct FaultOutcome {
    var error: APIError?
    var delivery = SimResponse.Delivery.normal
    var delayMilliseconds = 0
  }

  private func applyFaults(request: SimRequest, query: QueryParameters) -> FaultOutcome {
    var outcome = FaultOutcome()
    guard !configuration.faults.isEmpty else { return outcome }
    state.withLock { state in
      for rule in configuration.faults where rule.matches(path: request.path) {
        if case .status(410) = rule.kind, query.values["page"] == nil { continue }
        guard rule.rate >= 1 || state.faultRandom.unit() < rule.rate else { continue }
        switch rule.kind {
        case .status(let status):
          guard outcome.error == nil else { continue }
          outcome.error = Self.faultError(status: status, rule: rule)
        case .latency(let milliseconds): outcome.delayMilliseconds += milliseconds
        case .truncate: outcome.delivery = .truncated
        case .malformed: outcome.delivery = .malformed
        case .close: outcome.delivery = .closed
        }
      }
    }
    return outcome
  }

  /// Runs `body` on the world under the lock, keeping its changes only when it succeeds.
  func mutateWorld<Result>(_ body: (inout SimWorld) throws(APIError) -> Result) throws(APIError)
    -> Result
  {
    let outcome: Swift.Result<Result, APIError> = state.withLock { state in
      var world = state.world
      do throws(APIError) {
        let value = try body(&world)
        state.world = world
        state.generation += 1
        return .success(value)
      } catch {
        return .failure(error)
      }
    }
    return try outcome.get()
  }

  private static func faultError(status: Int, rule: FaultRule) -> APIError {
    switch status {
    case 429:
      let millis = rule.retryAfterMilliseconds
      return APIError(
        status: 429, type: "rate_limit_error", message: "Rate limited (simulated fault)",
        extraHeaders: [
          ("retry-after", String(max(1, (millis + 999) / 1000))),
          ("retry-after-ms", String(millis)),
        ])
    case 401:
      return APIError(
        status: 401, type: "authentication_error", message: "invalid x-api-key (simulated fault)")
    case 403:
      return APIError(
        status: 403, type: "permission_error",
        message: "Your API key does not have permission to use the specified resource (simulated)")
    case 410:
      return APIError(
        status: 410, type: "invalid_request_error", message: "page cursor expired")
    case 529:
      return APIError(status: 529, type: "overloaded_error", message: "Overloaded (simulated)")
    default:
      return APIError(
        status: status, type: "api_error", message: "Internal server error (simulated)")
    }
  }
}
