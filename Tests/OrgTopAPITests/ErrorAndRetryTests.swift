import Foundation
import OrgTopCore
import Testing

@testable import OrgTopAPI

/// Error mapping, retry rules, timeouts and malformed bodies, over real loopback HTTP.
@Suite struct ErrorAndRetryTests {
  private static let org = #"{"id": "org", "name": "Acme", "type": "organization"}"#

  /// Calls `/me` against a server that always answers `canned`; returns the failure.
  private func failure(
    _ canned: Canned, _ tweak: Tweak = Tweak { _ in }
  ) async throws -> (AdminClientError?, [TimeInterval], Int) {
    try await withServer(Script { _ in canned }) { server in
      let (error, delays) = try await withClient(server, tweak) { client, sleeper in
        let error = await clientError { () async throws(AdminClientError) in
          try await client.organization()
        }
        return (error, await sleeper.delays)
      }
      return (error, delays, await server.requests.count)
    }
  }

  @Test(arguments: [
    (401, "authentication_error", FetchFailure.Kind.unauthorized, "ANTHROPIC_ADMIN_KEY", 1),
    (403, "permission_error", .forbidden, "Admin key", 1),
    (404, "not_found_error", .notFound, "base URL", 1),
    (400, "invalid_request_error", .badRequest, "refused", 1),
    (500, "api_error", .serverError, "retrying", 3),
    (529, "overloaded_error", .overloaded, "Anthropic's side", 3),
    (429, "rate_limit_error", .rateLimited, "retrying", 3),
  ])
  func statusMapsToKindAndRemedy(
    _ status: Int, _ type: String, _ kind: FetchFailure.Kind, _ remedyPart: String,
    _ attempts: Int
  ) async throws {
    let (error, delays, count) = try await failure(
      .error(status: status, type: type, message: "server says \(status)"))
    #expect(count == attempts)
    #expect(delays.count == attempts - 1)
    guard case .api(let apiError) = error else {
      Issue.record("expected an API error, got \(String(describing: error))")
      return
    }
    #expect(apiError.status == status)
    #expect(apiError.type == APIErrorType(wire: type))
    #expect(apiError.type.unknownValue == nil)
    #expect(apiError.message == "server says \(status)")
    #expect(apiError.requestID == "req_header")
    let failure = apiError.fetchFailure
    #expect(failure.kind == kind)
    #expect(failure.status == status)
    #expect(failure.requestID == "req_header")
    #expect(failure.remedy.lowercased().contains(remedyPart.lowercased()))
    #expect(!failure.message.contains("\n") && !failure.remedy.contains("\n"))
  }

  @Test func requestIDFallsBackToTheBodyAndDetailsAreRead() async throws {
    let body = try fixtureText("error-org-type")
    let (error, _, _) = try await failure(.json(body, status: 400))
    guard case .api(let apiError) = error else {
      Issue.record("expected an API error")
      return
    }
    #expect(apiError.requestID == "req_011CXm2Ab3Cd4Ef5Gh6Jk7Lm")
    #expect(apiError.errorCode == "organization_type_not_supported")
  }

  @Test func retryAfterHeadersAreHonoured() async throws {
    let (_, msDelays, _) = try await failure(
      .error(
        status: 429, type: "rate_limit_error", message: "slow down",
        headers: [("retry-after-ms", "1500"), ("retry-after", "9")]))
    #expect(msDelays == [1.5, 1.5])

    let (_, secondDelays, _) = try await failure(
      .error(status: 429, type: "rate_limit_error", message: "m", headers: [("retry-after", "4")]))
    #expect(secondDelays == [4, 4])

    let (_, dateDelays, _) = try await failure(
      .error(
        status: 503, type: "api_error", message: "m",
        headers: [("retry-after", "Fri, 20 Nov 2026 10:00:30 GMT")]),
      Tweak { $0.now = { utc("2026-11-20T10:00:00") } })
    #expect(dateDelays == [30, 30])

    let (error, backoff, _) = try await failure(
      .error(status: 500, type: "api_error", message: "m"))
    #expect(backoff == [0.5, 1.0])
    guard case .api(let apiError) = error else { return }
    #expect(apiError.retryAfter == nil)
  }

  @Test func aLongServerDelayIsHandedToTheScheduler() async throws {
    let (error, delays, count) = try await failure(
      .error(status: 429, type: "rate_limit_error", message: "m", headers: [("retry-after", "120")])
    )
    #expect(count == 1)
    #expect(delays.isEmpty)
    guard case .api(let apiError) = error else {
      Issue.record("expected an API error")
      return
    }
    #expect(apiError.retryAfter == 120)
    let failure = apiError.fetchFailure
    #expect(failure.retryAfter == 120)
    #expect(failure.remedy == "Rate limited, retrying in 120 s")
  }

  @Test func shouldRetryHeaderOverrides() async throws {
    let (_, _, noRetry) = try await failure(
      .error(
        status: 500, type: "api_error", message: "m", headers: [("x-should-retry", "false")]))
    #expect(noRetry == 1)
    let (_, delays, forced) = try await failure(
      .error(
        status: 400, type: "invalid_request_error", message: "m",
        headers: [("x-should-retry", "true")]))
    #expect(forced == 3)
    #expect(delays == [0.5, 1.0])
  }

  @Test func retrySucceedsAfterTransientFailures() async throws {
    let counter = Counter()
    try await withServer(
      Script { _ in
        await counter.next() < 2
          ? .error(status: 529, type: "overloaded_error", message: "busy")
          : .json(Self.org)
      }
    ) { server in
      try await withClient(server) { client, sleeper in
        let org = try await client.organization()
        #expect(org.name == "Acme")
        #expect(await sleeper.delays == [0.5, 1.0])
      }
    }
  }

  /// A timeout has already waited the whole read timeout: it is not retried inside the call
  /// (three silent waits looked like "refreshing…" for 90 s); the dashboard's outage probe
  /// tries again and says so.
  @Test func aSlowServerTimesOutOnceWithoutRetrying() async throws {
    let (error, delays, count) = try await failure(
      Canned(status: 200, body: Data(Self.org.utf8), delay: .milliseconds(1500)),
      Tweak {
        $0.readTimeout = 0.2
        $0.retry.maxRetries = 1
      })
    #expect(error == .timeout(seconds: 0.2))
    // Not retried: no retry delay was slept, and the server saw at most the one request (on a
    // loaded machine the 0.2 s can pass before the server's handler even starts).
    #expect(delays.isEmpty)
    #expect(count <= 1)
    let failure = try #require(error).fetchFailure(host: "127.0.0.1")
    #expect(failure.kind == .timeout)
    #expect(failure.message.contains("0.2 s"))
  }

  @Test func truncatedBodyIsMalformedWithTheStatus() async throws {
    let (error, _, count) = try await failure(
      Canned(status: 200, body: Data(Self.org.utf8), truncateTo: 10))
    guard case .malformedResponse(let status, let detail, _) = error else {
      Issue.record("expected malformed, got \(String(describing: error))")
      return
    }
    #expect(status == 200)
    #expect(detail.contains("truncated"))
    #expect(count == 3)
  }

  @Test func malformedJSONIsNotRetriedAndKeepsTheStatus() async throws {
    let (error, _, count) = try await failure(.json(#"{"id": "org", "name": "#))
    guard case .malformedResponse(let status, _, _) = error else {
      Issue.record("expected malformed, got \(String(describing: error))")
      return
    }
    #expect(status == 200)
    #expect(count == 1)
    let failure = try #require(error).fetchFailure(host: "h")
    #expect(failure.kind == .malformedResponse)
    #expect(failure.message.contains("HTTP 200"))
  }

  @Test func badMoneyInAPageFailsTheWholeCallNotAsZero() async throws {
    let page =
      #"{"data": [{"id": "spl_1", "type": "spend_limit", "amount": "50O00", "currency": "USD", "is_enabled": true, "period": "monthly", "scope": {"type": "organization"}, "created_at": "2026-09-10T12:00:00Z", "updated_at": "2026-09-10T12:00:00Z"}], "next_page": null}"#
    try await withServer(Script { _ in .json(page) }) { server in
      try await withClient(server) { client, _ in
        let error = await clientError { () async throws(AdminClientError) in
          try await client.spendLimits()
        }
        guard case .malformedResponse(let status, let detail, _) = error else {
          Issue.record("expected malformed, got \(String(describing: error))")
          return
        }
        #expect(status == 200)
        #expect(detail.contains("money"))
        #expect(!detail.contains("50O00"))
      }
    }
  }

  @Test func nonJSONErrorBodyStillMapsByStatus() async throws {
    let (error, _, _) = try await failure(
      Canned(status: 401, headers: [("content-type", "text/html")], body: Data("<h1>no</h1>".utf8)))
    guard case .api(let apiError) = error else {
      Issue.record("expected an API error")
      return
    }
    #expect(apiError.fetchFailure.kind == .unauthorized)
  }

  @Test func oversizeBodyIsRefused() async throws {
    let big = #"{"id": "org", "name": ""# + String(repeating: "x", count: 300_000) + #""}"#
    let (error, _, _) = try await failure(
      .json(big), Tweak { $0.maxResponseBytes = 100_000 })
    guard case .malformedResponse(_, let detail, _) = error else {
      Issue.record("expected malformed, got \(String(describing: error))")
      return
    }
    #expect(detail.contains("larger than"))
  }

  @Test func connectionRefusedIsANetworkError() async throws {
    // Bind a server, stop it, and use its now-closed port.
    let server = try await LoopbackServer.start { _ in .json(Self.org) }
    await server.stop()
    let error = try await withClient(server, Tweak { $0.connectTimeout = 5 }) { client, sleeper in
      let error = await clientError { () async throws(AdminClientError) in
        try await client.organization()
      }
      #expect(await sleeper.delays.count == 2)
      return error
    }
    guard case .network(.refused) = error else {
      Issue.record("expected a refused connection, got \(String(describing: error))")
      return
    }
    // Said in words, once: no library text, no errno, no stray parenthesis.
    let failure = try #require(error).fetchFailure(host: "127.0.0.1:9")
    #expect(failure.kind == .network)
    #expect(
      failure.message == "Cannot reach 127.0.0.1:9: connection refused (nothing is listening there)"
    )
    #expect(failure.remedy.contains("port"))
  }

  @Test func clientAndSourceDescriptionsAreMasked() async throws {
    try await withServer(Script { _ in .json(Self.org) }) { server in
      try await withClient(server) { client, _ in
        let source = LiveDataSource(client: client)
        var dumped = ""
        dump(client, to: &dumped)
        dump(source, to: &dumped)
        let texts = [
          String(describing: client), String(reflecting: client), String(describing: source),
          dumped,
        ]
        for text in texts {
          #expect(!text.contains(testSecret))
          #expect(!text.contains("TESTSECRET"))
        }
      }
    }
  }

  @Test func theKeyNeverAppearsInAnyError() async throws {
    // A hostile server echoes the key in its message and headers.
    var echoed = Canned.error(
      status: 403, type: "permission_error", message: "key \(testSecret) lacks scope",
      code: testSecret)
    echoed.headers = [("content-type", "application/json"), ("request-id", testSecret)]
    let (error, _, _) = try await failure(echoed)
    let unwrapped = try #require(error)
    let texts = [
      String(describing: unwrapped), String(reflecting: unwrapped),
      String(describing: unwrapped.fetchFailure(host: "h")),
      unwrapped.fetchFailure(host: "h").message, unwrapped.fetchFailure(host: "h").remedy,
    ]
    for text in texts {
      #expect(!text.contains(testSecret))
      #expect(!text.contains("TESTSECRET"))
    }
    #expect(unwrapped.fetchFailure(host: "h").message.contains("sk-ant-admin01-…WXYZ"))
  }
}
