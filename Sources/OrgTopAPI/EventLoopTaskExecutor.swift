import NIOCore

/// A task executor that runs its jobs on one NIO event loop: the loop of the HTTP client's
/// group that a data source's fetches prefer (``LiveDataSource/taskExecutor``), so a fetch's
/// continuations, its JSON decoding and its next request run on a thread that its response
/// woke anyway, instead of waking a thread of Swift's global pool.
///
/// Why: on Linux the global pool is Dispatch's, which lets an idle worker go after a few
/// seconds, so a refresh once a minute started new threads every time (two to three in the
/// demo, each with its stack to fault in): 48 against 45 ms of CPU a minute for the idle
/// demo, side by side over 600 s. The cost is that a long decode (a page of a large key list)
/// holds the loop's other connections back for its duration; orgtop's requests are few and
/// mostly in sequence. Nothing on this path may block the loop (no `EventLoopFuture.wait()`).
/// Where `orgtop` moves Swift's default executor onto NIO's loops as well
/// (``EventLoopDefaultExecutor``), this still keeps a refresh on the one loop its responses
/// arrive on, rather than on whichever loop the group picks next.
package final class EventLoopTaskExecutor: TaskExecutor {
  /// The loop the jobs run on.
  package let loop: any EventLoop

  /// An executor running jobs on `loop`.
  package init(_ loop: any EventLoop) {
    self.loop = loop
  }

  package func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    let executor = asUnownedTaskExecutor()
    loop.execute { job.runSynchronously(on: executor) }
  }
}
