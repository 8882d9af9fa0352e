/// Token and request counts of some usage: the fields of a usage row, all integers.
package struct UsageCounts: Sendable, Hashable {
  package var uncachedInput = 0
  package var output = 0
  package var cacheRead = 0
  package var cacheWrite5m = 0
  package var cacheWrite1h = 0
  package var webSearchRequests = 0
  package var requests = 0

  package init(
    uncachedInput: Int = 0, output: Int = 0, cacheRead: Int = 0, cacheWrite5m: Int = 0,
    cacheWrite1h: Int = 0, webSearchRequests: Int = 0, requests: Int = 0
  ) {
    self.uncachedInput = uncachedInput
    self.output = output
    self.cacheRead = cacheRead
    self.cacheWrite5m = cacheWrite5m
    self.cacheWrite1h = cacheWrite1h
    self.webSearchRequests = webSearchRequests
    self.requests = requests
  }

  /// What analytics calls `total_tokens`: every token type summed.
  package var totalTokens: Int { uncachedInput + output + cacheRead + cacheWrite5m + cacheWrite1h }

  /// No tokens, no searches and no requests.
  package var isZero: Bool { totalTokens == 0 && webSearchRequests == 0 && requests == 0 }

  /// The count of one token type, by index into ``ModelCatalog/tokenTypes``.
  package func tokens(ofType index: Int) -> Int {
    switch index {
    case 0: return uncachedInput
    case 1: return output
    case 2: return cacheRead
    case 3: return cacheWrite5m
    default: return cacheWrite1h
    }
  }

  package static func + (lhs: UsageCounts, rhs: UsageCounts) -> UsageCounts {
    UsageCounts(
      uncachedInput: lhs.uncachedInput + rhs.uncachedInput, output: lhs.output + rhs.output,
      cacheRead: lhs.cacheRead + rhs.cacheRead, cacheWrite5m: lhs.cacheWrite5m + rhs.cacheWrite5m,
      cacheWrite1h: lhs.cacheWrite1h + rhs.cacheWrite1h,
      webSearchRequests: lhs.webSearchRequests + rhs.webSearchRequests,
      requests: lhs.requests + rhs.requests)
  }

  package static func += (lhs: inout UsageCounts, rhs: UsageCounts) {
    lhs = lhs + rhs
  }

  package static func - (lhs: UsageCounts, rhs: UsageCounts) -> UsageCounts {
    UsageCounts(
      uncachedInput: lhs.uncachedInput - rhs.uncachedInput, output: lhs.output - rhs.output,
      cacheRead: lhs.cacheRead - rhs.cacheRead, cacheWrite5m: lhs.cacheWrite5m - rhs.cacheWrite5m,
      cacheWrite1h: lhs.cacheWrite1h - rhs.cacheWrite1h,
      webSearchRequests: lhs.webSearchRequests - rhs.webSearchRequests,
      requests: lhs.requests - rhs.requests)
  }

  /// Each count times `numerator / denominator`, rounded down: the share of an hour's usage made
  /// in its first minutes. Shares telescope exactly, so minutes always sum to their hour.
  package func share(_ numerator: Int, of denominator: Int) -> UsageCounts {
    UsageCounts(
      uncachedInput: uncachedInput * numerator / denominator,
      output: output * numerator / denominator, cacheRead: cacheRead * numerator / denominator,
      cacheWrite5m: cacheWrite5m * numerator / denominator,
      cacheWrite1h: cacheWrite1h * numerator / denominator,
      webSearchRequests: webSearchRequests * numerator / denominator,
      requests: requests * numerator / denominator)
  }
}
