/// An admin key as read from its source. Every textual form (`description`, interpolation,
/// `debugDescription`, `dump`, mirrors) is masked; only ``reveal()`` gives the key, for the
/// HTTP layer.
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
    // Only a prefix of short, public-looking groups (sk, ant, admin01) is shown: a key of
    // another shape shows its tail alone.
    if groups.count >= 4, groups.prefix(3).allSatisfy({ !$0.isEmpty && $0.count <= 8 }) {
      return groups.prefix(3).joined(separator: "-") + "-…" + tail
    }
    return "…" + tail
  }

  /// The masked form, named.
  package var debugDescription: String { "SecretKey(\(description))" }

  /// `dump` and `Mirror` see the masked form only (the default mirror would show the key).
  package var customMirror: Mirror { Mirror(self, children: ["masked": description]) }
}
