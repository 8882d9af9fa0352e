import AsyncHTTPClient
import Foundation
import OrgTopCore
import Testing

@testable import OrgTopAPI

/// The secret used by every HTTP test; assertions check it never appears in any output.
let testSecret = "sk-ant-admin01-TESTSECRETvalue0123456789abcdefWXYZ"

/// A sleeper that records the delays asked for and returns at once.
actor RecordingSleeper: Sleeper {
  private(set) var delays: [TimeInterval] = []

  func sleep(seconds: TimeInterval) async throws {
    delays.append(seconds)
  }
}

/// Loads a JSON fixture copied verbatim from admin-api.md.
func fixture(_ name: String) throws -> Data {
  let url = try #require(
    Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
  return try Data(contentsOf: url)
}

func fixtureText(_ name: String) throws -> String {
  String(decoding: try fixture(name), as: UTF8.self)
}

/// A UTC instant from its RFC 3339 text, computed by Foundation (independent of the parser).
func utc(_ text: String) -> Date {
  let formatter = DateFormatter()
  formatter.locale = Locale(identifier: "en_US_POSIX")
  formatter.timeZone = TimeZone(identifier: "UTC")
  formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
  return formatter.date(from: text) ?? Date(timeIntervalSince1970: -1)
}

/// Runs `body` with a client pointed at `server`, a recording sleeper and short timeouts.
func withClient<T>(
  _ server: LoopbackServer, _ tweak: Tweak = Tweak { _ in },
  _ body: (AdminClient, RecordingSleeper) async throws -> T
) async throws -> T {
  let sleeper = RecordingSleeper()
  var configuration = AdminClient.Configuration()
  configuration.sleeper = sleeper
  configuration.retry = RetryPolicy(jitter: { 1 })
  tweak.apply(&configuration)
  let http = AdminClient.makeHTTPClient(configuration: configuration)
  let client = AdminClient(
    key: try #require(AdminKey(testSecret)),
    baseURL: try AdminBaseURL(validating: server.baseURL), httpClient: http,
    configuration: configuration)
  do {
    let result = try await body(client, sleeper)
    try await http.shutdown()
    return result
  } catch {
    try? await http.shutdown()
    throw error
  }
}

/// Runs a server for the duration of `body`.
func withServer<T>(
  _ script: Script, _ body: (LoopbackServer) async throws -> T
) async throws -> T {
  let server = try await LoopbackServer.start(script.respond)
  do {
    let result = try await body(server)
    await server.stop()
    return result
  } catch {
    await server.stop()
    throw error
  }
}

/// The error an ``AdminClient`` call threw, or a test failure if it succeeded.
func clientError<T>(_ call: () async throws(AdminClientError) -> T) async -> AdminClientError? {
  do {
    _ = try await call()
    Issue.record("expected the call to fail")
    return nil
  } catch {
    return error
  }
}

/// Whether `date` is `base + seconds`, to a microsecond (fractions go through `Double`).
func isClose(_ date: Date, _ base: Date, plus seconds: TimeInterval) -> Bool {
  abs(date.timeIntervalSince1970 - base.timeIntervalSince1970 - seconds) < 1e-6
}

/// A loopback server's answers, as a value (so calls keep a single trailing closure).
struct Script: Sendable {
  let respond: @Sendable (SeenRequest) async -> Canned

  init(_ respond: @escaping @Sendable (SeenRequest) async -> Canned) {
    self.respond = respond
  }
}

/// A change to the client configuration of one test.
struct Tweak {
  let apply: (inout AdminClient.Configuration) -> Void

  init(_ apply: @escaping (inout AdminClient.Configuration) -> Void) {
    self.apply = apply
  }
}
