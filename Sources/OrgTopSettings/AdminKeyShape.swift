/// What an Admin key looks like, and what a key that is not one looks like instead: the usual
/// mistake is an ordinary API key, which the Admin API refuses with a bare 401.
enum AdminKeyShape {
  /// The prefix every Admin key has.
  static let prefix = "sk-ant-admin"

  /// Passes an Admin key; refuses anything else, saying which kind it looks like.
  static func check(_ key: String, from origin: String) throws(KeySourceError) {
    guard key.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
      throw KeySourceError(
        "the key in \(origin) contains spaces or control characters, which no Admin key has")
    }
    if key.hasPrefix(prefix) { return }
    throw KeySourceError(
      "the key in \(origin) looks like \(kind(of: key)), not an Admin key (sk-ant-admin…): "
        + "create one at console.anthropic.com/settings/admin-keys")
  }

  /// The kind of key `key` looks like, by its public prefix only.
  static func kind(of key: String) -> String {
    if key.hasPrefix("sk-ant-api") { return "an ordinary API key (sk-ant-api…)" }
    if key.hasPrefix("sk-ant-oat") {
      return "an OAuth token of a Claude subscription (sk-ant-oat…)"
    }
    if key.hasPrefix("sk-ant-") { return "another kind of Anthropic key (sk-ant-…)" }
    if key.hasPrefix("sk-") { return "another vendor's API key (sk-…)" }
    return "no Anthropic key at all"
  }
}
