import Foundation
import OrgTopCore

/// An ordered list of query parameters, encoded the way the Admin API expects (admin-api.md
/// §1.4): arrays as repeated `name[]` keys, booleans as `true`/`false`, timestamps in UTC with
/// `Z`, and everything outside RFC 3986's unreserved set percent-encoded, `+` and `:` included
/// (Foundation's `URLQueryItem` leaves `+` alone, which servers read as a space).
package struct QueryParameters: Sendable, Hashable {
  /// The parameters in the order they were added, unencoded.
  package private(set) var items: [(name: String, value: String)] = []

  package init() {}

  package static func == (lhs: QueryParameters, rhs: QueryParameters) -> Bool {
    lhs.items.elementsEqual(rhs.items) { $0.name == $1.name && $0.value == $1.value }
  }

  package func hash(into hasher: inout Hasher) {
    for item in items {
      hasher.combine(item.name)
      hasher.combine(item.value)
    }
  }

  /// Adds `name=value` unless the value is `nil` (omitted arguments are not sent).
  package mutating func add(_ name: String, _ value: String?) {
    guard let value else { return }
    items.append((name, value))
  }

  package mutating func add(_ name: String, _ value: Int?) {
    add(name, value.map(String.init))
  }

  package mutating func add(_ name: String, _ value: Bool?) {
    add(name, value.map { $0 ? "true" : "false" })
  }

  package mutating func add(_ name: String, _ value: Date?) {
    add(name, value.map(RFC3339.format))
  }

  /// Adds one `name[]=value` per element (the brackets are added here).
  package mutating func add(array name: String, _ values: [String]) {
    for value in values { items.append((name + "[]", value)) }
  }

  /// This list with `name` set to `value`, replacing any earlier value (used for cursors).
  package func setting(_ name: String, _ value: String) -> QueryParameters {
    var copy = self
    copy.items.removeAll { $0.name == name }
    copy.items.append((name, value))
    return copy
  }

  /// The encoded query string, without the leading `?`.
  package var encoded: String {
    items.map { Self.percentEncode($0.name) + "=" + Self.percentEncode($0.value) }
      .joined(separator: "&")
  }

  /// Percent-encodes every byte outside `A–Z a–z 0–9 - . _ ~`.
  package static func percentEncode(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
        UInt8(ascii: "_"), UInt8(ascii: "~"):
        result.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        result += "%" + hexDigit(byte >> 4) + hexDigit(byte & 0x0F)
      }
    }
    return result
  }

  private static func hexDigit(_ nibble: UInt8) -> String {
    String(
      UnicodeScalar(nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") + nibble - 10))
  }
}
