import Foundation

/// Waits between retries. Injected so that tests assert the requested delays without waiting.
package protocol Sleeper: Sendable {
  /// Suspends for `seconds`; throws `CancellationError` when the task is cancelled.
  func sleep(seconds: TimeInterval) async throws
}

/// The real sleeper: `Task.sleep`, so cancellation ends the wait at once.
package struct TaskSleeper: Sleeper {
  package init() {}

  package func sleep(seconds: TimeInterval) async throws {
    guard seconds > 0 else { return }
    try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
  }
}
