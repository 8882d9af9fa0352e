import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the process-level event sources report, before the backend interprets it.
package enum RawTerminalEvent: Hashable, Sendable {
  /// Standard input is readable (keys, or end of file).
  case inputReady
  /// A signal arrived: SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGTSTP or SIGCONT.
  case signal(Int32)
}

/// The terminal's input (an ``InputWatcher``) and Dispatch sources for the signals the
/// dashboard handles, feeding one stream.
///
/// Why Dispatch: under an async `main` on Linux, libdispatch parks the main thread in
/// `sigsuspend` with an empty mask, so `sigwait` on a helper thread never sees the signals;
/// Dispatch signal sources do (and replace curses' own handlers, so create them AFTER
/// `newterm`). This type is nonisolated on purpose: closures created in main-actor code would
/// be inferred `@MainActor` and trap when Dispatch runs them on its own queue.
///
/// The input watcher reports once and then waits for ``rearmInput()``: the consumer drains the
/// keys first, so it never reports bytes already being read.
package final class TerminalEventSources: Sendable {
  /// The signals that become ``RawTerminalEvent/signal(_:)``.
  package static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGTSTP, SIGCONT]

  private let input: InputWatcher
  private let signalSources: SignalSources
  /// The events, in arrival order; consumed by one loop on the main actor.
  package let events: AsyncStream<RawTerminalEvent>
  private let continuation: AsyncStream<RawTerminalEvent>.Continuation

  /// Starts watching `input` (standard input unless a test gives its own) and the signals.
  package init(input fileDescriptor: Int32 = STDIN_FILENO) {
    let (events, continuation) = AsyncStream.makeStream(
      of: RawTerminalEvent.self, bufferingPolicy: .unbounded)
    self.events = events
    self.continuation = continuation
    let queue = DispatchQueue(label: "orgtop.terminal-events")
    signalSources = SignalSources(queue: queue) { continuation.yield(.signal($0)) }
    input = InputWatcher(fileDescriptor: fileDescriptor) { continuation.yield(.inputReady) }
  }

  /// Lets the input watcher report again, once the consumer has drained what was readable.
  package func rearmInput() {
    input.rearm()
  }

  /// Stops every source and ends the stream.
  package func cancel() {
    input.cancel()
    signalSources.cancel()
    continuation.finish()
  }
}

/// Dispatch signal sources for ``TerminalEventSources/signals``.
private final class SignalSources: @unchecked Sendable {
  // @unchecked: the sources are created in init and afterwards only cancelled (thread-safe).
  private let sources: [any DispatchSourceSignal]

  init(queue: DispatchQueue, onSignal: @escaping @Sendable (Int32) -> Void) {
    sources = TerminalEventSources.signals.map { signal in
      let source = DispatchSource.makeSignalSource(signal: signal, queue: queue)
      source.setEventHandler { @Sendable in onSignal(signal) }
      source.resume()
      return source
    }
  }

  func cancel() {
    for source in sources { source.cancel() }
  }
}
