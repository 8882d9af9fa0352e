/// A parsed query string with the API's conventions: `a[]=x&a[]=y`, `a%5B%5D=x`, `a=x&a=y` and
/// `a=x,y` all give the array `[x, y]`; `+` stays a literal plus (RFC 3339 offsets); typed
/// getters throw 400 `invalid_request_error` with a clear message.
package struct QueryParameters: Sendable {
  /// Values per name (brackets stripped), in order of appearance.
  package private(set) var values: [String: [String]] = [:]

  package init(_ query: String) throws(APIError) {
    for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard let rawName = Self.percentDecode(parts[0]) else {
        throw .invalid("Malformed query string: bad percent-encoding")
      }
      guard let value = Self.percentDecode(parts.count > 1 ? parts[1] : "") else {
        throw .invalid("Malformed query string: bad percent-encoding in \(rawName)")
      }
      let name = rawName.hasSuffix("[]") ? String(rawName.dropLast(2)) : rawName
      values[name, default: []].append(value)
    }
  }

  /// A canonical form of every parameter but `page`, for cursors bound to their query.
  package func canonical(excluding excluded: Set<String> = ["page"]) -> String {
    values.keys.filter { !excluded.contains($0) }.sorted()
      .map { $0 + "=" + (values[$0] ?? []).joined(separator: "\u{1F}") }
      .joined(separator: "&")
  }

  /// A single-valued string parameter.
  package func string(_ name: String) throws(APIError) -> String? {
    guard let list = values[name] else { return nil }
    guard list.count == 1 else { throw .invalid("\(name): expected a single value") }
    return list[0]
  }

  /// An array parameter (any of the accepted spellings); `nil` when absent.
  package func array(_ name: String) -> [String]? {
    guard let list = values[name] else { return nil }
    return list.flatMap { value in
      value.isEmpty
        ? [""]
        : value.split(separator: ",", omittingEmptySubsequences: false).map {
          String($0)
        }
    }
  }

  /// An array parameter whose values must belong to `allowed`.
  package func enumArray(_ name: String, allowed: [String]) throws(APIError) -> [String]? {
    guard let list = array(name) else { return nil }
    for value in list where !allowed.contains(value) {
      throw .invalid(
        "\(name): invalid value '\(value)'; expected one of: "
          + allowed.joined(separator: ", "))
    }
    return list
  }

  /// An integer parameter within `range`; `fallback` when absent.
  package func int(_ name: String, range: ClosedRange<Int>, fallback: Int?) throws(APIError) -> Int?
  {
    guard let text = try string(name) else { return fallback }
    guard let value = Int(text) else {
      throw .invalid("\(name): expected an integer, got '\(text)'")
    }
    guard range.contains(value) else {
      throw .invalid(
        "\(name): must be between \(range.lowerBound) and \(range.upperBound), got \(value)")
    }
    return value
  }

  /// A boolean parameter (`true` / `false`).
  package func bool(_ name: String) throws(APIError) -> Bool? {
    guard let text = try string(name) else { return nil }
    switch text {
    case "true": return true
    case "false": return false
    default: throw .invalid("\(name): expected a boolean (true or false), got '\(text)'")
    }
  }

  /// One value of an enum.
  package func enumValue(_ name: String, allowed: [String]) throws(APIError) -> String? {
    guard let text = try string(name) else { return nil }
    guard allowed.contains(text) else {
      throw .invalid(
        "\(name): invalid value '\(text)'; expected one of: " + allowed.joined(separator: ", "))
    }
    return text
  }

  /// An RFC 3339 timestamp, in microseconds since the epoch.
  package func timestamp(_ name: String) throws(APIError) -> Int64? {
    guard let text = try string(name) else { return nil }
    guard let micros = WireTime.parse(text) else {
      throw .invalid(
        "\(name): invalid datetime '\(text)'; expected RFC 3339 such as 2026-11-01T00:00:00Z")
    }
    return micros
  }

  private static func percentDecode(_ text: Substring) -> String? {
    guard text.utf8.contains(UInt8(ascii: "%")) else { return String(text) }
    var bytes: [UInt8] = []
    var iterator = Array(text.utf8).makeIterator()
    while let byte = iterator.next() {
      if byte == UInt8(ascii: "%") {
        guard let high = iterator.next().flatMap(hexValue),
          let low = iterator.next().flatMap(hexValue)
        else { return nil }
        bytes.append(high << 4 | low)
      } else {
        bytes.append(byte)
      }
    }
    return String(validating: bytes, as: UTF8.self)
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case 48...57: return byte - 48
    case 65...70: return byte - 55
    case 97...102: return byte - 87
    default: return nil
    }
  }
}
