import Foundation

/// One fault-injection rule: what goes wrong, how often, and on which paths.
///
/// The `--faults` grammar (comma-separated rules, applied in order):
///
///     RULE    := KIND [ "=" VALUE ] [ "@" RATE ] [ ":" PATH ]
///     KIND    := 401 | 403 | 429 | 500 | 503 | 529 | 410 | latency | truncate | malformed | close
///     VALUE   := for 429, the retry-after ("2s", "1500ms"; default 1s);
///                for latency, the delay ("200ms", "1s"; required)
///     RATE    := probability in [0, 1] (default 1)
///     PATH    := a path prefix, or a glob with "*" (default: every path)
///
/// `410` fires only on requests that carry a `page` cursor (an expired cursor). `truncate`
/// sends half the body and drops the connection; `malformed` sends a complete response whose
/// JSON is cut short; `close` drops the connection without a body.
/// Example: `429@0.2:/v1/organizations/api_keys,latency=200ms,truncate@0.1`.
package struct FaultRule: Sendable, Hashable {
  /// What the rule does.
  package enum Kind: Sendable, Hashable {
    /// Answer with this error status instead of the real response.
    case status(Int)
    /// Wait this many milliseconds before answering.
    case latency(milliseconds: Int)
    /// Send half the body, then drop the connection.
    case truncate
    /// Send a complete response whose JSON body is cut short.
    case malformed
    /// Drop the connection without sending a body.
    case close
  }

  package var kind: Kind
  /// Probability that the rule fires on a matching request.
  package var rate: Double
  /// Path prefix or `*` glob; `nil` matches every path.
  package var path: String?
  /// For 429: the `retry-after` to send, in milliseconds.
  package var retryAfterMilliseconds: Int

  package init(
    kind: Kind, rate: Double = 1, path: String? = nil, retryAfterMilliseconds: Int = 1000
  ) {
    self.kind = kind
    self.rate = rate
    self.path = path
    self.retryAfterMilliseconds = retryAfterMilliseconds
  }

  /// Whether the rule applies to `path`.
  package func matches(path requestPath: String) -> Bool {
    guard let pattern = path, !pattern.isEmpty else { return true }
    if !pattern.contains("*") { return requestPath.hasPrefix(pattern) }
    return Self.glob(Array(pattern.utf8)[...], Array(requestPath.utf8)[...])
  }

  private static func glob(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
    guard let first = pattern.first else { return text.isEmpty }
    if first == UInt8(ascii: "*") {
      let rest = pattern.dropFirst()
      var suffix = text
      while true {
        if glob(rest, suffix) { return true }
        if suffix.isEmpty { return false }
        suffix = suffix.dropFirst()
      }
    }
    guard let head = text.first, head == first else { return false }
    return glob(pattern.dropFirst(), text.dropFirst())
  }

  /// A rule of the spec that could not be read.
  package struct ParseError: Error, CustomStringConvertible, Sendable {
    package var description: String
  }

  /// Parses a `--faults` spec (grammar above). An empty spec gives no rules.
  package static func parse(_ spec: String) throws(ParseError) -> [FaultRule] {
    var rules: [FaultRule] = []
    for rawRule in spec.split(separator: ",") {
      let text = rawRule.trimmingCharacters(in: .whitespaces)
      if text.isEmpty { continue }
      rules.append(try parseRule(text))
    }
    return rules
  }

  private static func parseRule(_ text: String) throws(ParseError) -> FaultRule {
    var head = Substring(text)
    var path: String?
    if let colon = head.firstIndex(of: ":") {
      path = String(head[head.index(after: colon)...])
      head = head[..<colon]
    }
    var rate = 1.0
    if let at = head.firstIndex(of: "@") {
      let rateText = head[head.index(after: at)...]
      guard let value = Double(rateText), value >= 0, value <= 1 else {
        throw ParseError(description: "fault rule '\(text)': rate must be a number in [0, 1]")
      }
      rate = value
      head = head[..<at]
    }
    var value: Substring?
    if let equals = head.firstIndex(of: "=") {
      value = head[head.index(after: equals)...]
      head = head[..<equals]
    }
    let duration = try value.map { v throws(ParseError) in try milliseconds(v, rule: text) }
    switch head {
    case "429":
      return FaultRule(
        kind: .status(429), rate: rate, path: path, retryAfterMilliseconds: duration ?? 1000)
    case "401", "403", "500", "503", "529", "410":
      guard value == nil else { throw ParseError(description: "fault rule '\(text)': no value") }
      return FaultRule(kind: .status(Int(head) ?? 500), rate: rate, path: path)
    case "latency":
      guard let duration else {
        throw ParseError(description: "fault rule '\(text)': latency needs a value, e.g. 200ms")
      }
      return FaultRule(kind: .latency(milliseconds: duration), rate: rate, path: path)
    case "truncate": return FaultRule(kind: .truncate, rate: rate, path: path)
    case "malformed": return FaultRule(kind: .malformed, rate: rate, path: path)
    case "close": return FaultRule(kind: .close, rate: rate, path: path)
    default:
      throw ParseError(
        description:
          "fault rule '\(text)': unknown kind '\(head)' (401, 403, 429, 500, 503, 529, 410, latency, "
          + "truncate, malformed, close)")
    }
  }

  private static func milliseconds(_ text: Substring, rule: String) throws(ParseError) -> Int {
    let (digits, scale): (Substring, Int) =
      text.hasSuffix("ms")
      ? (text.dropLast(2), 1) : text.hasSuffix("s") ? (text.dropLast(), 1000) : (text, 1)
    guard let number = Int(digits), number >= 0 else {
      throw ParseError(description: "fault rule '\(rule)': bad duration '\(text)' (e.g. 200ms, 2s)")
    }
    return number * scale
  }
}
