import AsyncHTTPClient
import Foundation
import NIOCore
import Testing

@testable import OrgTopSimulator

/// The real server on loopback: sockets, headers, fault delivery, the request log, speed.
@Suite struct ServerTests {
  private func fetch(
    _ simulator: RunningSimulator, _ target: String, headers: [(String, String)]? = nil
  ) async throws -> (status: Int, headers: [(String, String)], body: [UInt8]) {
    var request = HTTPClientRequest(url: simulator.baseURL.absoluteString + target)
    for (name, value) in headers
      ?? [("x-api-key", simulator.adminKey), ("anthropic-version", "2026-10-21")]
    {
      request.headers.add(name: name, value: value)
    }
    let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
    let body = try await response.body.collect(upTo: 64 << 20)
    return (
      Int(response.status.code), response.headers.map { ($0.name, $0.value) }, Array(buffer: body)
    )
  }

  @Test func servesTheWireFormatOverHTTP() async throws {
    let simulator = try await SimulatorServer.start(SimulatorConfiguration(seed: 2))
    defer { Task { await simulator.stop() } }
    #expect(simulator.baseURL.absoluteString.hasPrefix("http://127.0.0.1:"))
    let me = try await fetch(simulator, "/v1/organizations/me")
    #expect(me.status == 200)
    let json = try JSONNode.parse(me.body)
    #expect(json.keys == ["id", "name", "type"])
    let names = Set(me.headers.map { $0.0.lowercased() })
    #expect(names.isSuperset(of: ["request-id", "content-type", "anthropic-organization-id"]))
    let bearer = try await fetch(
      simulator, "/v1/organizations/users?roles%5B%5D=admin",
      headers: [
        ("Authorization", "Bearer " + simulator.adminKey), ("anthropic-version", "2023-06-01"),
      ])
    #expect(bearer.status == 200)
    let denied = try await fetch(
      simulator, "/v1/organizations/me", headers: [("anthropic-version", "2023-06-01")])
    #expect(denied.status == 401)
    let posted = try await postName(simulator)
    #expect(posted == 200)
    await simulator.stop()
  }

  private func postName(_ simulator: RunningSimulator) async throws -> Int {
    let list = try await fetch(simulator, "/v1/organizations/api_keys?limit=1")
    let id = try #require(JSONNode.parse(list.body)["data"][0]["id"].string)
    var request = HTTPClientRequest(
      url: simulator.baseURL.absoluteString + "/v1/organizations/api_keys/" + id)
    request.method = .POST
    request.headers.add(name: "x-api-key", value: simulator.adminKey)
    request.headers.add(name: "anthropic-version", value: "2026-10-21")
    request.headers.add(name: "content-type", value: "application/json")
    request.body = .bytes(ByteBuffer(string: #"{"name":"via http"}"#))
    let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
    let body = try await response.body.collect(upTo: 1 << 20)
    #expect(try JSONNode.parse(Array(buffer: body))["name"].string == "via http")
    return Int(response.status.code)
  }

  @Test func requestLogNeverHoldsTheKey() async throws {
    let key = "sk-ant-admin01-test-secret-key-value"
    let simulator = try await SimulatorServer.start(SimulatorConfiguration(adminKey: key))
    _ = try await fetch(simulator, "/v1/organizations/me")
    _ = try await fetch(simulator, "/v1/organizations/api_keys?limit=2")
    _ = try await fetch(
      simulator, "/v1/organizations/me", headers: [("x-api-key", "sk-ant-admin01-wrong")])
    let log = await simulator.requestLog
    await simulator.stop()
    #expect(log.map(\.status) == [200, 200, 401])
    #expect(log[1].path == "/v1/organizations/api_keys" && log[1].query == "limit=2")
    for entry in log {
      #expect(!entry.description.contains("sk-ant"))
      #expect(!"\(entry)".contains(key))
    }
  }

  @Test func deliveryFaultsBreakTheResponse() async throws {
    let simulator = try await SimulatorServer.start(
      SimulatorConfiguration(
        faults: try FaultRule.parse(
          "truncate:/v1/organizations/users,close:/v1/organizations/workspaces,"
            + "malformed:/v1/organizations/invites")))
    await #expect(throws: (any Error).self) {
      _ = try await fetch(simulator, "/v1/organizations/users")
    }
    await #expect(throws: (any Error).self) {
      _ = try await fetch(simulator, "/v1/organizations/workspaces")
    }
    let malformed = try await fetch(simulator, "/v1/organizations/invites")
    #expect(malformed.status == 200)
    #expect(throws: (any Error).self) { _ = try JSONNode.parse(malformed.body) }
    // The server survives the broken connections.
    #expect(try await fetch(simulator, "/v1/organizations/me").status == 200)
    await simulator.stop()
  }

  @Test func startsFastAndListsTenThousandKeysQuickly() async throws {
    let clock = ContinuousClock()
    // Building the world is the start-up cost; it is synchronous CPU work, so it is timed on
    // its own (binding the socket waits for a free cooperative thread, which parallel suites
    // on two shared cores can delay, so that part is only reported).
    let build = clock.measure { _ = SimulatorEngine(configuration: SimulatorConfiguration()) }
    #expect(build < .milliseconds(500), "building the world took \(build)")
    var small: RunningSimulator?
    let startUp = try await clock.measure {
      small = try await SimulatorServer.start(SimulatorConfiguration())
    }
    await small?.stop()

    let big = try await SimulatorServer.start(SimulatorConfiguration(keyCount: 10_000))
    var ids: [String] = []
    let listing = try await clock.measure {
      var cursor = ""
      while true {
        let page = try JSONNode.parse(
          try await fetch(big, "/v1/organizations/api_keys?limit=1000" + cursor).body)
        ids += page["data"].array.compactMap { $0["id"].string }
        guard page["has_more"].bool == true, let last = page["last_id"].string else { break }
        cursor = "&after_id=" + last
      }
    }
    let serverTime = await big.requestLog.map(\.durationMilliseconds).reduce(0, +)
    await big.stop()
    #expect(ids.count == 10_000 && Set(ids).count == 10_000)
    #expect(listing < .seconds(20), "10,000 keys took \(listing)")
    print(
      "world build: \(build); server start-up: \(startUp); 10,000-key listing: \(listing) (server \(serverTime) ms)"
    )
  }
}
