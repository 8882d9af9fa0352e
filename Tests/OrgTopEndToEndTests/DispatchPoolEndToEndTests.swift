#if os(Linux)
  import Foundation
  import Glibc
  import Testing

  /// The real binary never starts a worker of Dispatch's global pool: Swift's default
  /// executor runs on NIO's loops (`EventLoopDefaultExecutor`), because the first such worker
  /// starts libdispatch's 1 Hz workqueue monitor for the rest of the process's life, about a
  /// sixth of an idle wall screen's CPU (ARCHITECTURE.md, "What an idle second costs").
  ///
  /// How it is seen: libdispatch on Linux names a pool thread after its root queue, cut to the
  /// kernel's 15 characters from the end. The global pool's workers end in "-qos"
  /// ("com.apple.root.default-qos"); the threads that drain the main queue and private serial
  /// queues, which start no monitor, end in ".overcommit". A worker lives at least 5 s after
  /// its last job, so sampling the names every 100 ms from the start sees every one.
  @Suite(.serialized)
  struct DispatchPoolEndToEndTests {
    /// The demo: start-up, the simulator's server, the first fetches and frames.
    @Test func theDemoStartsNoPoolWorker() async throws {
      let names = try await Self.threadNames(of: "", seconds: 6)
      #expect(names.contains { $0.hasPrefix("NIO-") }, "the sampling saw the process: \(names)")
      #expect(!names.contains { $0.hasSuffix("-qos") }, "\(names.sorted())")
    }

    /// An API that refuses connections: every fetch fails (the HTTP client gives up on a
    /// refused connection after about 5 s) and waits before its next try with `Task.sleep`,
    /// whose timer Dispatch's own executor would fire onto the global pool.
    @Test func retryingAnUnreachableAPIStartsNoPoolWorker() async throws {
      let key = "sk-ant-admin01-" + String(repeating: "e2e", count: 14) + "-AAAA"
      let names = try await Self.threadNames(
        of: "ANTHROPIC_ADMIN_KEY=\(key) ", arguments: " --base-url http://127.0.0.1:9",
        seconds: 12)
      #expect(names.contains { $0.hasPrefix("NIO-") }, "the sampling saw the process: \(names)")
      #expect(!names.contains { $0.hasSuffix("-qos") }, "\(names.sorted())")
    }

    /// Runs the dashboard in a pane and gathers the names of its threads, read every 100 ms
    /// from the moment it runs for `seconds`.
    private static func threadNames(
      of environment: String, arguments: String = "", seconds: Int
    ) async throws -> Set<String> {
      let binary = try BuiltProduct.orgtop
      return try await TmuxSession.with(columns: 100, rows: 30) { tmux in
        try await tmux.run("\(environment)\(binary)\(arguments)")
        var pid: pid_t?
        for _ in 0..<200 where pid == nil {
          pid = try await tmux.foregroundPID(named: "orgtop")
          if pid == nil { try await Task.sleep(for: .milliseconds(50)) }
        }
        let running = try #require(pid, "orgtop did not start")
        var names = Set<String>()
        for _ in 0..<(seconds * 10) {
          names.formUnion(threadNames(of: running))
          try await Task.sleep(for: .milliseconds(100))
        }
        // A process that died (a trap in the executor, say) would show no pool worker either.
        #expect(kill(running, 0) == 0, "orgtop ended while its threads were read")
        try await tmux.press("q")
        return names
      }
    }

    /// The names of a process's threads now (`/proc/PID/task/*/comm`).
    private static func threadNames(of pid: pid_t) -> Set<String> {
      let tasks = "/proc/\(pid)/task"
      let ids = (try? FileManager.default.contentsOfDirectory(atPath: tasks)) ?? []
      return Set(
        ids.compactMap {
          try? String(contentsOfFile: "\(tasks)/\($0)/comm", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        })
    }
  }
#endif
