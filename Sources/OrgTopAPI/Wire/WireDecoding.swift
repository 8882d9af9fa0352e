import Foundation
import OrgTopCore

/// The JSON decoder for Admin API responses: RFC 3339 dates with or without fractional
/// seconds. Keys are matched as written: every wire type spells its snake_case keys in its
/// `CodingKeys` (`convertFromSnakeCase` converted every key of every object, a fifth of the
/// idle dashboard's CPU). Unknown keys are ignored by `Decodable` itself.
enum WireDecoding {
  static func makeDecoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .custom { decoder in
      let container = try decoder.singleValueContainer()
      let text = try container.decode(String.self)
      guard let date = RFC3339.parse(text) else {
        throw DecodingError.dataCorruptedError(
          in: container, debugDescription: "not an RFC 3339 timestamp")
      }
      return date
    }
    return decoder
  }

  /// Decodes one response body, mapping `DecodingError` to a short, one-line reason.
  static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(MalformedWire) -> T {
    do {
      return try makeDecoder().decode(type, from: data)
    } catch let error as DecodingError {
      throw MalformedWire(detail: Self.describe(error))
    } catch let error as MalformedWire {
      throw error
    } catch {
      throw MalformedWire(detail: "invalid JSON")
    }
  }

  private static func describe(_ error: DecodingError) -> String {
    func path(_ context: DecodingError.Context) -> String {
      let components = context.codingPath.map { key in
        key.intValue.map { "[\($0)]" } ?? "." + key.stringValue
      }
      let joined = components.joined()
      return joined.isEmpty ? "the body" : String(joined.drop { $0 == "." })
    }
    switch error {
    case .keyNotFound(let key, let context):
      return "missing \(key.stringValue) at \(path(context))"
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      return "wrong type at \(path(context))"
    case .dataCorrupted(let context):
      return context.codingPath.isEmpty
        ? "invalid or truncated JSON" : "bad value at \(path(context))"
    @unknown default:
      return "undecodable body"
    }
  }
}

/// A response body that does not have the documented shape (truncated JSON, a missing
/// required field, a malformed money string or timestamp).
struct MalformedWire: Error, Hashable, Sendable {
  var detail: String
}

/// Money as the wire sends it: a JSON string of minor units. Anything else is malformed.
enum WireMoney {
  static func parse(_ text: String, currency: String, field: String) throws(MalformedWire) -> Money
  {
    guard let money = Money(minorUnits: text, currency: currency) else {
      // The value itself is not echoed: error text must never carry server-supplied secrets.
      throw MalformedWire(detail: "malformed money string in \(field)")
    }
    return money
  }
}

/// An object whose only required key is a `type` string: used for `source` and similar.
struct WireTypeTag: Decodable, Hashable, Sendable {
  var type: String
}
