import Dispatch
import Synchronization

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

/// Dispatch sources for stdin and the signals the dashboard handles, feeding one stream.
///
/// Why Dispatch: under an async `main` on Linux, libdispatch parks the main thread in
/// `sigsuspend` with an empty mask, so `sigwait` on a helper thread never sees the signals;
/// Dispatch signal sources do (and replace curses' own handlers, so create them AFTER
/// `newterm`). This type is nonisolated on purpose: closures created in main-actor code would
/// be inferred `@MainActor` and trap when Dispatch runs them on its own queue.
///
/// The stdin source suspends itself after each event until ``rearmInput()``: the consumer
/// drains the keys first, so the source never fires for bytes already being read.
package final class TerminalEventSources: Sendable {
  /// The signals that become ``RawTerminalEvent/signal(_:)``.
  package static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGTSTP, SIGCONT]

  private let input: InputWatcher
  private let signalSources: SignalSources
  /// The events, in arrival order; consumed by one loop on the main actor.
  package let events: AsyncStream<RawTerminalEvent>
  private let continuation: AsyncStream<RawTerminalEvent>.Continuation

  /// Starts watching stdin and the signals.
  package init() {
    let (events, continuation) = AsyncStream.makeStream(
      of: RawTerminalEvent.self, bufferingPolicy: .unbounded)
    self.events = events
    self.continuation = continuation
    let queue = DispatchQueue(label: "orgtop.terminal-events")
    signalSources = SignalSources(queue: queue) { continuation.yield(.signal($0)) }
    input = InputWatcher(queue: queue) { continuation.yield(.inputReady) }
  }

  /// Lets the stdin source fire again, once the consumer has drained what was readable.
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

/// The stdin read source, which suspends itself after each event until re-armed.
private final class InputWatcher: @unchecked Sendable {
  // @unchecked: `source` is only suspended/resumed/cancelled (thread-safe in Dispatch), and the
  // suspension state that must stay balanced is behind the mutex.
  private let source: any DispatchSourceRead
  private let suspended = Mutex(false)

  init(queue: DispatchQueue, onReady: @escaping @Sendable () -> Void) {
    source = DispatchSource.makeReadSource(fileDescriptor: STDIN_FILENO, queue: queue)
    source.setEventHandler { @Sendable [self] in
      suspended.withLock { isSuspended in
        isSuspended = true
        source.suspend()
      }
      onReady()
    }
    source.resume()
  }

  func rearm() {
    suspended.withLock { isSuspended in
      guard isSuspended else { return }
      isSuspended = false
      source.resume()
    }
  }

  func cancel() {
    source.cancel()
    // Dispatch traps when a suspended source is released: resume it after cancelling.
    rearm()
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
