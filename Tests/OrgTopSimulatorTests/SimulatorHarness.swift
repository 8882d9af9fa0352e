import Foundation
import OrgTopSimulator
import Synchronization

/// A clock the test moves by hand.
final class ManualClock: Sendable {
  private let current: Mutex<Date>

  init(_ date: Date) {
    current = Mutex(date)
  }

  var now: Date { current.withLock { $0 } }

  func advance(by seconds: TimeInterval) {
    current.withLock { $0 += seconds }
  }
}

/// One engine answer, parsed.
struct Reply {
  var status: Int
  var json: JSONNode
  var response: SimResponse

  func header(_ name: String) -> String? { response.header(name) }
  var errorType: String? { json["error"]["type"].string }
  var message: String { json["error"]["message"].string ?? "" }
}

/// Drives a ``SimulatorEngine`` in-process with the headers a real client sends.
struct SimulatorHarness {
  /// 2026-11-20T10:12:34Z: a fixed "now" for every test.
  static let fixedNow = Date(timeIntervalSince1970: 1_795_169_554)
  static let analyticsBeta = "analytics-usage-cost-2026-08-24"
  static let spendBeta = "spend-limit-reads-2026-09-26"

  let engine: SimulatorEngine
  let clock: ManualClock

  init(
    seed: UInt64 = 7, keyCount: Int = 40, frozen: Bool = false,
    analytics: SimulatorConfiguration.Analytics = .available,
    spendLimits: SimulatorConfiguration.SpendLimits = .readable, faults: [FaultRule] = []
  ) {
    let clock = ManualClock(Self.fixedNow)
    self.clock = clock
    engine = SimulatorEngine(
      configuration: SimulatorConfiguration(
        seed: seed, keyCount: keyCount, frozen: frozen, analytics: analytics,
        spendLimits: spendLimits, faults: faults, clock: { clock.now }))
  }

  func send(
    _ method: String = "GET", _ path: String, _ query: String = "", beta: String? = nil,
    headers: [String: String]? = nil, body: String = ""
  ) -> Reply {
    var allHeaders = headers ?? ["x-api-key": engine.adminKey, "anthropic-version": "2026-10-21"]
    if let beta { allHeaders["anthropic-beta"] = beta }
    let response = engine.handle(
      SimRequest(
        method: method, path: path, query: query, headers: allHeaders, body: Array(body.utf8)))
    let json = (try? JSONNode.parse(response.body)) ?? .string("<unparseable>")
    return Reply(status: response.status, json: json, response: response)
  }

  func get(_ path: String, _ query: String = "", beta: String? = nil) -> Reply {
    send("GET", "/v1/organizations/" + path, query, beta: beta)
  }

  func analytics(_ kind: String, _ query: String) -> Reply {
    get("analytics/" + kind, query, beta: Self.analyticsBeta)
  }

  /// Walks every page of an ID-cursor list and returns the objects in order.
  func walkIDPages(_ path: String, _ query: String, limit: Int) -> [JSONNode] {
    var items: [JSONNode] = []
    var cursor = ""
    for _ in 0..<10_000 {
      let reply = get(path, query + "&limit=\(limit)" + cursor)
      guard reply.status == 200 else { return items + [.string("HTTP \(reply.status)")] }
      items += reply.json["data"].array
      guard reply.json["has_more"].bool == true, let last = reply.json["last_id"].string else {
        break
      }
      cursor = "&after_id=" + last
    }
    return items
  }

  /// Walks every page of an opaque- or report-cursor endpoint and returns the data in order.
  func walkCursorPages(_ path: String, _ query: String, beta: String? = nil) -> [JSONNode] {
    var items: [JSONNode] = []
    var page = ""
    for _ in 0..<10_000 {
      let reply = get(path, query + page, beta: beta)
      guard reply.status == 200 else { return items + [.string("HTTP \(reply.status)")] }
      items += reply.json["data"].array
      guard let next = reply.json["next_page"].string else { break }
      page = "&page=" + next
    }
    return items
  }
}
