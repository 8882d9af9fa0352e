import Foundation
import OrgTopCore
import OrgTopUI
import Testing

/// Compares a rendered grid with its golden files under `Goldens/`: `<name>.txt` holds the
/// characters, `<name>.style.txt` a legend and one symbol per cell naming its style.
///
/// Set `ORGTOP_RECORD_GOLDENS=1` to (re)write the files; a recording run fails on purpose, so
/// every re-record is looked at and reviewed before it is committed.
enum GoldenFile {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Goldens")

  static var isRecording: Bool {
    ProcessInfo.processInfo.environment["ORGTOP_RECORD_GOLDENS"] == "1"
  }

  /// The grid's text, trailing spaces removed from each line.
  static func text(of grid: Grid) -> String {
    grid.lines.map { trimTrailingSpaces($0) }.joined(separator: "\n") + "\n"
  }

  /// A legend of the styles used (in order of first appearance) and one symbol per cell;
  /// the plain style is a space. A wide character's two cells share its symbol.
  static func styleMap(of grid: Grid) -> String {
    let symbols = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    var assigned: [Style: Character] = [.normal: " "]
    var legend: [String] = []
    var rows: [String] = []
    for row in 0..<grid.rows {
      var line = ""
      var previous: Character = " "
      for column in 0..<grid.columns {
        let cell = grid[row, column]
        if cell.isContinuation {
          line.append(previous)
          continue
        }
        let symbol: Character
        if let known = assigned[cell.style] {
          symbol = known
        } else {
          symbol = legend.count < symbols.count ? symbols[legend.count] : "#"
          assigned[cell.style] = symbol
          legend.append("\(symbol) = \(describe(cell.style))")
        }
        line.append(symbol)
        previous = symbol
      }
      rows.append(trimTrailingSpaces(line))
    }
    let header =
      ["size \(grid.columns)x\(grid.rows)", "  (space) = normal"] + legend.map { "  \($0)" }
    return (header + ["---"] + rows).joined(separator: "\n") + "\n"
  }

  static func describe(_ style: Style) -> String {
    var parts = ["\(style.role)"]
    if style.attributes.contains(.bold) { parts.append("bold") }
    if style.attributes.contains(.dim) { parts.append("dim") }
    if style.attributes.contains(.reverse) { parts.append("reverse") }
    if style.attributes.contains(.underline) { parts.append("underline") }
    return parts.joined(separator: "+")
  }

  private static func trimTrailingSpaces(_ line: String) -> String {
    var result = line
    while result.last == " " { result.removeLast() }
    return result
  }

  /// Checks (or, when recording, writes) the golden pair for `grid`.
  static func verify(
    _ grid: Grid, named name: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let files = [
      (directory.appendingPathComponent("\(name).txt"), text(of: grid)),
      (directory.appendingPathComponent("\(name).style.txt"), styleMap(of: grid)),
    ]
    if isRecording {
      do {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (url, content) in files {
          try content.write(to: url, atomically: true, encoding: .utf8)
        }
      } catch {
        Issue.record("could not record \(name): \(error)", sourceLocation: sourceLocation)
      }
      Issue.record(
        "recorded golden \(name); review the files and run again without ORGTOP_RECORD_GOLDENS",
        sourceLocation: sourceLocation)
      return
    }
    for (url, actual) in files {
      guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record(
          "missing golden \(url.lastPathComponent); record with ORGTOP_RECORD_GOLDENS=1",
          sourceLocation: sourceLocation)
        continue
      }
      if expected != actual {
        Issue.record(
          "\(url.lastPathComponent) differs:\n\(firstDifference(expected, actual))\n\nactual:\n\(actual)",
          sourceLocation: sourceLocation)
      }
    }
  }

  private static func firstDifference(_ expected: String, _ actual: String) -> String {
    let left = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let right = actual.split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(left.count, right.count) {
      let lhs = index < left.count ? String(left[index]) : "<none>"
      let rhs = index < right.count ? String(right[index]) : "<none>"
      if lhs != rhs { return "line \(index + 1):\n- \(lhs)\n+ \(rhs)" }
    }
    return "(no line differs)"
  }
}
