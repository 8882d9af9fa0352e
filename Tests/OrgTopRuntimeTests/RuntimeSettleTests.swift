import Foundation
import OrgTopCore
import OrgTopRuntime
import OrgTopTestSupport
import Synchronization
import Testing

/// The headless runtime: one call runs the reducer and the data source until every resource
/// has settled, on a manual clock (no sleeps, no real time).
@Suite("Runtime: run until settled")
@MainActor
struct RuntimeSettleTests {
  @Test func loadsEveryResourceAndAgreesWithThePureReducer() async {
    let runtime = Runtime<_, _, Never>(
      source: FixtureDataSource(source: .analytics), clock: ManualClock(now: Fixtures.now),
      state: DashboardState(configuration: Fixtures.configuration))
    let settled = await runtime.settle(timeout: 60)
    runtime.stop()
    #expect(settled)
    #expect(DataSlot.allCases.allSatisfy { runtime.state.hasValue($0) })
    var harness = ReducerHarness()
    harness.loadFixture()
    #expect(runtime.state.costSummary == harness.state.costSummary)
    #expect(runtime.state.keyRows == harness.state.keyRows)
  }

  @Test func aRefusedKeySettlesAsBlockedWithoutRetrying() async {
    let source = FakeDataSource()
    source.startOutage(
      FetchFailure(kind: .unauthorized, status: 401, message: "rejected", remedy: "fix"))
    let (state, settled) = await Self.settle(source)
    #expect(settled)
    #expect(DataSlot.allCases.allSatisfy { state[status: $0].isBlocked })
    #expect(source.calls.count == DataSlot.allCases.count)
  }

  @Test func fetchesRunOnTheSourcesTaskExecutor() async {
    let executor = CountingTaskExecutor()
    let source = FakeDataSource(taskExecutor: executor)
    let (_, settled) = await Self.settle(source)
    #expect(settled)
    #expect(!source.calls.isEmpty)
    // Each fetch's task starts with a job on the executor, whatever else it runs there.
    #expect(executor.jobs >= source.calls.count)
  }

  /// Runs a runtime over `source` on the fixture configuration until it settles (at most
  /// 60 s on a manual clock), stops it, and returns its state and whether it settled.
  private static func settle(_ source: some OrgDataSource) async
    -> (state: DashboardState, settled: Bool)
  {
    let runtime = Runtime<_, _, Never>(
      source: source, clock: ManualClock(now: Fixtures.now),
      state: DashboardState(configuration: Fixtures.configuration))
    let settled = await runtime.settle(timeout: 60)
    runtime.stop()
    return (runtime.state, settled)
  }

  @Test func givesUpAtTheTimeoutOnTheClock() async {
    let clock = ManualClock(now: Fixtures.now)
    let runtime = Runtime<_, _, Never>(
      source: SilentDataSource(), clock: clock,
      state: DashboardState(configuration: Fixtures.configuration))
    let deadline = Fixtures.now.addingTimeInterval(30)
    let advancer = Task { @MainActor in
      // Wait until settle has started (its one timer is armed), then move the clock to the
      // deadline: every wake-up up to it comes due at once.
      while clock.pendingDeadlines.isEmpty { await Task.yield() }
      clock.advance(to: deadline)
    }
    let settled = await runtime.settle(timeout: 30)
    await advancer.value
    runtime.stop()
    #expect(!settled)
    #expect(runtime.state.organization.status.isInFlight)
    #expect(clock.now == deadline)
  }
}

/// A data source that never answers until cancelled (a server that accepts and hangs).
private struct SilentDataSource: OrgDataSource {
  var label: String { "silent" }

  private func hang<T>() async throws -> T {
    try await Task.sleep(for: .seconds(86_400))
    throw CancellationError()
  }

  func organization() async throws -> Organization { try await hang() }
  func apiKeys() async throws -> [APIKey] { try await hang() }
  func workspaces() async throws -> [Workspace] { try await hang() }
  func members() async throws -> [Member] { try await hang() }
  func invites() async throws -> [Invite] { try await hang() }
  func rateLimits() async throws -> [RateLimitGroup] { try await hang() }
  func spendLimits() async throws -> [SpendLimit] { try await hang() }
  func usage(_ query: ReportQuery) async throws -> UsageReport { try await hang() }
  func cost(_ query: ReportQuery) async throws -> CostReport { try await hang() }
  func workspaceMembers(workspaceID: String) async throws -> [WorkspaceMember] {
    try await hang()
  }
  func workspaceRateLimits(workspaceID: String) async throws -> [WorkspaceRateLimit] {
    try await hang()
  }
}

/// A task executor that counts the jobs it is given and runs them on a queue of its own.
private final class CountingTaskExecutor: TaskExecutor {
  private let count = Mutex(0)
  private let queue = DispatchQueue(label: "counting-executor")

  var jobs: Int { count.withLock { $0 } }

  func enqueue(_ job: consuming ExecutorJob) {
    count.withLock { $0 += 1 }
    let job = UnownedJob(job)
    let executor = asUnownedTaskExecutor()
    queue.async { job.runSynchronously(on: executor) }
  }
}
