import Foundation

/// The three pagination styles of admin-api.md §2, built so that pages of any size concatenate
/// exactly to one big page.
package enum Paging {
  /// ID-cursor paging over `ids` (the filtered list, in list order): the index range of the
  /// page and whether more results exist in the requested direction.
  package static func idPage(
    ids: [String], query: QueryParameters, limitRange: ClosedRange<Int> = 1...1000,
    defaultLimit: Int = 20
  ) throws(APIError) -> (range: Range<Int>, hasMore: Bool) {
    let limit = try query.int("limit", range: limitRange, fallback: defaultLimit) ?? defaultLimit
    let after = try query.string("after_id")
    let before = try query.string("before_id")
    if after != nil, before != nil {
      throw .invalid("after_id and before_id cannot both be given")
    }
    if let after {
      guard let position = ids.firstIndex(of: after) else {
        throw .invalid("after_id: no object with id '\(after)' in this list")
      }
      let end = min(ids.count, position + 1 + limit)
      return (position + 1..<end, end < ids.count)
    }
    if let before {
      guard let position = ids.firstIndex(of: before) else {
        throw .invalid("before_id: no object with id '\(before)' in this list")
      }
      let start = max(0, position - limit)
      return (start..<position, start > 0)
    }
    let end = min(ids.count, limit)
    return (0..<end, end < ids.count)
  }

  /// The ID-cursor envelope: `data`, `has_more`, `first_id`, `last_id`.
  package static func idEnvelope(data: [JSONValue], ids: ArraySlice<String>, hasMore: Bool)
    -> JSONValue
  {
    .object([
      ("data", .array(data)), ("has_more", .bool(hasMore)), ("first_id", .optional(ids.first)),
      ("last_id", .optional(ids.last)),
    ])
  }

  /// A 64-bit FNV-1a hash of a query's canonical form (and the path), as 16 hex digits.
  package static func queryHash(path: String, query: QueryParameters) -> String {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in (path + "?" + query.canonical()).utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }
    let text = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - text.count) + text
  }

  /// An opaque cursor: `page_` + base64url of the offset and the query hash.
  package static func cursor(offset: Int, path: String, query: QueryParameters) -> String {
    let raw = Data((String(offset) + "." + queryHash(path: path, query: query)).utf8)
    let base64 = raw.base64EncodedString()
      .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
      .replacingOccurrences(of: "=", with: "")
    return "page_" + base64
  }

  /// The offset of the `page` parameter (0 when absent); 400 when the cursor is not one of
  /// ours or was made for other parameters.
  package static func offset(path: String, query: QueryParameters) throws(APIError) -> Int {
    guard let page = try query.string("page") else { return 0 }
    let invalid = APIError.invalid("page: invalid page cursor '\(page)'")
    guard page.hasPrefix("page_") else { throw invalid }
    var base64 = String(page.dropFirst(5))
      .replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    while base64.count % 4 != 0 { base64 += "=" }
    guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8)
    else { throw invalid }
    let parts = text.split(separator: ".")
    guard parts.count == 2, let offset = Int(parts[0]), offset >= 0 else { throw invalid }
    guard parts[1] == queryHash(path: path, query: query) else {
      throw .invalid("page: cursor does not match current query parameters")
    }
    return offset
  }
}
