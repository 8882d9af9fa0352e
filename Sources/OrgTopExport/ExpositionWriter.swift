/// The Prometheus text exposition format (version 0.0.4), gauges only: `# HELP` and `# TYPE`
/// once per family, then its samples, families in name order and samples sorted, so the same
/// figures always give the same text. Label values and help are escaped as the format asks
/// (backslash, double quote and line feed in values; backslash and line feed in help).
package struct ExpositionWriter {
  private var prefix: String
  private var families: [String: (help: String, samples: [String])] = [:]

  /// A writer whose metric names all start with `prefix`.
  package init(prefix: String) {
    self.prefix = prefix
  }

  /// Adds one gauge sample. A family's help is taken from its first sample.
  package mutating func gauge(
    _ name: String, help: String, labels: [(String, String)], value: Double
  ) {
    let full = prefix + name
    let labelText =
      labels.isEmpty
      ? ""
      : "{" + labels.map { "\($0.0)=\"\(Self.escapeValue($0.1))\"" }.joined(separator: ",") + "}"
    families[full, default: (help, [])].samples.append("\(full)\(labelText) \(Self.number(value))")
  }

  /// The exposition text.
  package var text: String {
    families.keys.sorted().map { name in
      let family = families[name] ?? ("", [])
      let header = "# HELP \(name) \(Self.escapeHelp(family.help))\n# TYPE \(name) gauge\n"
      return header + family.samples.sorted().map { $0 + "\n" }.joined()
    }.joined()
  }

  private static func escapeValue(_ value: String) -> String {
    var result = ""
    for character in value.unicodeScalars {
      switch character {
      case "\\": result += "\\\\"
      case "\"": result += "\\\""
      case "\n": result += "\\n"
      default: result.unicodeScalars.append(character)
      }
    }
    return result
  }

  private static func escapeHelp(_ help: String) -> String {
    help.replacing("\\", with: "\\\\").replacing("\n", with: "\\n")
  }

  /// A float as Go's `ParseFloat` reads it: integers without a fraction, `NaN`, `+Inf`, `-Inf`.
  private static func number(_ value: Double) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
  }
}
