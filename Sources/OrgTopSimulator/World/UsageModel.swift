/// Procedural usage: every (API key or no key, model) pair is a series whose hourly totals are a
/// pure function of the seed and the hour (a diurnal curve with noise), split into minutes by
/// deterministic integer weights. Nothing is stored per hour, so start-up is instant and the
/// world "advances" simply because reports read up to a later instant.
package struct UsageModel: Sendable {
  /// One stream of traffic: a key (or none: Console usage) on one model.
  package struct Series: Sendable {
    /// Index into ``SimWorld/keys``; `nil` for usage made without a key.
    package var keyIndex: Int?
    package var modelIndex: Int
    /// Index into ``SimWorld/workspaces``.
    package var workspaceIndex: Int
    /// Index into ``SimWorld/users``: the Console user behind key-less usage.
    package var userIndex: Int?
    package var seed: UInt64
    /// Counts at the diurnal peak of a busy hour.
    package var peak: UsageCounts
    /// Hours added to UTC to place this series' working day.
    package var phase: Int
    /// Probability that a given hour has any traffic.
    package var activity: Double
    /// From this hour (hours since the epoch) on, every hour has traffic, ``burstFactor`` times
    /// the usual: a runaway client (the demo's usage spike). `nil`: no burst.
    package var burstFromHour: Int? = nil
    package var burstFactor: Double = 1
  }

  package var series: [Series]
  /// The first minute with usage (00:00Z on the 1st of the previous month at world creation).
  package var startMinute: Int

  /// Relative traffic by local hour of day.
  private static let diurnal: [Double] = [
    0.15, 0.1, 0.08, 0.08, 0.1, 0.15, 0.3, 0.5, 0.75, 0.95, 1.0, 0.95,
    0.85, 0.95, 1.0, 0.95, 0.9, 0.8, 0.6, 0.45, 0.35, 0.3, 0.25, 0.2,
  ]

  /// The usage of series `index` over the whole hour `hour` (hours since the epoch).
  package func hourTotal(_ index: Int, hour: Int) -> UsageCounts {
    let series = series[index]
    let hash = SeededGenerator.hash(series.seed, UInt64(bitPattern: Int64(hour)))
    let bursting = series.burstFromHour.map { hour >= $0 } ?? false
    if !bursting, SeededGenerator.unit(SeededGenerator.mix(hash)) >= series.activity {
      return UsageCounts()
    }
    let localHour = ((hour + series.phase) % 24 + 24) % 24
    let weekday = ((WireTime.floorDiv(hour, 24) + 3) % 7 + 7) % 7  // 0 = Monday
    let factor =
      Self.diurnal[localHour] * (weekday >= 5 ? 0.4 : 1) * (0.55 + 0.9 * SeededGenerator.unit(hash))
      * (bursting ? series.burstFactor : 1)
    func scale(_ value: Int) -> Int { Int(Double(value) * factor) }
    var counts = UsageCounts(
      uncachedInput: scale(series.peak.uncachedInput), output: scale(series.peak.output),
      cacheRead: scale(series.peak.cacheRead), cacheWrite5m: scale(series.peak.cacheWrite5m),
      cacheWrite1h: scale(series.peak.cacheWrite1h),
      webSearchRequests: scale(series.peak.webSearchRequests), requests: scale(series.peak.requests)
    )
    if counts.totalTokens > 0, counts.requests == 0 { counts.requests = 1 }
    return counts
  }

  /// Cumulative minute weights of an hour: `weights[m]` is the weight of minutes `0..<m`.
  private func cumulativeWeights(_ index: Int, hour: Int) -> [Int] {
    let seed = series[index].seed ^ 0x5DEE_CE66_D1CE_4E5B
    var cumulative = [Int](repeating: 0, count: 61)
    var hash = SeededGenerator.hash(seed, UInt64(bitPattern: Int64(hour)))
    for minute in 0..<60 {
      if minute % 8 == 0 { hash = SeededGenerator.mix(hash &+ UInt64(minute)) }
      let byte = Int((hash >> UInt64((minute % 8) * 8)) & 0xFF)
      // About one minute in fifty is a burst, so per-minute peaks stand out as in real traffic.
      let weight = 32 + byte + (byte > 250 ? 1500 : 0)
      cumulative[minute + 1] = cumulative[minute] + weight
    }
    return cumulative
  }

  /// Adds the usage of series `index` made in `[from, to)` (minutes), restricted to the minutes
  /// in `active`, to buckets: `add(bucket, counts)` where `bucket = (minute - origin) / width`
  /// (`width` 1, 60 or 1440 minutes with `origin` aligned to it, or `nil` for one bucket 0).
  package func accumulate(
    _ index: Int, active: [Range<Int>], from: Int, to: Int, origin: Int, width: Int?,
    add: (Int, UsageCounts) -> Void
  ) {
    let lower = max(from, startMinute)
    guard lower < to else { return }
    // Hours of one bucket are summed here and handed over once per bucket: `add` is a
    // dictionary update for the caller, and a month in daily buckets is ~700 hours per series.
    // Counts are integers, so the sums are the same in any grouping.
    var pendingBucket: Int?
    var pending = UsageCounts()
    func flush() {
      if let bucket = pendingBucket, !pending.isZero { add(bucket, pending) }
      pendingBucket = nil
      pending = UsageCounts()
    }
    func collect(_ bucket: Int, _ value: UsageCounts) {
      if pendingBucket != bucket { flush() }
      pendingBucket = bucket
      pending += value
    }
    defer { flush() }
    for interval in active {
      let low = max(lower, interval.lowerBound)
      let high = min(to, interval.upperBound)
      guard low < high else { continue }
      var hour = WireTime.floorDiv(low, 60)
      while hour * 60 < high {
        let segmentLow = max(low, hour * 60)
        let segmentHigh = min(high, hour * 60 + 60)
        let total = hourTotal(index, hour: hour)
        if !total.isZero {
          if width == 1 {
            let weights = cumulativeWeights(index, hour: hour)
            let whole = weights[60]
            var previous = total.share(weights[segmentLow - hour * 60], of: whole)
            for minute in segmentLow..<segmentHigh {
              let next = total.share(weights[minute + 1 - hour * 60], of: whole)
              let value = next - previous
              if !value.isZero { add(minute - origin, value) }
              previous = next
            }
          } else {
            let bucket = width.map { WireTime.floorDiv(segmentLow - origin, $0) } ?? 0
            if segmentHigh - segmentLow == 60 {
              collect(bucket, total)
            } else {
              let weights = cumulativeWeights(index, hour: hour)
              let value =
                total.share(weights[segmentHigh - hour * 60], of: weights[60])
                - total.share(weights[segmentLow - hour * 60], of: weights[60])
              if !value.isZero { collect(bucket, value) }
            }
          }
        }
        hour += 1
      }
    }
  }
}
