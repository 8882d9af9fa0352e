import Foundation

/// `POST /v1/organizations/api_keys/{id}`: the one write, which changes the world.
extension SimulatorEngine {
  /// Applies `{"name": …, "status": …}` to a key and returns the updated object.
  /// Explicit `null` means "no change" (admin-api.md §16 #11); transitions per §16 #12.
  func updateKey(_ id: String, body: [UInt8], now: Int64) throws(APIError) -> JSONValue {
    let fields = try Self.parseUpdateBody(body)
    return try mutateWorld { world throws(APIError) -> JSONValue in
      guard let index = world.keyIndex[id] else { throw .notFound("API key \(id) not found") }
      var key = world.keys[index]
      if let name = fields.name {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, name.count <= 500 else {
          throw .invalid("name: must be between 1 and 500 characters")
        }
        key.name = name
      }
      if let status = fields.status {
        let current = key.status(at: now)
        if current == "archived" || current == "expired", status != current {
          throw .invalid("Cannot change the status of an \(current) API key to \(status)")
        }
        let minute = Int(WireTime.floorDiv(now, 60 * WireTime.microsPerSecond))
        if status == "active", current == "inactive" {
          let expiry = key.expiresAt.map {
            Int(WireTime.floorDiv($0, 60 * WireTime.microsPerSecond))
          }
          key.activeMinutes.append(minute..<(expiry ?? Int.max))
        } else if status != "active", current == "active", let last = key.activeMinutes.last,
          last.upperBound > minute
        {
          key.activeMinutes[key.activeMinutes.count - 1] =
            last.lowerBound..<max(last.lowerBound, minute)
        }
        key.storedStatus = status
      }
      world.keys[index] = key
      return WireEncoding.apiKey(key, now: now)
    }
  }

  private static func parseUpdateBody(_ body: [UInt8]) throws(APIError) -> (
    name: String?, status: String?
  ) {
    let object: [String: Any]
    do {
      guard let parsed = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
        throw APIError.invalid("Request body must be a JSON object")
      }
      object = parsed
    } catch let error as APIError {
      throw error
    } catch {
      throw .invalid("Request body is not valid JSON")
    }
    for field in object.keys where field != "name" && field != "status" {
      throw .invalid("\(field): Extra inputs are not permitted")
    }
    var name: String?
    if let value = object["name"], !(value is NSNull) {
      guard let text = value as? String else {
        throw .invalid("name: Input should be a valid string")
      }
      name = text
    }
    var status: String?
    if let value = object["status"], !(value is NSNull) {
      guard let text = value as? String, ["active", "inactive", "archived"].contains(text) else {
        throw .invalid("status: Input should be 'active', 'inactive' or 'archived'")
      }
      status = text
    }
    return (name, status)
  }
}
