/// An admin key as read from its source. Every textual form (`description`, interpolation,
/// `dump`, `debugDescription`) is masked; only ``reveal()`` gives the key, for the HTTP layer.
package struct SecretKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible,
  CustomReflectable
{
  private let secret: String

  init(_ secret: String) {
    self.secret = secret
  }

  /// The key itself: hand it to the HTTP client and nothing else.
  package func reveal() -> String { secret }

  /// The well-known prefix (up to the third dash) and the last four characters, e.g.
  /// `sk-ant-admin01-…abcd`; `…` alone for a key too short to show any of it safely.
  package var description: String {
    let characters = Array(secret)
    guard characters.count >= 20 else { return "…" }
    let tail = String(characters.suffix(4))
    let groups = secret.split(separator: "-", omittingEmptySubsequences: false)
    if groups.count >= 4, groups.prefix(3).allSatisfy({ !$0.isEmpty && $0.count <= 8 }) {
      return groups.prefix(3).joined(separator: "-") + "-…" + tail
    }
    return "…" + tail
  }

  package var debugDescription: String { "SecretKey(\(description))" }
  package var customMirror: Mirror { Mirror(self, children: ["masked": description]) }
}

/// Why no key could be read from a source: never the key, never a command's output.
package struct KeySourceError: Error, CustomStringConvertible, Sendable, Equatable {
  package var description: String
  /// The source is the default environment and it is not set: no key was given at all (the
  /// dashboard then shows its demo; a script says so).
  package var isMissing: Bool

  init(_ description: String, isMissing: Bool = false) {
    self.description = description
    self.isMissing = isMissing
  }
}
