/// A small deterministic random number generator (SplitMix64), so that one seed always gives
/// the same organization. Never seeded from the system.
package struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: UInt64

  package init(seed: UInt64) {
    state = seed
  }

  package mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    return Self.mix(state)
  }

  /// The SplitMix64 finalizer: a good stateless hash of one 64-bit word.
  package static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A stateless hash of several words, for procedural values such as one hour of usage.
  package static func hash(_ a: UInt64, _ b: UInt64, _ c: UInt64 = 0) -> UInt64 {
    mix(mix(mix(a &+ 0x632B_E59B_D9B4_E019) ^ b) &+ c)
  }

  /// A uniform value in `[0, 1)` from a hash (53 significant bits).
  package static func unit(_ hash: UInt64) -> Double {
    Double(hash >> 11) / Double(UInt64(1) << 53)
  }

  /// A uniform integer in `range`.
  package mutating func int(in range: ClosedRange<Int>) -> Int {
    Int.random(in: range, using: &self)
  }

  /// A uniform value in `[0, 1)`.
  package mutating func unit() -> Double {
    Self.unit(next())
  }

  /// `true` with probability `probability`.
  package mutating func chance(_ probability: Double) -> Bool {
    unit() < probability
  }

  /// One element of a non-empty array.
  package mutating func pick<Element>(_ items: [Element]) -> Element {
    items[Int(next() % UInt64(items.count))]
  }

  private static let base62 = Array(
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")

  /// `count` base-62 characters.
  package mutating func base62(_ count: Int) -> String {
    String((0..<count).map { _ in Self.base62[Int(next() % 62)] })
  }

  /// An entity id in the simulator's format (admin-api.md §16 #2): `<prefix>01` + 22 base-62.
  package mutating func entityID(_ prefix: String) -> String {
    prefix + "01" + base62(22)
  }

  /// A lowercase UUID version 4 (admin-api.md §16 #3).
  package mutating func uuidV4() -> String {
    let high = next()
    let low = next()
    var bytes = (0..<8).map { UInt8(truncatingIfNeeded: high >> (8 * $0)) }
    bytes += (0..<8).map { UInt8(truncatingIfNeeded: low >> (8 * $0)) }
    bytes[6] = (bytes[6] & 0x0F) | 0x40
    bytes[8] = (bytes[8] & 0x3F) | 0x80
    let hex = bytes.map { byte -> String in
      let text = String(byte, radix: 16)
      return text.count == 1 ? "0" + text : text
    }
    return [hex[0..<4], hex[4..<6], hex[6..<8], hex[8..<10], hex[10..<16]]
      .map { $0.joined() }.joined(separator: "-")
  }
}
