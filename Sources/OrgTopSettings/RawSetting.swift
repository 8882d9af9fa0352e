/// A setting's value as the file or a variable gives it, before parsing.
enum RawSetting: Equatable, Sendable {
  /// A scalar (YAML's text of it: `1250.50` stays `"1250.50"`).
  case text(String)
  /// A list of scalars.
  case list([String])
}
