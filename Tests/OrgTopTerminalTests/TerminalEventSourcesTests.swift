import OrgTopTerminal
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite("Terminal event sources")
struct TerminalEventSourcesTests {
  @Test(
    "a signal reaches the event stream through its Dispatch source", .timeLimit(.minutes(5)))
  func signalDelivered() async throws {
    // A pipe of the test's own as the input, never written: the runner's standard input may
    // be anything (a file, /dev/null, a pipe that hangs up) and is none of this test's business.
    let input = try TestPipe()
    let sources = TerminalEventSources(input: input.readEnd)
    // Dispatch registers the source asynchronously, so a single early signal could be lost:
    // keep raising until one arrives. SIGWINCH is harmless (its default action is to ignore).
    let raiser = Task.detached {
      while !Task.isCancelled {
        kill(getpid(), SIGWINCH)
        try? await Task.sleep(for: .milliseconds(5))
      }
    }
    var received: [RawTerminalEvent] = []
    for await event in sources.events {
      received.append(event)
      break
    }
    raiser.cancel()
    await raiser.value
    sources.cancel()
    #expect(received == [.signal(SIGWINCH)])
  }

  @Test("a key is reported, and after the re-arm the next one is", .timeLimit(.minutes(5)))
  func inputReported() async throws {
    let input = try TestPipe()
    let sources = TerminalEventSources(input: input.readEnd)
    // The other test's SIGWINCH reaches every source in the process: look past signals.
    var events = sources.events.filter { $0 == .inputReady }.makeAsyncIterator()
    input.type("q")
    #expect(await events.next() == .inputReady)
    // The consumer drains the key and re-arms; the next key is reported again.
    #expect(input.readWaiting() == "q")
    sources.rearmInput()
    input.type("r")
    #expect(await events.next() == .inputReady)
    #expect(input.readWaiting() == "r")
    sources.cancel()
    #expect(await events.next() == nil)
  }

  @Test("the watched signals are the ones the dashboard handles, and only those")
  func watchedSignals() {
    #expect(
      Set(TerminalEventSources.signals) == [SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGTSTP, SIGCONT])
  }
}
