/// A setting's value and the layer it came from, so that `orgtop info` can say both.
package struct Setting<Value: Sendable>: Sendable {
  /// The value in effect.
  package var value: Value
  /// The layer that gave it.
  package var origin: Origin

  /// A value from a layer.
  package init(_ value: Value, _ origin: Origin) {
    self.value = value
    self.origin = origin
  }
}
