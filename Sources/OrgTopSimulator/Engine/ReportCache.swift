import Synchronization

/// The last few reports' rows before paging, so a report of several pages is aggregated once
/// and not once per page (a month of daily cost rows per key and model is three pages).
///
/// Keys name everything a report's rows depend on: the path, the query without its page
/// cursor, the window end and the data-refreshed minute the request resolved to, and the world
/// generation (a key update starts a new one). Values are whatever the report code stores.
final class ReportCache: Sendable {
  /// Entries kept, most recent last: a dashboard asks for a handful of reports a minute.
  static let capacity = 8

  private let entries = Mutex<[(key: String, value: any Sendable)]>([])

  /// The cached value for `key`, or `compute()`'s, which is then cached.
  func value<Value: Sendable>(
    for key: String, compute: () throws(APIError) -> Value
  ) throws(APIError) -> Value {
    let cached = entries.withLock { entries in
      entries.last { $0.key == key }?.value as? Value
    }
    if let cached { return cached }
    let value = try compute()
    entries.withLock { entries in
      entries.removeAll { $0.key == key }
      entries.append((key, value))
      if entries.count > Self.capacity { entries.removeFirst(entries.count - Self.capacity) }
    }
    return value
  }
}
