extension KeyMap {
  /// The key bindings as a Markdown table for the README (a test keeps the README in step).
  package static func markdownTable() -> String {
    var lines = ["| Key | Action |", "|---|---|"]
    for section in helpSections {
      for hint in section.hints {
        // "/" is itself a key; other labels list alternatives separated by "/".
        let parts = hint.keys == "/" ? ["/"] : hint.keys.split(separator: "/").map(String.init)
        let keys = parts.map { "`\($0)`" }.joined(separator: " ")
        let scope = section.title == filterEditing ? " (while typing a filter)" : ""
        lines.append("| \(keys) | \(hint.action)\(scope) |")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
