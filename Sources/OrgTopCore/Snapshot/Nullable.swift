/// An optional that is written to JSON as `null` when absent, instead of leaving its key out
/// (what synthesized `Encodable` does): a script's schema keeps every key in every document.
@propertyWrapper
package struct Nullable<Value: Encodable & Hashable & Sendable>: Encodable, Hashable, Sendable {
  package var wrappedValue: Value?

  package init(wrappedValue: Value?) {
    self.wrappedValue = wrappedValue
  }

  package func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    if let wrappedValue {
      try container.encode(wrappedValue)
    } else {
      try container.encodeNil()
    }
  }
}
