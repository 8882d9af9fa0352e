import Synchronization

/// The most recently asked reports' rows before paging, so a report of several pages is
/// aggregated once and not once per page (a month of daily cost rows per key and model is three
/// pages).
///
/// Keys name everything a report's rows depend on: the path, the query without its page
/// cursor, the window the request resolved to (not its literal bounds, so a month-to-date
/// report asked every minute is summed once an hour), and the world generation (a key update
/// starts a new one). Values are whatever the report code stores.
final class ReportCache: Sendable {
  /// Entries kept, most recently asked last: a dashboard asks for a handful of reports a minute.
  static let capacity = 8

  private let entries = Mutex<[(key: String, value: any Sendable)]>([])

  /// The cached value for `key`, or `compute()`'s, which is then cached if `keep` says so.
  func value<Value: Sendable, Failure: Error>(
    for key: String, keep: (Value) -> Bool = { _ in true }, compute: () throws(Failure) -> Value
  ) throws(Failure) -> Value {
    // A hit moves to the end, so a report asked every minute outlives the ones asked once (a
    // dashboard's recent-minutes window is new every minute).
    let cached = entries.withLock { entries -> Value? in
      guard let index = entries.lastIndex(where: { $0.key == key }) else { return nil }
      let entry = entries.remove(at: index)
      entries.append(entry)
      return entry.value as? Value
    }
    if let cached { return cached }
    let value = try compute()
    guard keep(value) else { return value }
    entries.withLock { entries in
      entries.removeAll { $0.key == key }
      entries.append((key, value))
      if entries.count > Self.capacity { entries.removeFirst(entries.count - Self.capacity) }
    }
    return value
  }
}
