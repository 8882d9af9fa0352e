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
