/// One served request, as logged: never the key, never any header.
package struct RequestLogEntry: Sendable, Hashable, CustomStringConvertible {
  package var method: String
  package var path: String
  /// The raw query string (it never carries credentials).
  package var query: String
  package var status: Int
  /// Time spent computing the response, in milliseconds (injected latency excluded).
  package var durationMilliseconds: Double

  package var description: String {
    let target = query.isEmpty ? path : path + "?" + query
    let millis = (durationMilliseconds * 10).rounded() / 10
    return "\(method) \(target) -> \(status) (\(millis) ms)"
  }
}
