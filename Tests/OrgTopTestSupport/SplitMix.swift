/// A small deterministic random generator (splitmix64) for the property tests: the same seed,
/// the same run, on every machine.
package struct SplitMix: RandomNumberGenerator {
  /// The generator's state; the seed to start from.
  package var state: UInt64

  /// A generator starting at `state`.
  package init(state: UInt64) {
    self.state = state
  }

  /// The next 64 random bits.
  package mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return mixed ^ (mixed >> 31)
  }
}
