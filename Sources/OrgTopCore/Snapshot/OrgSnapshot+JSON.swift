import Foundation

extension OrgSnapshot {
  /// The JSON document: keys sorted, every key present (`null` when unknown), money as decimal
  /// strings, times as RFC 3339 UTC with whole seconds.
  package func json() throws -> Data {
    var data = try Self.jsonEncoder().encode(self)
    data.append(UInt8(ascii: "\n"))
    return data
  }

  /// The encoder of every JSON document orgtop writes for scripts.
  package static func jsonEncoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .custom { date, encoder in
      var container = encoder.singleValueContainer()
      try container.encode(RFC3339.format(date))
    }
    return encoder
  }
}
