import Foundation
import Yams

/// The configuration file, read and checked whole: the top-level defaults, the profiles and
/// the default profile, every value with its line.
///
/// The values are looked up through swift-configuration's YAML snapshot of the same bytes
/// (``YAMLFileProvider``); this walk over Yams's nodes comes first because the snapshot knows
/// neither lines nor which keys exist: a mistake must be reported with its line, and a
/// misspelled key reported rather than silently ignored.
struct SettingsFile {
  /// One value of the file and the line it is on.
  struct Entry: Equatable {
    var value: RawSetting
    var line: Int
  }

  /// The file's path as given (messages name it).
  let path: String
  /// The bytes read, which the YAML snapshot is built from.
  let data: Data
  /// Whether the file holds no document at all (empty, or only comments).
  private(set) var isEmpty = true
  /// The top-level settings: every profile's defaults.
  private(set) var defaults: [SettingKey: Entry] = [:]
  /// Each profile's settings.
  private(set) var profiles: [String: [SettingKey: Entry]] = [:]
  /// The profile used when none is asked for, with its line.
  private(set) var defaultProfile: (name: String, line: Int)?

  /// Reads and checks the file at `path`; `nil` when there is no file there.
  static func read(path: String) throws(SettingsError) -> SettingsFile? {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      return nil
    }
    guard !isDirectory.boolValue else {
      throw SettingsError("\(path): is a directory, not a configuration file")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw SettingsError("\(path): cannot be read (check its permissions)")
    }
    return try SettingsFile(path: path, data: data)
  }

  /// Checks `data`, the contents of the file at `path`.
  init(path: String, data: Data) throws(SettingsError) {
    self.path = path
    self.data = data
    guard let text = String(data: data, encoding: .utf8) else {
      throw SettingsError("\(path): is not UTF-8 text")
    }
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch {
      throw SettingsError(Self.describe(error, path: path))
    }
    guard let root, !Self.isNull(root) else { return }
    isEmpty = false
    guard let mapping = root.mapping else {
      throw SettingsError(
        "\(place(root)): expected a mapping of settings such as `budget: 5000`, "
          + "found \(Self.kind(of: root))")
    }
    var topLevel: [(key: Node, value: Node)] = []
    for (keyNode, value) in mapping {
      switch keyNode.string {
      case "default_profile":
        guard let name = value.scalar?.string, !name.isEmpty, !Self.isNull(value) else {
          throw SettingsError("\(place(value)): default_profile: expected a profile name")
        }
        defaultProfile = (name, Self.line(of: value))
      case "profiles":
        try readProfiles(value)
      default:
        topLevel.append((keyNode, value))
      }
    }
    defaults = try entries(topLevel, known: SettingKey.topLevelOnly)
    if let (name, line) = defaultProfile, profiles[name] == nil {
      throw SettingsError(
        "\(path) line \(line): default_profile: \(Self.noProfile(name, in: path, profiles))")
    }
  }

  /// `no profile 'x' in FILE (profiles: a, b)`, the same for every way of naming one.
  static func noProfile(_ name: String, in path: String, _ profiles: [String: some Any])
    -> String
  {
    let names = profiles.keys.sorted()
    let list = names.isEmpty ? "it has none" : "profiles: " + names.joined(separator: ", ")
    return "no profile '\(name)' in \(path) (\(list))"
  }

  private mutating func readProfiles(_ value: Node) throws(SettingsError) {
    if Self.isNull(value) { return }  // `profiles:` with none under it yet
    guard let mapping = value.mapping else {
      throw SettingsError(
        "\(place(value)): profiles: expected a mapping of profile names to their settings, "
          + "found \(Self.kind(of: value))")
    }
    for (nameNode, settings) in mapping {
      guard let name = nameNode.scalar?.string, !name.isEmpty else {
        throw SettingsError("\(place(nameNode)): profiles: expected a profile name")
      }
      if Self.isNull(settings) {
        profiles[name] = [:]  // a profile of defaults only
        continue
      }
      guard let settingsMapping = settings.mapping else {
        throw SettingsError(
          "\(place(settings)): profile \(name): expected a mapping of settings, "
            + "found \(Self.kind(of: settings))")
      }
      profiles[name] = try entries(Array(settingsMapping), known: [])
    }
  }

  /// The settings of one mapping (the top level or a profile), each checked.
  private func entries(_ pairs: [(key: Node, value: Node)], known extra: [String])
    throws(SettingsError) -> [SettingKey: Entry]
  {
    var result: [SettingKey: Entry] = [:]
    for (keyNode, value) in pairs {
      let name = keyNode.scalar?.string ?? ""
      guard let key = SettingKey(rawValue: name) else {
        let known = (extra + SettingKey.allCases.map(\.rawValue)).joined(separator: ", ")
        throw SettingsError(
          "\(place(keyNode)): unknown setting '\(SecretText.masked(name))' (known: \(known))")
      }
      let raw = try rawValue(key, value)
      if let problem = SettingValues.problem(key, raw) {
        throw SettingsError("\(place(value)): \(problem)")
      }
      if key.isKeySource,
        let other = SettingKey.keySources.first(where: { result[$0] != nil })
      {
        throw SettingsError(
          "\(place(keyNode)): \(key.rawValue): one key source at a time, and "
            + "\(other.rawValue) is already given on line \(result[other]?.line ?? 0)")
      }
      result[key] = Entry(value: raw, line: Self.line(of: value))
    }
    if let warn = result[.warn], let critical = result[.critical],
      case .text(let warnText) = warn.value, case .text(let criticalText) = critical.value,
      let warnValue = SettingValues.fraction(warnText),
      let criticalValue = SettingValues.fraction(criticalText), warnValue > criticalValue
    {
      throw SettingsError(
        "\(path) line \(warn.line): warn: \(warnText) is above critical \(criticalText) "
          + "(line \(critical.line)): warn must be at most critical")
    }
    return result
  }

  /// A value as text or a list of texts; a mapping, or a list holding one, is not a setting.
  private func rawValue(_ key: SettingKey, _ value: Node) throws(SettingsError) -> RawSetting {
    if let scalar = value.scalar {
      return .text(Self.isNull(value) ? "" : scalar.string)
    }
    if let sequence = value.sequence, sequence.allSatisfy({ $0.scalar != nil }) {
      return .list(sequence.compactMap { $0.scalar?.string })
    }
    throw SettingsError(
      "\(place(value)): \(key.rawValue): expected \(SettingValues.expectation(key)), "
        + "found \(Self.kind(of: value))")
  }

  /// `FILE line N` for a node.
  private func place(_ node: Node) -> String {
    "\(path) line \(Self.line(of: node))"
  }

  static func line(of node: Node) -> Int {
    node.mark?.line ?? 0
  }

  /// An empty value (`budget:`), `~` or `null`.
  private static func isNull(_ node: Node) -> Bool {
    guard let scalar = node.scalar else { return false }
    return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
  }

  private static func kind(of node: Node) -> String {
    switch node {
    case .mapping: "a mapping"
    case .sequence: "a list"
    case .scalar(let scalar): isNull(node) ? "nothing" : SecretText.found(scalar.string)
    case .alias: "an alias"
    }
  }

  /// Yams's complaint with its place, without the document it quotes (Yams's own description
  /// repeats the text around the mark, and the duplicate-key error the whole file).
  private static func describe(_ error: any Error, path: String) -> String {
    guard let yaml = error as? YamlError else { return "\(path): not valid YAML" }
    switch yaml {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }
      return "\(path) line \(mark.line), column \(mark.column): not valid YAML: "
        + what.joined(separator: ", ")
    case .duplicatedKeysInMapping(let duplicates, let context):
      let names = duplicates.map { "'\(SecretText.masked($0))'" }.joined(separator: ", ")
      return "\(path) line \(context.mark.line): \(names) given more than once in one mapping"
    case .reader(let problem, _, _, _):
      return "\(path): not valid YAML: \(problem)"
    default:
      return "\(path): not valid YAML"
    }
  }
}
