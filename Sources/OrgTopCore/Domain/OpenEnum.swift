/// A string-backed enumeration that the API may extend: values this build does not know are
/// kept verbatim as `.unknown(raw)` instead of failing the whole response (admin-api.md §1.7).
package protocol OpenEnum: Hashable, Sendable {
  /// The values this build knows, each with its wire spelling.
  static var known: [(Self, String)] { get }
  /// A value this build does not know.
  static func unknown(_ raw: String) -> Self
  /// The raw string when this is an unknown value, else `nil`.
  var unknownValue: String? { get }
}

extension OpenEnum {
  /// Maps a wire string to a known case, or to `.unknown(raw)`.
  package init(wire raw: String) {
    self = Self.known.first { $0.1 == raw }?.0 ?? Self.unknown(raw)
  }

  /// The wire spelling.
  package var wire: String {
    if let raw = unknownValue { return raw }
    return Self.known.first { $0.0 == self }?.1 ?? ""
  }
}
