import OrgTopTerminal
import Synchronization
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// ``InputWatcher`` reports a readable input once per arming, including a hang-up (the ssh
/// connection gone), and its thread ends when cancelled.
///
/// The time limits are generous on purpose: under the whole suite on two cores these tests wait
/// for a pool thread for most of their time (36 to 46 s in CI), not for the watcher.
@Suite struct InputWatcherTests {
  @Test("an unread key is reported again after each re-arm", .timeLimit(.minutes(5)))
  func unreadKeyIsReportedAgain() async throws {
    let input = try TestPipe()
    let (reports, continuation) = AsyncStream.makeStream(of: Void.self)
    let watcher = InputWatcher(fileDescriptor: input.readEnd) { continuation.yield() }
    var iterator = reports.makeAsyncIterator()
    input.type("k")
    for _ in 0..<3 {
      #expect(await iterator.next() != nil)
      // Nothing was read: poll still sees the key, and the watcher reports it when re-armed.
      watcher.rearm()
    }
    watcher.cancel()
    #expect(input.readWaiting() == "k")
  }

  @Test("a hang-up is reported, and cancelling afterwards is safe", .timeLimit(.minutes(5)))
  func hangUpIsReported() async throws {
    // The libdispatch read source this replaced could crash on exactly this: a hang-up on the
    // watched descriptor racing the source's teardown. Many rounds, each a fresh watcher.
    for _ in 0..<50 {
      let input = try TestPipe()
      let reports = Atomic(0)
      let (ready, continuation) = AsyncStream.makeStream(of: Void.self)
      let watcher = InputWatcher(fileDescriptor: input.readEnd) {
        reports.add(1, ordering: .relaxed)
        continuation.yield()
      }
      input.closeWriteEnd()
      var iterator = ready.makeAsyncIterator()
      #expect(await iterator.next() != nil)
      watcher.cancel()
      #expect(reports.load(ordering: .relaxed) >= 1)
    }
  }
}
