import Testing

@testable import OrgTopSimulator

/// Fault injection: the spec grammar and what the engine does with it.
@Suite struct FaultTests {
  @Test func specGrammar() throws {
    let rules = try FaultRule.parse("429@0.2:/v1/organizations/api_keys,latency=200ms,truncate@0.1")
    #expect(
      rules == [
        FaultRule(kind: .status(429), rate: 0.2, path: "/v1/organizations/api_keys"),
        FaultRule(kind: .latency(milliseconds: 200)),
        FaultRule(kind: .truncate, rate: 0.1),
      ])
    let more = try FaultRule.parse("429=2s, 500:/v1/*/users, 410, close@0.5, malformed, latency=1s")
    #expect(more[0].retryAfterMilliseconds == 2000)
    #expect(more[1].matches(path: "/v1/organizations/users") && !more[1].matches(path: "/v1/x"))
    #expect(more[5].kind == .latency(milliseconds: 1000))
    for bad in ["418", "429@1.5", "latency", "latency=fast", "500=3"] {
      #expect(throws: FaultRule.ParseError.self) { try FaultRule.parse(bad) }
    }
    #expect(try FaultRule.parse("").isEmpty)
  }

  @Test func rateLimitedWithRetryHeaders() {
    let harness = SimulatorHarness(faults: [
      FaultRule(
        kind: .status(429), path: "/v1/organizations/api_keys", retryAfterMilliseconds: 1500)
    ])
    let reply = harness.get("api_keys")
    #expect(reply.status == 429 && reply.errorType == "rate_limit_error")
    #expect(reply.header("retry-after") == "2" && reply.header("retry-after-ms") == "1500")
    #expect(reply.header("x-should-retry") == nil)
    #expect(reply.json["request_id"].string == reply.header("request-id"))
    #expect(harness.get("users").status == 200)
  }

  @Test func serverErrorsAndOverload() {
    let harness = SimulatorHarness(faults: [
      FaultRule(kind: .status(529), path: "/v1/organizations/me"),
      FaultRule(kind: .status(500), path: "/v1/organizations/users"),
    ])
    #expect(harness.get("me").errorType == "overloaded_error")
    #expect(harness.get("users").status == 500 && harness.get("users").errorType == "api_error")
  }

  @Test func expiredCursorOnlyWithAPage() throws {
    let clean = SimulatorHarness()
    let next = try #require(clean.get("rate_limits", "limit=1").json["next_page"].string)
    let harness = SimulatorHarness(faults: [FaultRule(kind: .status(410))])
    #expect(harness.get("rate_limits", "limit=1").status == 200)
    let expired = harness.get("rate_limits", "limit=1&page=" + next)
    #expect(expired.status == 410 && expired.header("x-should-retry") == "false")
  }

  @Test func rateZeroNeverFiresAndRatesAreSeeded() {
    let never = SimulatorHarness(faults: [FaultRule(kind: .status(500), rate: 0)])
    #expect((0..<20).allSatisfy { _ in never.get("me").status == 200 })
    func statuses() -> [Int] {
      let harness = SimulatorHarness(faults: [FaultRule(kind: .status(500), rate: 0.5)])
      return (0..<40).map { _ in harness.get("me").status }
    }
    let first = statuses()
    #expect(first == statuses())
    #expect(first.contains(500) && first.contains(200))
  }

  @Test func deliveryFaultsAndLatency() {
    let harness = SimulatorHarness(faults: [
      FaultRule(kind: .truncate, path: "/v1/organizations/users"),
      FaultRule(kind: .malformed, path: "/v1/organizations/invites"),
      FaultRule(kind: .close, path: "/v1/organizations/workspaces"),
      FaultRule(kind: .latency(milliseconds: 250), path: "/v1/organizations/me"),
    ])
    #expect(harness.get("users").response.delivery == .truncated)
    #expect(harness.get("invites").response.delivery == .malformed)
    #expect(harness.get("workspaces").response.delivery == .closed)
    #expect(harness.get("me").response.delayMilliseconds == 250)
    #expect(harness.get("me").response.delivery == .normal)
  }
}
