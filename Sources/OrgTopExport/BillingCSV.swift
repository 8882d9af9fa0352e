import CSV
import Foundation
import OrgTopCore

/// The billing export of a snapshot: one row per key × model month to date, then one row per
/// workspace × model for the usage with no key, with a header row. RFC 4180: comma-separated,
/// CRLF line ends, a field quoted when it holds a comma, quote or line break (quotes doubled),
/// so any key name, however hostile, reads back as it was.
package enum BillingCSV {
  /// The header row, in column order.
  package static let header = [
    "key_id", "key_name", "workspace_id", "workspace_name", "model", "uncached_input_tokens",
    "cache_creation_tokens", "cache_read_tokens", "output_tokens", "total_tokens", "cost_usd",
  ]

  /// The CSV text of `snapshot`. Empty fields: no key (usage with no key), or a cost the
  /// reports cannot give (per-key cost with the legacy reports).
  package static func render(_ snapshot: OrgSnapshot) throws -> String {
    let stream = OutputStream(toMemory: ())
    let writer = try CSVWriter(stream: stream, newline: .crlf)
    try writer.write(row: header)
    for key in snapshot.keys ?? [] {
      for model in key.byModel {
        try writer.write(
          row: [key.id, key.name, key.workspaceID ?? "", key.workspaceName ?? "", model.model]
            + tokenFields(model.tokens) + [model.costUSD?.description ?? ""])
      }
    }
    for usage in snapshot.noKeyUsage ?? [] {
      try writer.write(
        row: ["", "", usage.workspaceID, usage.workspaceName, usage.model]
          + tokenFields(usage.tokens) + [usage.costUSD?.description ?? ""])
    }
    writer.stream.close()
    guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
      return ""
    }
    return String(decoding: data, as: UTF8.self) + "\r\n"
  }

  private static func tokenFields(_ tokens: OrgSnapshot.Tokens?) -> [String] {
    guard let tokens else { return ["", "", "", "", ""] }
    return [
      tokens.uncachedInput, tokens.cacheCreation, tokens.cacheRead, tokens.output, tokens.total,
    ]
    .map(String.init)
  }
}
