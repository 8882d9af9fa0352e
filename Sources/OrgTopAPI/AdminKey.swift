import Foundation

/// An Anthropic Admin API key. The secret is only readable by the HTTP layer; every textual
/// form of the value (`description`, `debugDescription`, `dump`, string interpolation) is the
/// masked form, so the key cannot reach a log, an error message or the screen by accident.
package struct AdminKey: Sendable, Hashable {
  /// The environment variables read, in order (admin-api.md §1.2). Never read from argv.
  package static let environmentVariables = ["ANTHROPIC_ADMIN_KEY", "ANTHROPIC_ADMIN_API_KEY"]

  /// The secret; internal so that only this module's request builder sends it.
  let secret: String

  /// Wraps a key; `nil` when it is empty after trimming or holds characters that cannot go in
  /// an HTTP header (controls, spaces, non-ASCII).
  package init?(_ raw: String) {
    let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty, trimmed.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
      return nil
    }
    secret = trimmed
  }

  /// Reads the key from `ANTHROPIC_ADMIN_KEY`, falling back to `ANTHROPIC_ADMIN_API_KEY`. A
  /// variable that is empty or only whitespace counts as absent.
  package static func fromEnvironment(
    _ environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(AdminKeyError) -> AdminKey {
    for name in environmentVariables {
      guard let raw = environment[name],
        !raw.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
      else { continue }
      guard let key = AdminKey(raw) else { throw .invalid(variable: name) }
      return key
    }
    throw .missing
  }

  /// The masked form: the well-known prefix (up to the third dash) and the last four
  /// characters, e.g. `sk-ant-admin01-…abcd`. Short or oddly shaped keys show less.
  package var masked: String {
    let characters = Array(secret)
    guard characters.count >= 20 else { return "…" }
    let tail = String(characters.suffix(4))
    let groups = secret.split(separator: "-", omittingEmptySubsequences: false)
    // Only a prefix made of short, public-looking groups (sk, ant, admin01) is shown.
    if groups.count >= 4, groups.prefix(3).allSatisfy({ !$0.isEmpty && $0.count <= 8 }) {
      return groups.prefix(3).joined(separator: "-") + "-…" + tail
    }
    return "…" + tail
  }
}

extension AdminKey: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
  package var description: String { masked }
  package var debugDescription: String { "AdminKey(\(masked))" }
  package var customMirror: Mirror { Mirror(self, children: ["masked": masked]) }
}

/// Why no usable admin key was found. The messages name the variables, never the value.
package enum AdminKeyError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Neither variable is set (or both are empty).
  case missing
  /// The variable is set but its value cannot be an API key.
  case invalid(variable: String)

  package var description: String {
    switch self {
    case .missing:
      "No admin key: set ANTHROPIC_ADMIN_KEY to an Admin API key (sk-ant-admin01-…), "
        + "created in Console → Settings → Admin keys; or run the demo, which needs none"
    case .invalid(let variable):
      "\(variable) does not look like an API key (it contains spaces or control characters)"
    }
  }
}
