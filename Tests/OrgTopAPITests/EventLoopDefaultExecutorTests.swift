import NIOCore
import NIOPosix
import OrgTopAPI
import Testing

/// Swift's default executor moved onto NIO's loops (installed by `orgtop`'s `main`, so these
/// tests use it as a preference instead): jobs run on the group's loops, and the delays of
/// `Task.sleep` become NIO time amounts exactly.
@Suite("Event loop default executor")
struct EventLoopDefaultExecutorTests {
  @Test("work on the executor runs on the group's loops, also after a suspension")
  func runsOnTheGroupsLoops() async throws {
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
    let loops = Array(group.makeIterator())
    let executor = EventLoopDefaultExecutor(group: group)
    let (before, after) = await withTaskExecutorPreference(executor) {
      let before = loops.contains { $0.inEventLoop }
      await Task.yield()
      return (before, loops.contains { $0.inEventLoop })
    }
    #expect(before && after)
    #expect(!loops.contains { $0.inEventLoop })
    try await group.shutdownGracefully()
  }

  #if os(Linux) && compiler(>=6.3) && compiler(<6.4)
    @Test(
      "a delay becomes whole nanoseconds, none below zero, the longest NIO has past its range",
      arguments: [
        (Duration.seconds(1.5), 1_500_000_000),
        (.nanoseconds(7), 7),
        (Duration(secondsComponent: 2, attosecondsComponent: 999_999_999), 2_000_000_000),
        (.milliseconds(-3), 0),
        (.seconds(-9_300_000_000), 0),
        (.seconds(9_300_000_000), .max),
      ] as [(Duration, Int64)])
    func delays(_ duration: Duration, nanoseconds: Int64) {
      #expect(EventLoopDefaultExecutor.timeAmount(duration) == .nanoseconds(nanoseconds))
    }
  #endif
}
