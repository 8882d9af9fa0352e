import Foundation

/// Runs the built `orgtop` as a child process for the script commands' end-to-end tests, and
/// starts `orgtop simulate` servers for them to read.
enum ScriptProcess {
  /// What a finished run printed and how it exited.
  struct Result {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs `orgtop` with `arguments` and exactly `environment` (plus PATH), to completion.
  static func run(_ arguments: [String], environment: [String: String] = [:]) async throws
    -> Result
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try BuiltProduct.orgtop)
    process.arguments = arguments
    var env = environment
    env["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    env["LANG"] = env["LANG"] ?? "C.UTF-8"
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    let finished = AsyncStream<Void> { continuation in
      process.terminationHandler = { _ in continuation.finish() }
    }
    try process.run()
    // Read while it runs: a full pipe would block the child.
    async let stdout = readToEnd(out.fileHandleForReading)
    async let stderr = readToEnd(err.fileHandleForReading)
    let (outData, errData) = await (stdout, stderr)
    for await _ in finished {}
    return Result(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  /// Reads a pipe to its end on a thread of its own, not on the cooperative pool: a write end
  /// that leaked into a long-lived child (a tmux server spawned by another test at the same
  /// moment) delays the end of file until that child exits, and two such reads on the pool's
  /// two threads (on a 2-core machine) would starve every other test's `await`, tmux waits
  /// included, so the whole run would hang.
  static func readToEnd(_ handle: FileHandle) async -> Data {
    await withCheckedContinuation { continuation in
      Thread.detachNewThread { continuation.resume(returning: handle.readDataToEndOfFile()) }
    }
  }

  /// A running `orgtop simulate`: its base URL and the admin key it accepts.
  final class Simulator: @unchecked Sendable {
    let baseURL: String
    let key: String
    private let process: Process

    /// Starts `orgtop simulate --port 0 --frozen` with `arguments`, and waits for its address.
    init(_ arguments: [String] = []) throws {
      process = Process()
      process.executableURL = URL(fileURLWithPath: try BuiltProduct.orgtop)
      process.arguments = ["simulate", "--port", "0", "--frozen"] + arguments
      let out = Pipe()
      process.standardOutput = out
      process.standardError = FileHandle.nullDevice
      process.standardInput = FileHandle.nullDevice
      try process.run()
      var text = ""
      var url: String?
      var key: String?
      let handle = out.fileHandleForReading
      while url == nil || key == nil {
        let data = handle.availableData
        if data.isEmpty { break }
        text += String(decoding: data, as: UTF8.self)
        for line in text.split(separator: "\n") {
          if line.hasPrefix("base_url=") { url = String(line.dropFirst("base_url=".count)) }
          if line.hasPrefix("admin_key=") { key = String(line.dropFirst("admin_key=".count)) }
        }
      }
      guard let url, let key else {
        process.terminate()
        throw TmuxSession.Failure(description: "orgtop simulate printed no address: \(text)")
      }
      baseURL = url
      self.key = key
    }

    /// The environment of a script reading this simulator with its key.
    var environment: [String: String] { ["ANTHROPIC_ADMIN_KEY": key] }

    deinit {
      process.terminate()
      process.waitUntilExit()
    }
  }
}
