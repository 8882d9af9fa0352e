import NIOCore
import NIOPosix

#if os(Linux) && compiler(>=6.3) && compiler(<6.4)
  @_spi(ExperimentalCustomExecutors) @_spi(ExperimentalScheduling) import _Concurrency
#endif

/// Swift's default executor (the global pool, and the timers behind `Task.sleep`) on the loops
/// of NIO's singleton group, the threads the HTTP client and the simulator already run on,
/// instead of Dispatch's pool.
///
/// Why: on Linux, the first job a process gives Dispatch's global pool, or its first
/// `Task.sleep` (libdispatch fires that timer onto the pool), starts a pool worker, and with it
/// libdispatch's workqueue monitor: a 1 Hz timer on its manager thread for the rest of the
/// process's life (`_dispatch_workq_init_once`). On a screen idle for weeks that wake was a
/// sixth of the process's CPU: 40 against 34 ms a minute in the demo (ARCHITECTURE.md, "What
/// an idle second costs"). NIO's
/// `NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()`
/// moves the pool but not the sleeps, and finds its hook with `dlsym`, which finds nothing in
/// the release binary (the Swift runtime is linked in statically, its symbols hidden).
///
/// ``install()`` uses the Swift 6.3 runtime's executor factory, an experimental SPI, so it
/// acts on the toolchain it was measured on only. Elsewhere the default executor stays the
/// platform's: Darwin's pool has no such monitor, and a later toolchain waits to be checked.
///
/// The price: a job that blocks its thread holds up that loop's connections as well. Nothing
/// orgtop runs on Swift's pool blocks: files are read before the dashboard starts, commands
/// are awaited, never waited for.
package final class EventLoopDefaultExecutor: TaskExecutor {
  private let group: MultiThreadedEventLoopGroup

  /// An executor over `group`'s loops.
  package init(group: MultiThreadedEventLoopGroup = .singleton) {
    self.group = group
  }

  /// Makes an executor over NIO's singleton group Swift's default executor for the rest of the
  /// process, where the toolchain allows it (above); elsewhere does nothing. Call it first
  /// thing in `main`, before any task starts.
  package static func install() {
    #if os(Linux) && compiler(>=6.3) && compiler(<6.4)
      _createExecutors(factory: Factory.self)
    #endif
  }

  package func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    let executor = asUnownedTaskExecutor()
    // `any()` keeps a job enqueued from one of the group's loops on that loop.
    group.any().execute { job.runSynchronously(on: executor) }
  }
}

#if os(Linux) && compiler(>=6.3) && compiler(<6.4)
  extension EventLoopDefaultExecutor: SchedulingExecutor {
    package func enqueue<C: Clock>(
      _ job: consuming ExecutorJob, after delay: C.Duration, tolerance: C.Duration?, clock: C
    ) {
      // `Task.sleep` and the continuous and suspending clocks count in `Duration`; any other
      // clock's delay goes to the platform's executor (Dispatch's, a scheduling executor on
      // Linux), which knows how to wait for it.
      guard let duration = delay as? Duration else {
        guard let platform = PlatformExecutorFactory.defaultExecutor as? any SchedulingExecutor
        else { preconditionFailure("the platform's default executor cannot wait for \(C.self)") }
        return platform.enqueue(job, after: delay, tolerance: tolerance, clock: clock)
      }
      let job = UnownedJob(job)
      let executor = asUnownedTaskExecutor()
      group.any().scheduleTask(in: Self.timeAmount(duration)) {
        job.runSynchronously(on: executor)
      }
    }

    /// `duration` in whole nanoseconds, none below zero; past NIO's range (292 years), its end.
    package static func timeAmount(_ duration: Duration) -> TimeAmount {
      let (seconds, attoseconds) = duration.components
      let (nanoseconds, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
      if overflow { return .nanoseconds(seconds < 0 ? 0 : .max) }
      let (total, overflowTotal) = nanoseconds.addingReportingOverflow(
        attoseconds / 1_000_000_000)
      if overflowTotal { return .nanoseconds(.max) }
      return .nanoseconds(max(0, total))
    }
  }

  /// What ``EventLoopDefaultExecutor/install()`` hands the runtime: the main executor stays the
  /// one in use (the main queue, where the dashboard's main actor lives).
  private enum Factory: ExecutorFactory {
    static let defaultExecutor: any TaskExecutor = EventLoopDefaultExecutor()
    static var mainExecutor: any MainExecutor { MainActor.executor }
  }
#endif
