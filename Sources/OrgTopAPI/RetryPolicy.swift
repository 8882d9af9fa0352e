import Foundation
import OrgTopCore

/// The retry rules of admin-api.md §3.3, as pure functions of a response's status and headers.
package struct RetryPolicy: Sendable {
  /// Retries after the first attempt (the SDK's default is 2).
  package var maxRetries: Int
  /// A server-requested delay longer than this is not waited out: the call fails with
  /// `retryAfter` set, so the dashboard's scheduler tries later instead of blocking a fetch.
  package var maxServerDelay: TimeInterval
  /// Returns a jitter factor in `[0.75, 1]`; injected for deterministic tests.
  package var jitter: @Sendable () -> Double

  package init(
    maxRetries: Int = 2, maxServerDelay: TimeInterval = 60,
    jitter: @escaping @Sendable () -> Double = { Double.random(in: 0.75...1) }
  ) {
    self.maxRetries = maxRetries
    self.maxServerDelay = maxServerDelay
    self.jitter = jitter
  }

  /// Whether a response status is worth retrying: `x-should-retry` decides when present,
  /// else 408, 409, 429 and every status ≥ 500.
  package static func shouldRetry(status: Int, shouldRetryHeader: String?) -> Bool {
    switch shouldRetryHeader?.trimmingCharacters(in: .whitespaces).lowercased() {
    case "true": return true
    case "false": return false
    default: return status == 408 || status == 409 || status == 429 || status >= 500
    }
  }

  /// The delay the server asked for, in seconds: `retry-after-ms` (float ms), else
  /// `retry-after` as float seconds, else as an HTTP date relative to `now`. `nil` when no
  /// header gives a usable positive value.
  package static func serverDelay(
    retryAfterMilliseconds: String?, retryAfter: String?, now: Date
  ) -> TimeInterval? {
    if let text = retryAfterMilliseconds?.trimmingCharacters(in: .whitespaces),
      let milliseconds = Double(text), milliseconds.isFinite, milliseconds > 0
    {
      return milliseconds / 1000
    }
    guard let text = retryAfter?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
      return nil
    }
    if let seconds = Double(text) {
      return seconds.isFinite && seconds > 0 ? seconds : nil
    }
    if let date = HTTPDate.parse(text) {
      let delay = date.timeIntervalSince(now)
      return delay > 0 ? delay : nil
    }
    return nil
  }

  /// The exponential backoff before retry number `retry` (0-based):
  /// `min(0.5 s × 2^retry, 8 s) × jitter`.
  package func backoff(retry: Int) -> TimeInterval {
    let base = min(0.5 * pow(2, Double(min(retry, 10))), 8)
    let factor = min(max(jitter(), 0.75), 1)
    return base * factor
  }
}

/// Parses the IMF-fixdate form of an HTTP date (`Sun, 06 Nov 1994 08:49:37 GMT`), the only
/// form servers may send today (RFC 9110 §5.6.7).
package enum HTTPDate {
  private static let months = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
  ]

  package static func parse(_ text: String) -> Date? {
    let parts = text.split(separator: " ")
    guard parts.count == 6, parts[0].hasSuffix(","), parts[5].uppercased() == "GMT",
      let day = Int(parts[1]), let monthIndex = months.firstIndex(of: parts[2].lowercased()),
      let year = Int(parts[3]), parts[4].count == 8
    else { return nil }
    func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return RFC3339.parse("\(year)-\(pad(monthIndex + 1))-\(pad(day))T\(parts[4])Z")
  }
}
