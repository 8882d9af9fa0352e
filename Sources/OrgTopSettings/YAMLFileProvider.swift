import Configuration
import Foundation

/// The configuration file as a swift-configuration provider: its YAML snapshot (the YAML
/// trait) of the bytes ``SettingsFile`` checked.
///
/// Not `FileProvider<YAMLSnapshot>`: that one reads the file again, asynchronously, while the
/// loader is synchronous (commands load their settings before anything else runs) and already
/// holds the bytes it checked line by line; reading them twice could also see two versions of
/// a file being edited.
struct YAMLFileProvider: ConfigProvider {
  private let yaml: YAMLSnapshot

  /// The snapshot of `data`. The key sources are marked secret: a command's arguments or a
  /// file's path are not the key, but they say where it is, and access logs have no need of
  /// them.
  init(data: Data, name: String) throws {
    yaml = try YAMLSnapshot(
      data: data.bytes, providerName: name,
      parsingOptions: .init(
        secretsSpecifier: .dynamic { key, _ in
          SettingKey.keySources.contains { key.hasSuffix($0.rawValue) }
        }))
  }

  var providerName: String { yaml.providerName }

  func value(forKey key: AbsoluteConfigKey, type: ConfigType) throws -> LookupResult {
    try yaml.value(forKey: key, type: type)
  }

  // swift-configuration is built with NonisolatedNonsendingByDefault: its async requirements
  // run on the caller's executor, so the witnesses must say the same.
  nonisolated(nonsending) func fetchValue(forKey key: AbsoluteConfigKey, type: ConfigType)
    async throws -> LookupResult
  {
    try value(forKey: key, type: type)
  }

  nonisolated(nonsending) func watchValue<Return: ~Copyable>(
    forKey key: AbsoluteConfigKey,
    type: ConfigType,
    updatesHandler:
      nonisolated(nonsending) (
        _ updates: ConfigUpdatesAsyncSequence<Result<LookupResult, any Error>, Never>
      ) async throws -> Return
  ) async throws -> Return {
    try await watchValueFromValue(forKey: key, type: type, updatesHandler: updatesHandler)
  }

  func snapshot() -> any ConfigSnapshot { yaml }

  nonisolated(nonsending) func watchSnapshot<Return: ~Copyable>(
    updatesHandler:
      nonisolated(nonsending) (
        _ updates: ConfigUpdatesAsyncSequence<any ConfigSnapshot, Never>
      ) async throws -> Return
  ) async throws -> Return {
    try await watchSnapshotFromSnapshot(updatesHandler: updatesHandler)
  }
}
