/// Where the admin key comes from. Never the key itself: the configuration names a source,
/// and only ``KeyResolver`` reads the key from it.
package enum KeySource: Sendable, Hashable, CustomStringConvertible {
  /// The first of these environment variables that is set and not empty.
  case environment([String])
  /// The first line of a file that only its owner can read.
  case file(String)
  /// The first line of a command's standard output; argv, run without a shell.
  case command([String])

  /// The built-in source: `ANTHROPIC_ADMIN_KEY`, then `ANTHROPIC_ADMIN_API_KEY`.
  package static let standard = KeySource.environment([
    "ANTHROPIC_ADMIN_KEY", "ANTHROPIC_ADMIN_API_KEY",
  ])

  /// Names the source, never a key: an argument of the command that looks like a key (a
  /// mistake, or `echo sk-ant-…` in a test) is masked.
  package var description: String {
    switch self {
    case .environment(let names):
      names.joined(separator: " or ")
    case .file(let path):
      "admin_key_file \(path)"
    case .command(let argv):
      "admin_key_command `\(argv.map(SecretText.masked).joined(separator: " "))`"
    }
  }
}
