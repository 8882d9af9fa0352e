import Foundation
import Synchronization
import Testing

@testable import OrgTopSimulator

/// The request log: reported to `onRequest`, bounded, and free of credentials.
@Suite struct RequestLogTests {
  @Test func onRequestSeesEveryRequestWithoutTheKey() {
    let seen = Mutex<[RequestLogEntry]>([])
    let engine = SimulatorEngine(
      configuration: SimulatorConfiguration(
        adminKey: "sk-ant-admin01-callback-secret",
        clock: { SimulatorHarness.fixedNow },
        onRequest: { entry in seen.withLock { $0.append(entry) } }))
    let headers = [
      "x-api-key": "sk-ant-admin01-callback-secret", "anthropic-version": "2023-06-01",
    ]
    _ = engine.handle(SimRequest(method: "GET", path: "/v1/organizations/me", headers: headers))
    _ = engine.handle(
      SimRequest(method: "GET", path: "/v1/organizations/users", query: "limit=0", headers: headers)
    )
    let entries = seen.withLock { $0 }
    #expect(entries.map(\.status) == [200, 400])
    #expect(entries.map(\.path) == ["/v1/organizations/me", "/v1/organizations/users"])
    #expect(entries == engine.requestLog)
    #expect(entries.allSatisfy { !$0.description.contains("callback-secret") })
  }

  @Test func logIsBounded() {
    let harness = SimulatorHarness()
    for _ in 0..<(SimulatorEngine.logCapacity + 5) { _ = harness.get("me") }
    let log = harness.engine.requestLog
    #expect(log.count <= SimulatorEngine.logCapacity)
    #expect(log.count > SimulatorEngine.logCapacity / 2)
  }
}
