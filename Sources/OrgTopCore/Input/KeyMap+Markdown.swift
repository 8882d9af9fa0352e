extension KeyMap {
  /// The key bindings as a Markdown table for the README (a test keeps the README in step):
  /// the view's keys and the filter's (the help overlay's sections), then each mode's own.
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
    let modes: [(String, [ContextBinding])] = [
      ("in the profile picker", profilePickerBindings),
      ("confirming a key change", confirmationBindings(typesText: false)),
      ("typing a key's name to confirm", confirmationBindings(typesText: true)),
    ]
    for (scope, table) in modes {
      for binding in table {
        let keys = binding.label.split(separator: "/").map { "`\($0)`" }.joined(separator: " ")
        lines.append("| \(keys) | \(binding.help) (\(scope)) |")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
