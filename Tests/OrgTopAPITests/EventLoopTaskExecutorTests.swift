import AsyncHTTPClient
import OrgTopAPI
import OrgTopCore
import Testing

/// A live source's fetches prefer one loop of its HTTP client's group: what runs with that
/// preference must run on that loop, before and after a suspension.
@Suite("Event loop task executor")
struct EventLoopTaskExecutorTests {
  @Test("work preferring the client's executor runs on its loop, also after a suspension")
  func runsOnTheLoop() async throws {
    let http = AdminClient.makeHTTPClient()
    let client = AdminClient(
      key: try #require(AdminKey("sk-ant-admin01-test-key-000000")), httpClient: http)
    let source = LiveDataSource(client: client)
    let executor = try #require(source.taskExecutor)
    let loop = client.taskExecutor.loop
    let (before, after) = await withTaskExecutorPreference(executor) {
      let before = loop.inEventLoop
      await Task.yield()
      return (before, loop.inEventLoop)
    }
    #expect(before && after)
    // Without the preference the same work runs on Swift's pool, off the loop.
    #expect(!loop.inEventLoop)
    try await http.shutdown()
  }
}
