/// A configuration that cannot be used, said with its place (the file and line, the variable
/// or the flag) and what was expected, e.g. `config.yaml line 7: budget: expected an amount in
/// dollars such as 5000 or 1250.50, found "lots"`.
package struct SettingsError: Error, CustomStringConvertible, Sendable, Equatable {
  /// The whole message.
  package var description: String

  /// An error with its message.
  package init(_ description: String) { self.description = description }
}
