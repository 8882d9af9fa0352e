import Foundation
import Yams

/// The configuration file, read and checked: the top-level defaults, the profiles and the
/// default profile, each value with the line it is on.
///
/// Parsed with Yams (the YAML parser of swift-configuration's YAML trait) node by node rather
/// than through swift-configuration's YAML provider, because a user's mistake must be reported
/// with its line, and a misspelled key must be reported rather than ignored: the provider
/// answers lookups and knows neither.
struct SettingsFile {
  /// One value of the file and where it stands.
  struct Entry {
    var value: RawValue
    var line: Int
  }

  /// A scalar or a list of scalars.
  enum RawValue: Equatable {
    case text(String)
    case list([String])
  }

  let path: String
  var defaults: [SettingKey: Entry] = [:]
  var profiles: [String: [SettingKey: Entry]] = [:]
  var defaultProfile: Entry?

  /// Reads and checks the file at `path`.
  init(path: String) throws(SettingsError) {
    self.path = path
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw SettingsError("\(path): cannot be read (\(error.localizedDescription))")
    }
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch {
      throw SettingsError("\(path): not valid YAML: \(Self.describe(error))")
    }
    guard let root else { return }  // an empty file: nothing set
    guard let mapping = root.mapping else {
      throw SettingsError("\(place(root)): expected a mapping of settings, such as `budget: 5000`")
    }
    for (keyNode, value) in mapping {
      let key = keyNode.string ?? ""
      switch key {
      case "default_profile":
        guard let name = value.scalar?.string, !name.isEmpty else {
          throw SettingsError("\(place(value)): default_profile: expected a profile name")
        }
        defaultProfile = Entry(value: .text(name), line: Self.line(of: value))
      case "profiles":
        guard let profileMapping = value.mapping else {
          throw SettingsError(
            "\(place(value)): profiles: expected a mapping of profile names to settings")
        }
        for (nameNode, settings) in profileMapping {
          guard let name = nameNode.string, !name.isEmpty else {
            throw SettingsError("\(place(nameNode)): a profile needs a name")
          }
          guard let settingsMapping = settings.mapping else {
            throw SettingsError(
              "\(place(settings)): profile \(name): expected a mapping of settings")
          }
          profiles[name] = try entries(settingsMapping, context: "profile \(name): ")
        }
      default:
        defaults.merge(try entries([(key: keyNode, value: value)], context: "")) { $1 }
      }
    }
    if let defaultProfile, case .text(let name) = defaultProfile.value, profiles[name] == nil {
      throw SettingsError(
        "\(path) line \(defaultProfile.line): default_profile: no profile '\(name)' "
          + "(profiles: \(profiles.keys.sorted().joined(separator: ", ")))")
    }
  }

  private func entries<S: Sequence>(_ pairs: S, context: String) throws(SettingsError)
    -> [SettingKey: Entry] where S.Element == (key: Node, value: Node)
  {
    var result: [SettingKey: Entry] = [:]
    for (keyNode, value) in pairs {
      let name = keyNode.string ?? ""
      guard let key = SettingKey(rawValue: name) else {
        let known = (["default_profile", "profiles"] + SettingKey.allCases.map(\.rawValue))
        throw SettingsError(
          "\(place(keyNode)): \(context)unknown setting '\(name)' (known: "
            + known.joined(separator: ", ") + ")")
      }
      let line = Self.line(of: value)
      if let scalar = value.scalar {
        result[key] = Entry(value: .text(scalar.string), line: line)
      } else if let sequence = value.sequence, sequence.allSatisfy({ $0.scalar != nil }) {
        result[key] = Entry(value: .list(sequence.compactMap(\.scalar?.string)), line: line)
      } else {
        throw SettingsError("\(place(value)): \(context)\(name): expected a value, not a mapping")
      }
    }
    let sources = [SettingKey.adminKeyEnv, .adminKeyFile, .adminKeyCommand].filter {
      result[$0] != nil
    }
    if sources.count > 1, let line = sources.compactMap({ result[$0]?.line }).max() {
      throw SettingsError(
        "\(path) line \(line): \(context)one key source at a time, not "
          + sources.map(\.rawValue).joined(separator: " and "))
    }
    return result
  }

  /// `file line N` for a node.
  func place(_ node: Node) -> String {
    "\(path) line \(Self.line(of: node))"
  }

  static func line(of node: Node) -> Int {
    node.mark?.line ?? 0
  }

  /// Yams's message without the whole document it quotes.
  private static func describe(_ error: any Error) -> String {
    guard let yaml = error as? YamlError else { return "\(error)" }
    switch yaml {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _):
      let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }
      return "line \(mark.line), column \(mark.column): " + what.joined(separator: ", ")
    default:
      return "\(yaml)"
    }
  }
}
