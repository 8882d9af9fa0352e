import OrgTopCore

/// Hands out one shared copy of each distinct string it is given.
///
/// An organization's keys repeat a handful of workspace and creator ids thousands of times;
/// decoded as they come, each is its own heap allocation (an id is too long for Swift's inline
/// small strings). Interning them while a list is mapped keeps one copy of each: about 2 MB
/// less resident at 10,000 keys (`scripts/measure-keys.sh`).
struct StringInterner {
  private var known: Set<String> = []

  /// The shared copy of `text`, remembering it if it is new.
  mutating func callAsFunction(_ text: String) -> String {
    if let existing = known.firstIndex(of: text) { return known[existing] }
    known.insert(text)
    return text
  }

  /// The shared copy of an optional string.
  mutating func callAsFunction(_ text: String?) -> String? {
    text.map { self($0) }
  }
}

/// A report row whose ids and model names repeat across rows (one row per key per day, say),
/// and so are worth interning.
protocol InterningRow {
  /// Replaces the row's repeated strings with the interner's shared copies.
  mutating func intern(with interner: inout StringInterner)
}

extension UsageRow: InterningRow {
  mutating func intern(with interner: inout StringInterner) {
    apiKeyID = interner(apiKeyID)
    model = interner(model)
    workspaceID = interner(workspaceID)
  }
}

extension CostRow: InterningRow {
  mutating func intern(with interner: inout StringInterner) {
    apiKeyID = interner(apiKeyID)
    model = interner(model)
    workspaceID = interner(workspaceID)
  }
}
