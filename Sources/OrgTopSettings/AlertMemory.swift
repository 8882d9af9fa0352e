import Foundation
import OrgTopCore

/// The highest threshold level alerted this month for each organization orgtop watches, kept
/// in `$XDG_STATE_HOME/orgtop/alerts.json` (`~/.local/state/orgtop/alerts.json`): a dashboard
/// restarted (by hand, or by a service manager after a crash or a reboot) does not ring or run
/// `on_threshold` again for a crossing it already announced. Holds no key and no figure but the
/// level. A file that cannot be read or written is ignored: the worst case is one alert again.
package struct AlertMemory: Sendable {
  /// The file.
  package let path: String

  /// The memory at its default place for `environment`.
  package init(environment: [String: String]) {
    path = StateDirectory.file("alerts.json", environment: environment)
  }

  /// The name an organization is remembered by: its profile, else its API's address. `nil` for
  /// the demo, whose organization is made up afresh each run.
  package static func name(of configuration: DashboardConfiguration) -> String? {
    guard configuration.mode == .live else { return nil }
    return configuration.activeProfile.map { "profile \($0)" }
      ?? "api \(configuration.sourceLabel)"
  }

  /// What was alerted for `name`, if anything.
  package func level(for name: String) -> AlertedLevel? {
    guard let entry = load()[name], let level = SpendLevel.named(entry.level) else { return nil }
    return AlertedLevel(month: entry.month, level: level)
  }

  /// Remembers that `alert` was announced for `name` (replacing an older month's level).
  package func remember(_ alert: ThresholdAlert, for name: String) {
    var known = load()
    known[name] = Entry(month: alert.month, level: alert.level.name)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    encoder.dateEncodingStrategy = .iso8601
    guard let data = try? encoder.encode(known) else { return }
    let directory = (path as NSString).deletingLastPathComponent
    try? FileManager.default.createDirectory(
      atPath: directory, withIntermediateDirectories: true,
      attributes: [.posixPermissions: 0o700])
    try? data.write(to: URL(fileURLWithPath: path), options: .atomic)
  }

  /// One organization's entry: the month (its first instant, UTC) and the level's name.
  private struct Entry: Codable {
    var month: Date
    var level: String
  }

  private func load() -> [String: Entry] {
    guard let data = FileManager.default.contents(atPath: path) else { return [:] }
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    return (try? decoder.decode([String: Entry].self, from: data)) ?? [:]
  }
}

extension SpendLevel {
  /// The level with this ``name`` (`warning`, `critical`, `over_limit`).
  package static func named(_ name: String) -> SpendLevel? {
    allCases.first { $0 != .normal && $0.name == name }
  }
}
