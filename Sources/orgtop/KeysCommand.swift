import ArgumentParser
import Foundation
import OrgTopCore

/// `orgtop keys`: every API key once, for scripts (the headless twin of the key table), with
/// the table's figures and in the table's order: the same derivation as the screen.
struct KeysCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "keys",
    abstract: "List every API key once, with its month-to-date figures (text or --json).",
    discussion: """
      Columns: id, status, workspace, created (UTC), last active (UTC day, "-" with no usage \
      in 30 days), creator, tokens this month, cost this month in dollars ("-" where the \
      reports cannot split cost by key), name. Sorted as the dashboard's key table: by cost, \
      highest first. Control characters in text are shown escaped; JSON escapes them as JSON \
      does. --json writes {"schema_version": 1, "api_keys": [...]}, each key as in \
      `orgtop snapshot` (docs/snapshot.md).

      Exit status as `orgtop snapshot`: 0, 3 (a resource could not be read), 4 (401/403 or \
      no key). Needs ANTHROPIC_ADMIN_KEY, or --demo.
      """)

  @OptionGroup var options: ScriptOptions

  @Flag(help: "Print a JSON document (schema version 1) instead of text.")
  var json = false

  func run() async throws {
    let read = try await OneShotRead.performOrExit(options, settings: try options.settings())
    let snapshot = read.snapshot
    guard let keys = snapshot.keys else { return try read.exitUnlessEverythingWasRead() }
    FileHandle.standardOutput.write(Data((json ? try Self.json(keys) : Self.text(keys)).utf8))
    try read.exitUnlessEverythingWasRead()
  }

  private static func text(_ keys: [OrgSnapshot.Key]) -> String {
    keys.map { key in
      [
        key.id, key.status, escaped(key.workspaceName ?? "(organization)"),
        RFC3339.format(key.createdAt),
        key.lastActive.map(Format.isoDate) ?? "-",
        escaped(key.createdBy?.name ?? key.createdBy?.id ?? "-"),
        key.tokens.map { String($0.total) } ?? "-", key.costUSD?.description ?? "-",
        escaped(key.name),
      ].joined(separator: "\t") + "\n"
    }.joined()
  }

  /// The JSON document: the keys as the snapshot writes them.
  private struct Document: Encodable {
    var schemaVersion = 1
    var apiKeys: [OrgSnapshot.Key]

    enum CodingKeys: String, CodingKey {
      case schemaVersion = "schema_version"
      case apiKeys = "api_keys"
    }
  }

  private static func json(_ keys: [OrgSnapshot.Key]) throws -> String {
    String(decoding: try OrgSnapshot.jsonEncoder().encode(Document(apiKeys: keys)), as: UTF8.self)
      + "\n"
  }

  /// Control characters, tabs and newlines as visible escapes, so a hostile name can neither
  /// drive the terminal nor break the columns.
  private static func escaped(_ name: String) -> String {
    name.unicodeScalars.map { scalar in
      switch scalar.value {
      case 0x20..<0x7F, 0xA0...: String(scalar)
      default: "\\u{\(String(scalar.value, radix: 16))}"
      }
    }.joined()
  }
}
