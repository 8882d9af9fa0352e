#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a key from a file that only its owner can read or change, as ssh insists for a
/// private key: a key that others could read is already leaked, so it is refused rather than
/// used.
enum KeyFile {
  /// More than any key; a longer file is not a key file.
  static let sizeLimit = 64 * 1024

  /// The first line of the file at `path`, trimmed.
  static func firstLine(of path: String) throws(KeySourceError) -> String {
    let name = "admin_key_file \(path)"
    // Opened first and checked through the descriptor, so that the file checked is the file
    // read; non-blocking so that a FIFO cannot hang the start-up.
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
    guard descriptor >= 0 else {
      throw KeySourceError(
        errno == ENOENT ? "\(name) does not exist" : "\(name) cannot be opened: \(reason(errno))")
    }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      throw KeySourceError("\(name) cannot be examined: \(reason(errno))")
    }
    guard info.st_mode & S_IFMT == S_IFREG else {
      throw KeySourceError("\(name) is not a regular file")
    }
    let mode = Int(info.st_mode) & 0o777
    if mode & 0o077 != 0 {
      let what =
        mode & 0o044 != 0 ? "readable" : mode & 0o022 != 0 ? "writable" : "accessible"
      throw KeySourceError(
        "\(name) is \(what) by group or others (mode \(octal(mode))): chmod 600 it")
    }
    if info.st_uid != geteuid() && info.st_uid != 0 {
      throw KeySourceError(
        "\(name) belongs to another user (uid \(info.st_uid)): use a file of your own")
    }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while bytes.count <= sizeLimit {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      guard count >= 0 else { throw KeySourceError("\(name) cannot be read: \(reason(errno))") }
      if count == 0 { break }
      bytes += buffer.prefix(count)
    }
    guard bytes.count <= sizeLimit else {
      throw KeySourceError("\(name) is larger than a key file can be (\(sizeLimit / 1024) KiB)")
    }
    let line = KeyCommand.firstLine(String(decoding: bytes, as: UTF8.self))
    guard !line.isEmpty else { throw KeySourceError("\(name) is empty") }
    return line
  }

  /// `0644`: the mode as chmod takes it.
  private static func octal(_ mode: Int) -> String {
    let digits = String(mode, radix: 8)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  private static func reason(_ code: Int32) -> String {
    String(cString: strerror(code))
  }
}
