import ArgumentParser
import Foundation
import OrgTopCore

/// `orgtop keys`: every API key of the organization, once, for scripts (the headless twin of
/// the key table). Tab-separated text by default, JSON with `--json`.
struct KeysCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "keys",
    abstract: "List every API key once (tab-separated, or --json) and exit.",
    discussion: """
      Columns: id, status, workspace id, created at (UTC), name. Reads the organization of
      ANTHROPIC_ADMIN_KEY, or the demo simulator without one. Control characters in names are
      shown escaped in text output; JSON escapes them as JSON does.
      """)

  @OptionGroup var options: ConnectionOptions

  @Flag(help: "Print a JSON document (schema version 1) instead of text.")
  var json = false

  func run() async throws {
    let connection: Connection
    do {
      connection = try await Connection.open(baseURL: options.baseURL, demo: options.demo)
    } catch {
      FileHandle.standardError.write(Data("orgtop: \(error)\n".utf8))
      throw ExitCode(78)
    }
    let result: Result<[APIKey], FetchFailure>
    do {
      result = .success(try await connection.source.apiKeys())
    } catch let failure as FetchFailure {
      result = .failure(failure)
    }
    await connection.close()
    switch result {
    case .success(let list):
      let sorted = list.sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }
      FileHandle.standardOutput.write(Data((json ? Self.json(sorted) : Self.text(sorted)).utf8))
    case .failure(let failure):
      FileHandle.standardError.write(
        Data("orgtop: \(failure.message)\norgtop: \(failure.remedy)\n".utf8))
      throw ExitCode(1)
    }
  }

  private static func text(_ keys: [APIKey]) -> String {
    keys.map { key in
      [
        key.id, key.status.wire, key.workspaceID ?? "-", RFC3339.string(key.createdAt),
        escaped(key.name),
      ].joined(separator: "\t") + "\n"
    }.joined()
  }

  private static func json(_ keys: [APIKey]) -> String {
    let rows: [[String: Any]] = keys.map { key in
      [
        "id": key.id, "name": key.name, "status": key.status.wire,
        "workspace_id": key.workspaceID ?? NSNull(), "created_at": RFC3339.string(key.createdAt),
        "expires_at": key.expiresAt.map(RFC3339.string) ?? NSNull(),
      ]
    }
    let document: [String: Any] = ["schema_version": 1, "api_keys": rows]
    let data =
      (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])) ?? Data()
    return String(decoding: data, as: UTF8.self) + "\n"
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

/// UTC timestamps with a `Z`, for the command-line output.
enum RFC3339 {
  static func string(_ date: Date) -> String {
    date.formatted(.iso8601)
  }
}
