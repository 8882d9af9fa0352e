import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Watches a file descriptor (the terminal's input) on a thread of its own, blocked in `poll`:
/// it reports once when the descriptor is readable (keys, end of file, or a hang-up), then
/// waits, without watching, until ``rearm()`` says the consumer has drained it.
///
/// Why not a Dispatch read source: on Linux, libdispatch's epoll loop can free the descriptor's
/// bookkeeping while it is still handling a hang-up on it (swift-corelibs-libdispatch #949, a
/// use-after-free in the manager thread), which crashed the test run once when its standard
/// input hung up, and would crash the dashboard just as an ssh connection drops. `poll` on one
/// descriptor has no such state, costs no CPU while it waits, and is the same on Darwin.
///
/// The thread and the watcher talk through a pipe: ``rearm()`` writes a byte to it, and
/// ``cancel()`` closes its write end, which the thread sees as a hang-up and ends.
package final class InputWatcher: Sendable {
  /// The pipe's write end; `nil` once cancelled, so no byte goes to a reused descriptor.
  private let control: Mutex<Int32?>

  /// Starts watching `fileDescriptor`; `onReady` runs on the watcher's thread each time it is
  /// readable while armed (it starts armed).
  package init(fileDescriptor: Int32, onReady: @escaping @Sendable () -> Void) {
    var ends: [Int32] = [-1, -1]
    guard pipe(&ends) == 0 else {
      // No descriptor left for the pipe, so no way to stop a thread: watch nothing (keys are
      // lost, signals still arrive). Only a process at its descriptor limit gets here.
      control = Mutex(nil)
      return
    }
    _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
    _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
    // Never block the consumer: a full pipe already holds a re-arm.
    _ = fcntl(ends[1], F_SETFL, fcntl(ends[1], F_GETFL) | O_NONBLOCK)
    control = Mutex(ends[1])
    let commands = ends[0]
    Thread.detachNewThread {
      Self.watch(fileDescriptor, commands: commands, onReady: onReady)
      close(commands)
    }
  }

  /// Lets the watcher report the descriptor again.
  package func rearm() {
    control.withLock { end in
      guard let end else { return }
      var byte: UInt8 = 1
      _ = write(end, &byte, 1)
    }
  }

  /// Ends the watcher's thread at its next wake-up, which this causes at once.
  package func cancel() {
    control.withLock { end in
      if let end { close(end) }
      end = nil
    }
  }

  deinit { cancel() }

  /// The thread's loop: armed, wait for the descriptor or a command; disarmed, for a command.
  private static func watch(
    _ fileDescriptor: Int32, commands: Int32, onReady: @Sendable () -> Void
  ) {
    // Signals belong to Dispatch's signal sources, not to this thread; a fault of its own
    // still reaches the crash handler.
    var blocked = sigset_t()
    sigfillset(&blocked)
    for fault in [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP] { sigdelset(&blocked, fault) }
    pthread_sigmask(SIG_BLOCK, &blocked, nil)
    var armed = true
    while true {
      var fds = [
        pollfd(fd: commands, events: Int16(POLLIN), revents: 0),
        pollfd(fd: armed ? fileDescriptor : -1, events: Int16(POLLIN), revents: 0),
      ]
      let ready = poll(&fds, nfds_t(fds.count), -1)
      if ready < 0 {
        if errno == EINTR { continue }
        return
      }
      if fds[0].revents != 0 {
        var bytes = [UInt8](repeating: 0, count: 64)
        // End of file: the write end was closed by cancel().
        guard read(commands, &bytes, bytes.count) > 0 else { return }
        armed = true
        continue
      }
      if fds[1].revents != 0 {
        armed = false
        onReady()
      }
    }
  }
}
