import AsyncHTTPClient
import Foundation
import OrgTopCore
import OrgTopRuntime
import OrgTopSimulator
import Testing

@testable import OrgTopAPI

/// The one write, `POST /api_keys/{id}`, through the live data source against the simulator:
/// sent once, its answer returned, its failures phrased with a remedy, every step logged with
/// the admin key masked, and refused before the network by a read-only client (the
/// simulator's request log is the witness).
@Suite struct KeyUpdateTests {
  private static let now = utc("2026-11-20T10:30:00")

  private struct Setup {
    var source: LiveDataSource
    var simulator: RunningSimulator
    var log: CapturedLog
  }

  private func withSimulator<T>(
    isolation: isolated (any _Concurrency.Actor)? = #isolation, readOnly: Bool = false,
    faults: [FaultRule] = [], _ body: (Setup) async throws -> T
  ) async throws -> T {
    let simulator = try await SimulatorServer.start(
      SimulatorConfiguration(
        seed: 7, keyCount: 30, frozen: true, faults: faults, adminKey: testSecret,
        clock: { Self.now }))
    let log = CapturedLog()
    var settings = AdminClient.Configuration()
    settings.sleeper = RecordingSleeper()
    settings.retry = RetryPolicy(jitter: { 1 })
    settings.now = { Self.now }
    settings.logger = log.logger
    settings.isReadOnly = readOnly
    let http = AdminClient.makeHTTPClient(configuration: settings)
    let client = AdminClient(
      key: try #require(AdminKey(testSecret)),
      baseURL: try AdminBaseURL(validating: simulator.baseURL.absoluteString), httpClient: http,
      configuration: settings)
    do {
      let result = try await body(
        Setup(source: LiveDataSource(client: client), simulator: simulator, log: log))
      try await http.shutdown()
      await simulator.stop()
      return result
    } catch {
      try? await http.shutdown()
      await simulator.stop()
      throw error
    }
  }

  private func key(_ status: APIKeyStatus, in setup: Setup) async throws -> APIKey {
    try #require(try await setup.source.apiKeys().first { $0.status == status })
  }

  private func posts(_ setup: Setup) async -> [RequestLogEntry] {
    await setup.simulator.requestLog.filter { $0.method != "GET" }
  }

  private func failure(_ body: () async throws -> APIKey) async -> FetchFailure? {
    do {
      _ = try await body()
      return nil
    } catch {
      return error as? FetchFailure
    }
  }

  @Test func deactivateIsOnePostAndReturnsTheAPIAnswer() async throws {
    try await withSimulator { setup in
      let key = try await key(.active, in: setup)
      let update = KeyUpdate(key: key, action: .deactivate)
      let answered = try await setup.source.updateAPIKey(update)
      #expect(answered.id == key.id && answered.status == .inactive && answered.name == key.name)
      let posts = await posts(setup)
      #expect(posts.map(\.path) == ["/v1/organizations/api_keys/\(key.id)"])
      #expect(posts.map(\.status) == [200])
      #expect(try await setup.source.apiKeys().first { $0.id == key.id }?.status == .inactive)
    }
  }

  @Test func renameSendsTheNewName() async throws {
    try await withSimulator { setup in
      let key = try await key(.active, in: setup)
      let answered = try await setup.source.updateAPIKey(
        KeyUpdate(key: key, action: .rename, newName: "renamed ✨"))
      #expect(answered.name == "renamed ✨" && answered.status == .active)
    }
  }

  @Test func everyStepIsLoggedWithTheAdminKeyMasked() async throws {
    try await withSimulator(faults: [
      FaultRule(kind: .status(403), path: "/v1/organizations/api_keys/*")
    ]) { setup in
      let key = try await key(.active, in: setup)
      _ = await failure {
        try await setup.source.updateAPIKey(KeyUpdate(key: key, action: .deactivate))
      }
      let lines = setup.log.all.filter { $0.contains("key action") }
      let masked = try #require(AdminKey(testSecret)).masked
      #expect(masked == "sk-ant-admin01-…WXYZ")
      #expect(lines.count == 2, "\(lines)")
      #expect(
        lines[0].hasPrefix("notice key action requested: deactivate key \(key.id) \"\(key.name)\""))
      #expect(lines[1].hasPrefix("error key action failed: deactivate key \(key.id)"))
      #expect(lines.allSatisfy { $0.contains("admin key \(masked)") })
      #expect(lines[1].contains("lacks permission to change keys"))
      #expect(setup.log.all.allSatisfy { !$0.contains("TESTSECRET") })
    }
    try await withSimulator { setup in
      let key = try await key(.inactive, in: setup)
      _ = try await setup.source.updateAPIKey(KeyUpdate(key: key, action: .activate))
      let lines = setup.log.all.filter { $0.contains("key action") }
      #expect(lines.count == 2)
      #expect(lines[1].hasPrefix("notice key action succeeded: activate key \(key.id)"))
      #expect(lines[1].hasSuffix("now \"\(key.name)\", active"))
      #expect(setup.log.all.allSatisfy { !$0.contains("TESTSECRET") })
    }
  }

  @Test func a403SaysTheAdminKeyLacksThePermissionAndIsNotRetried() async throws {
    try await withSimulator(faults: [
      FaultRule(kind: .status(403), path: "/v1/organizations/api_keys/*")
    ]) { setup in
      let key = try await key(.active, in: setup)
      let refused = try #require(
        await failure {
          try await setup.source.updateAPIKey(KeyUpdate(key: key, action: .deactivate))
        })
      #expect(refused.kind == .forbidden && refused.status == 403)
      #expect(refused.remedy.hasPrefix("The admin key lacks permission to change keys"))
      #expect(await posts(setup).count == 1)
      #expect(try await setup.source.apiKeys().first { $0.id == key.id }?.status == .active)
    }
  }

  @Test func aServerErrorIsNotRetried() async throws {
    try await withSimulator(faults: [
      FaultRule(kind: .status(500), path: "/v1/organizations/api_keys/*")
    ]) { setup in
      let key = try await key(.active, in: setup)
      let refused = try #require(
        await failure {
          try await setup.source.updateAPIKey(KeyUpdate(key: key, action: .deactivate))
        })
      #expect(refused.kind == .serverError)
      // A GET would have been tried three times; the write goes once.
      #expect(await posts(setup).count == 1)
    }
  }

  @Test func anArchivedKeyCannotBeReactivatedAndTheAPIMessageIsShown() async throws {
    try await withSimulator { setup in
      let key = try await key(.active, in: setup)
      _ = try await setup.source.updateAPIKey(KeyUpdate(key: key, action: .archive))
      let refused = try #require(
        await failure {
          try await setup.source.updateAPIKey(KeyUpdate(key: key, action: .activate))
        })
      #expect(refused.status == 400)
      #expect(refused.message.contains("Cannot change the status of an archived API key"))
      #expect(refused.remedy.contains("archived and expired keys cannot change status"))
    }
  }

  @Test func theKeyLimitHasItsOwnRemedy() {
    let limit = AdminClientError.api(
      APIError(
        status: 400, type: .invalidRequest, message: "Organization API key limit exceeded",
        errorCode: "org_api_key_limit_exceeded"))
    let failure = limit.keyUpdateFailure(host: "api.anthropic.com")
    #expect(failure.message == "Request refused (400): Organization API key limit exceeded")
    #expect(
      failure.remedy
        == "The organization is at its limit of active keys: deactivate or archive another key first"
    )
    let workspace = AdminClientError.api(
      APIError(
        status: 400, type: .invalidRequest, message: "",
        errorCode: "workspace_api_key_limit_exceeded"))
    #expect(workspace.keyUpdateFailure(host: "h").remedy.hasPrefix("The workspace is at its limit"))
    let lost = AdminClientError.network(.refused)
    #expect(
      lost.keyUpdateFailure(host: "h").remedy.hasPrefix("The change may or may not have been made"))
  }

  @Test func aReadOnlyClientRefusesAPostBeforeTheNetwork() async throws {
    try await withSimulator(readOnly: true) { setup in
      let key = try await key(.active, in: setup)
      for action in KeyAction.allCases {
        let refused = try #require(
          await failure {
            try await setup.source.updateAPIKey(KeyUpdate(key: key, action: action, newName: "x"))
          })
        #expect(refused == .readOnly)
      }
      // Only the list was read; nothing else reached the simulator.
      let log = await setup.simulator.requestLog
      #expect(!log.isEmpty)
      #expect(log.allSatisfy { $0.method == "GET" }, "\(log)")
      #expect(try await setup.source.apiKeys().first { $0.id == key.id } == key)
    }
  }

  /// Every action key, with every confirmation, on every kind of key, from the list and from the
  /// detail, in a read-only runtime over the simulator: the request log holds only GETs. Run
  /// twice: a read-only dashboard over a read-only client (as `--read-only` wires it), and a
  /// read-only dashboard over a client that could write (the reducer and the runtime alone
  /// must keep it from writing).
  @Test(arguments: [true, false])
  @MainActor
  func aReadOnlyDashboardNeverWrites(clientReadOnly: Bool) async throws {
    try await withSimulator(readOnly: clientReadOnly) { setup in
      var configuration = DashboardConfiguration(
        mode: .demo, sourceLabel: "simulator", isReadOnly: true, showsClock: false)
      configuration.refreshInterval = 600
      let runtime = Runtime<LiveDataSource, SystemWallClock, Never>(
        source: setup.source, clock: SystemWallClock(),
        state: DashboardState(configuration: configuration))
      #expect(await runtime.settle(timeout: 60))
      let rows = runtime.deriver.keyRows(of: runtime.state).rows.count
      #expect(rows == 30)
      let press = { (key: KeyPress) in runtime.apply(.keyPressed(key, at: runtime.clock.now)) }
      var writesAsked = 0
      for _ in 0..<rows {
        for fromDetail in [false, true] {
          if fromDetail { press(.enter) }
          for action in ["n", "d", "a", "A"] {
            press(.character(Character(action)))
            // No confirmation opens, so nothing can be typed into one; `y` confirms nothing.
            if case .keyAction = runtime.state.overlay { writesAsked += 1 }
            press(.character("y"))
            if runtime.state.keyWrite.inFlight != nil { writesAsked += 1 }
          }
          if fromDetail { press(.escape) }
        }
        press(.down)
      }
      #expect(writesAsked == 0)
      press(.character("d"))
      #expect(runtime.state.keyWrite.outcome?.text == DashboardReducer.readOnlyRefusal)
      // Had anything been sent, its answer is waited for before the log is read.
      while runtime.state.keyWrite.inFlight != nil {
        for event in await runtime.next() { _ = runtime.process(event) }
      }
      runtime.stop()
      let log = await setup.simulator.requestLog
      #expect(!log.isEmpty)
      #expect(log.allSatisfy { $0.method == "GET" }, "\(log.filter { $0.method != "GET" })")
    }
  }

  /// A dashboard that may write, over a read-only client: the reducer sends the write, the
  /// client refuses it before the network, and the screen says why.
  @Test @MainActor func aReadOnlyClientStopsAWriteTheDashboardAsksFor() async throws {
    try await withSimulator(readOnly: true) { setup in
      let configuration = DashboardConfiguration(
        mode: .demo, sourceLabel: "simulator", refreshInterval: 600, showsClock: false)
      let runtime = Runtime<LiveDataSource, SystemWallClock, Never>(
        source: setup.source, clock: SystemWallClock(),
        state: DashboardState(configuration: configuration))
      #expect(await runtime.settle(timeout: 60))
      while runtime.deriver.keyRows(of: runtime.state).selected(in: runtime.state.keyList)?.key
        .status != .active
      {
        runtime.apply(.keyPressed(.down, at: runtime.clock.now))
      }
      runtime.apply(.keyPressed(.character("d"), at: runtime.clock.now))
      runtime.apply(.keyPressed(.character("y"), at: runtime.clock.now))
      #expect(runtime.state.keyWrite.inFlight != nil)
      while runtime.state.keyWrite.inFlight != nil {
        for event in await runtime.next() { _ = runtime.process(event) }
      }
      runtime.stop()
      guard case .keyAction(let prompt) = runtime.state.overlay else {
        Issue.record("the prompt closed")
        return
      }
      #expect(prompt.phase == .failed(.readOnly))
      #expect(await posts(setup).isEmpty)
    }
  }

  /// The same dashboard over a client that can write: the key is deactivated on the simulator
  /// and in the list, from the API's answer.
  @Test @MainActor func aWritableDashboardDeactivatesAKey() async throws {
    try await withSimulator { setup in
      let configuration = DashboardConfiguration(
        mode: .demo, sourceLabel: "simulator", refreshInterval: 600, showsClock: false)
      let runtime = Runtime<LiveDataSource, SystemWallClock, Never>(
        source: setup.source, clock: SystemWallClock(),
        state: DashboardState(configuration: configuration))
      #expect(await runtime.settle(timeout: 60))
      while runtime.deriver.keyRows(of: runtime.state).selected(in: runtime.state.keyList)?.key
        .status != .active
      {
        runtime.apply(.keyPressed(.down, at: runtime.clock.now))
      }
      let id = try #require(
        runtime.deriver.keyRows(of: runtime.state).selected(in: runtime.state.keyList)?.key.id)
      runtime.apply(.keyPressed(.character("d"), at: runtime.clock.now))
      runtime.apply(.keyPressed(.character("y"), at: runtime.clock.now))
      while runtime.state.keyWrite.inFlight != nil {
        for event in await runtime.next() { _ = runtime.process(event) }
      }
      runtime.stop()
      #expect(runtime.state.apiKeys.value?.first { $0.id == id }?.status == .inactive)
      #expect(runtime.state.overlay == nil)
      #expect(await posts(setup).map(\.status) == [200])
    }
  }
}
