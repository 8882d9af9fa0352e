import Foundation
import OrgTopCore
import OrgTopSettings

/// The last figures seen for each profile (organization, month-to-date spend, limit), kept in
/// `$XDG_STATE_HOME/orgtop/profiles.json` (`~/.local/state/orgtop/profiles.json`) so the
/// dashboard's profile picker can show them before switching. Holds no key. A file that cannot
/// be read or written is ignored: it is a convenience, never a reason to fail.
struct ProfileMemory {
  let path: String

  /// The memory at its default place for `environment`.
  init(environment: [String: String]) {
    path = StateDirectory.file("profiles.json", environment: environment)
  }

  /// The summaries of `profiles`, in that order, with what is remembered of each.
  func summaries(of profiles: [String]) -> [ProfileSummary] {
    let known = load()
    return profiles.map { known[$0] ?? ProfileSummary(name: $0) }
  }

  /// Remembers `summary` (replacing what was known of that profile).
  func remember(_ summary: ProfileSummary) {
    guard summary.organization != nil else { return }
    var known = load()
    known[summary.name] = summary
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

  private func load() -> [String: ProfileSummary] {
    guard let data = FileManager.default.contents(atPath: path) else { return [:] }
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    return (try? decoder.decode([String: ProfileSummary].self, from: data)) ?? [:]
  }
}
