import Configuration

/// Reads the admin key from its source (docs/config.md, "Key sources") and refuses what is not
/// an Admin key. Its errors name the source and the remedy, never the key or a command's
/// output.
package enum KeyResolver {
  /// The key from `source`: the first set variable, the first line of the file, or the first
  /// line of the command's output within `timeout`.
  package static func resolve(
    _ source: KeySource, environment: [String: String], timeout: Duration = .seconds(10)
  ) async throws(KeySourceError) -> SecretKey {
    let key: String
    let origin: String
    switch source {
    case .environment(let names):
      (key, origin) = try fromEnvironment(names, environment, isStandard: source == .standard)
    case .file(let path):
      key = try KeyFile.firstLine(of: path)
      origin = "admin_key_file \(path)"
    case .command(let argv):
      key = try await KeyCommand.firstLine(of: argv, timeout: timeout)
      origin = "the output of \(source)"
    }
    try AdminKeyShape.check(key, from: origin)
    return SecretKey(key)
  }

  /// The first variable of `names` that is set and not blank. It is read through
  /// swift-configuration's environment provider with every variable marked secret, so that
  /// nothing holding it ever describes the value.
  private static func fromEnvironment(
    _ names: [String], _ environment: [String: String], isStandard: Bool
  ) throws(KeySourceError) -> (key: String, name: String) {
    let provider = EnvironmentVariablesProvider(
      environmentVariables: environment.filter { names.contains($0.key) },
      secretsSpecifier: .all)
    for name in names {
      guard let value = try? provider.environmentValue(forName: name) else { continue }
      let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
      if !trimmed.isEmpty { return (trimmed, name) }
    }
    let others = names.dropFirst()
    let nor = others.isEmpty ? "" : " (nor \(others.joined(separator: ", ")))"
    throw KeySourceError(
      "no admin key: \(names.first ?? "the variable") is not set\(nor)", isMissing: isStandard)
  }
}
