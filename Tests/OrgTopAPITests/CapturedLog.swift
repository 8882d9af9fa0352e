import Logging
import Synchronization

/// Every line logged through its ``logger``, for tests that check what a log says (and
/// never says).
final class CapturedLog: Sendable {
  private let lines = Mutex<[String]>([])

  /// The lines so far: `level message key=value…`.
  var all: [String] { lines.withLock { $0 } }

  /// A logger writing here, from `trace` up.
  var logger: Logger {
    Logger(label: "api") { _ in Handler(log: self) }
  }

  fileprivate func append(_ line: String) { lines.withLock { $0.append(line) } }

  private struct Handler: LogHandler {
    let log: CapturedLog
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
      get { metadata[key] }
      set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
      let details = (event.metadata ?? [:]).sorted { $0.key < $1.key }
        .map { " \($0.key)=\($0.value)" }.joined()
      log.append("\(event.level) \(event.message)\(details)")
    }
  }
}
