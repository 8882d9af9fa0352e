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
    "a signal reaches the event stream through its Dispatch source", .timeLimit(.minutes(1)))
  func signalDelivered() async {
    let sources = TerminalEventSources()
    // Dispatch registers the source asynchronously, so a single early signal could be lost:
    // keep raising until one arrives. SIGWINCH is harmless (its default action is to ignore).
    let raiser = Task.detached {
      while !Task.isCancelled {
        kill(getpid(), SIGWINCH)
        try? await Task.sleep(for: .milliseconds(5))
      }
    }
    var received: RawTerminalEvent?
    for await event in sources.events {
      // stdin under a test runner may be readable (a file, /dev/null): skip that event.
      if case .signal = event {
        received = event
        break
      }
      sources.rearmInput()
    }
    raiser.cancel()
    sources.cancel()
    #expect(received == .signal(SIGWINCH))
  }

  @Test("the watched signals are the ones the dashboard handles, and only those")
  func watchedSignals() {
    #expect(
      Set(TerminalEventSources.signals) == [SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGTSTP, SIGCONT])
  }
}
