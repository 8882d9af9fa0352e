/// The demo's stories for the key flags, laid over a built world so that every flag shows in
/// `swift run orgtop`. The drawn world already has idle, never-used, non-expiring, Default
/// workspace and soon-expiring keys; it has no departed member (every creator is a member, as
/// admin-api.md §15 asks of a consistent world) and no burst. This adds both, from a generator
/// of its own, so the rest of the world is the seed's unchanged.
package enum FlagShowcase {
  /// How much the bursting key's traffic is multiplied by, at least.
  static let burstFactor = 40.0
  /// The bursting key's hourly tokens at its diurnal peak, at least, so the burst clears the
  /// anomaly flag's floor (100,000 tokens) at any hour of the day.
  static let burstPeakTokens = 10_000_000

  /// Two active keys made by a user who is then no longer a member; one active key with usage
  /// whose traffic bursts from two hours before `now` (microseconds) on, so the latest
  /// complete hour is a burst from start-up.
  package static func apply(to world: inout SimWorld, seed: UInt64, now: Int64) {
    var random = SeededGenerator(seed: seed ^ 0x5EED_F1A6)
    let formerMember = SimWorld.Actor(id: random.entityID("user_"), isServiceAccount: false)
    let candidates = world.keys.indices.filter { index in
      let key = world.keys[index]
      return key.status(at: now) == "active" && key.principal == nil
        && key.createdBy?.isServiceAccount == false
    }
    for index in candidates.prefix(2) { world.keys[index].createdBy = formerMember }

    let nowHour = Int(WireTime.floorDiv(now, 3600 * WireTime.microsPerSecond))
    let bursting = world.usage.series.indices.first { index in
      let series = world.usage.series[index]
      guard let keyIndex = series.keyIndex, series.activity < 1 else { return false }
      let key = world.keys[keyIndex]
      return key.status(at: now) == "active" && key.expiresAt == nil
    }
    if let index = bursting {
      let peak = max(1, world.usage.series[index].peak.totalTokens)
      world.usage.series[index].burstFromHour = nowHour - 2
      world.usage.series[index].burstFactor = max(
        burstFactor, Double(burstPeakTokens) / Double(peak))
    }
  }
}
