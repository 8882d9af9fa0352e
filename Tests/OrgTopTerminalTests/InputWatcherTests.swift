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
@Suite struct InputWatcherTests {
  @Test("an unread key is reported again after each re-arm", .timeLimit(.minutes(1)))
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

  @Test("a hang-up is reported, and cancelling afterwards is safe", .timeLimit(.minutes(1)))
  func hangUpIsReported() async throws {
    // The libdispatch read source this replaced could crash on exactly this: a hang-up on the
    // watched descriptor racing the source's teardown. Many rounds, each a fresh watcher.
    for _ in 0..<200 {
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
