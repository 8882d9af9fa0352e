import Foundation

/// A JSON document parsed independently of the simulator's encoder (with `JSONSerialization`,
/// keeping booleans, integers, floats and strings apart), so tests check the real wire types.
enum JSONNode: Equatable {
  case null
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)
  case array([JSONNode])
  case object([String: JSONNode])

  /// Converts a `JSONSerialization` value; booleans are told from numbers by their type.
  init(_ value: Any) {
    switch value {
    case is NSNull: self = .null
    case let text as String: self = .string(text)
    case let list as [Any]: self = .array(list.map(JSONNode.init))
    case let members as [String: Any]: self = .object(members.mapValues(JSONNode.init))
    case let number as NSNumber:
      let kind = String(cString: number.objCType)
      if kind == "c" || String(describing: type(of: number)).contains("Boolean") {
        self = .bool(number.boolValue)
      } else if kind == "d" || kind == "f" {
        self = .double(number.doubleValue)
      } else {
        self = .int(number.intValue)
      }
    default: self = .string("<unexpected \(type(of: value))>")
    }
  }

  static func parse(_ bytes: [UInt8]) throws -> JSONNode {
    JSONNode(try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]))
  }

  subscript(key: String) -> JSONNode {
    if case .object(let members) = self { return members[key] ?? .null }
    return .null
  }

  subscript(index: Int) -> JSONNode {
    if case .array(let items) = self, items.indices.contains(index) { return items[index] }
    return .null
  }

  var keys: Set<String> {
    if case .object(let members) = self { return Set(members.keys) }
    return []
  }

  var array: [JSONNode] {
    if case .array(let items) = self { return items }
    return []
  }

  var string: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  var int: Int? {
    if case .int(let value) = self { return value }
    return nil
  }

  var bool: Bool? {
    if case .bool(let value) = self { return value }
    return nil
  }

  var isNull: Bool { self == .null }
}
