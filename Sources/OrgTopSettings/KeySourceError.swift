/// Why no key could be read from a source. Never the key, never a command's output: only the
/// source, what went wrong and what to do.
package struct KeySourceError: Error, CustomStringConvertible, Sendable, Equatable {
  /// The whole message.
  package var description: String
  /// No key was given at all: the source is the built-in one (`ANTHROPIC_ADMIN_KEY`) and it
  /// is not set. The dashboard then shows its demo; a script command says so and exits.
  package var isMissing: Bool

  init(_ description: String, isMissing: Bool = false) {
    self.description = description
    self.isMissing = isMissing
  }
}
