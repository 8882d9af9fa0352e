/// Keeps key material out of messages: anything that looks like an Anthropic key is shown
/// masked, whatever field it was typed into by mistake.
enum SecretText {
  /// Whether `text` holds something shaped like an Anthropic key.
  static func looksLikeKey(_ text: String) -> Bool {
    text.contains("sk-ant-")
  }

  /// `text` itself, or `sk-ant-…` when it looks like a key.
  static func masked(_ text: String) -> String {
    looksLikeKey(text) ? "sk-ant-…" : text
  }

  /// A value as a message quotes it after "found": quoted, shortened, and never a key.
  static func found(_ text: String) -> String {
    if looksLikeKey(text) { return "a value that looks like a key (not shown)" }
    if text.isEmpty { return "nothing" }
    let shown = text.count > 60 ? String(text.prefix(57)) + "…" : text
    return "\"\(shown)\""
  }
}
