import Foundation
import Logging

/// A swift-log handler that writes one line per event to a ``LogFile``:
/// `2026-12-03T21:45:02Z info api: GET /v1/organizations/me 200 34 ms request-id=req_…`.
/// Messages are flattened to one line (control characters become spaces), so a hostile name
/// in an error cannot forge log lines or drive a terminal that `tail`s the log.
package struct FileLogHandler: LogHandler {
  package var metadata: Logger.Metadata = [:]
  package var metadataProvider: Logger.MetadataProvider?
  package var logLevel: Logger.Level
  private let label: String
  private let file: LogFile

  /// A handler for the logger `label`, writing to `file` from `level` up.
  package init(label: String, file: LogFile, level: Logger.Level) {
    self.label = label
    self.file = file
    logLevel = level
  }

  package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  package func log(event: LogEvent) {
    var merged = metadata
    if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
    if let extra = event.metadata { merged.merge(extra) { _, new in new } }
    let details = merged.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
    let time = RFC3339Stamp.now()
    file.append(Self.oneLine("\(time) \(event.level) \(label): \(event.message)\(details)"))
  }

  private static func oneLine(_ text: String) -> String {
    String(
      String.UnicodeScalarView(
        text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
  }
}

/// The current instant as RFC 3339 UTC with whole seconds, for log lines.
private enum RFC3339Stamp {
  static func now() -> String {
    Date().formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false))
  }
}
