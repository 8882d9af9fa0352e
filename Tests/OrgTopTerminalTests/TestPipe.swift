#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A pipe standing in for the terminal's input in the input tests; closes its ends on release.
final class TestPipe: @unchecked Sendable {
  // @unchecked: each test uses its pipe from one task at a time.
  struct Failure: Error {}

  /// The end the watcher watches.
  let readEnd: Int32
  private var writeEnd: Int32

  init() throws {
    var ends: [Int32] = [-1, -1]
    guard pipe(&ends) == 0 else { throw Failure() }
    readEnd = ends[0]
    writeEnd = ends[1]
  }

  /// Writes `text` as a key press would.
  func type(_ text: String) {
    var bytes = Array(text.utf8)
    _ = bytes.withUnsafeMutableBytes { write(writeEnd, $0.baseAddress, $0.count) }
  }

  /// Reads what is waiting (at most 64 bytes).
  func readWaiting() -> String {
    var bytes = [UInt8](repeating: 0, count: 64)
    let count = bytes.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
    return String(decoding: bytes.prefix(max(count, 0)), as: UTF8.self)
  }

  /// Closes the write end: the read end then reports a hang-up.
  func closeWriteEnd() {
    if writeEnd >= 0 { close(writeEnd) }
    writeEnd = -1
  }

  deinit {
    closeWriteEnd()
    close(readEnd)
  }
}
