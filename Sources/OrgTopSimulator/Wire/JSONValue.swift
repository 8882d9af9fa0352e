/// A JSON document built by the simulator: objects keep their keys in the order written, `null`
/// is explicit, and there is no floating-point case, so every wire shape is exactly what the
/// code spells out (nullable keys present as `null`, money as strings, counts as integers).
package indirect enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case int(Int)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    lhs.serialized() == rhs.serialized()
  }

  /// `.string(value)` or `.null`.
  package static func optional(_ value: String?) -> JSONValue {
    value.map(JSONValue.string) ?? .null
  }

  /// `.int(value)` or `.null`.
  package static func optional(_ value: Int?) -> JSONValue {
    value.map(JSONValue.int) ?? .null
  }

  /// Compact UTF-8 serialization.
  package func serialized() -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(256)
    write(into: &out)
    return out
  }

  /// Appends the compact serialization to `out`.
  package func write(into out: inout [UInt8]) {
    switch self {
    case .null: out.append(contentsOf: Self.nullBytes)
    case .bool(let value): out.append(contentsOf: value ? Self.trueBytes : Self.falseBytes)
    case .int(let value): out.append(contentsOf: String(value).utf8)
    case .string(let value): Self.writeString(value, into: &out)
    case .array(let items):
      out.append(UInt8(ascii: "["))
      for (index, item) in items.enumerated() {
        if index > 0 { out.append(UInt8(ascii: ",")) }
        item.write(into: &out)
      }
      out.append(UInt8(ascii: "]"))
    case .object(let members):
      out.append(UInt8(ascii: "{"))
      for (index, member) in members.enumerated() {
        if index > 0 { out.append(UInt8(ascii: ",")) }
        Self.writeString(member.0, into: &out)
        out.append(UInt8(ascii: ":"))
        member.1.write(into: &out)
      }
      out.append(UInt8(ascii: "}"))
    }
  }

  private static let nullBytes = Array("null".utf8)
  private static let trueBytes = Array("true".utf8)
  private static let falseBytes = Array("false".utf8)
  private static let hexDigits = Array("0123456789abcdef".utf8)

  /// JSON string escaping: quotes, backslashes and every control character (terminal escape
  /// sequences in hostile names travel as `\u001b`, never raw).
  private static func writeString(_ value: String, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    for byte in value.utf8 {
      switch byte {
      case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
      case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
      case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
      case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
      case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
      case 0..<0x20, 0x7F:
        out.append(contentsOf: Array("\\u00".utf8))
        out.append(hexDigits[Int(byte >> 4)])
        out.append(hexDigits[Int(byte & 0x0F)])
      default: out.append(byte)
      }
    }
    out.append(UInt8(ascii: "\""))
  }
}
