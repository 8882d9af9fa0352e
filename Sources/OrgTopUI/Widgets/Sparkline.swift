import OrgTopCore

/// A small chart of a series, newest value on the right, scaled so the largest value fills
/// the chart's height (`▁▂▃▄▅▆▇█`, stacked when taller than one row).
///
/// Safe on any data: NaN, infinities and negative values draw as empty (0) and do not affect
/// the scale; an empty or all-zero series draws an empty chart.
package struct Sparkline: Sendable {
  package var values: [Double]
  package var role: TextRole

  package init(values: [Double], role: TextRole = .accent) {
    self.values = values
    self.role = role
  }

  /// The most columns one value is stretched over when the series is shorter than the chart.
  package static let maxColumnsPerValue = 4

  /// Heights in eighths of a row (0...8 × `height`) for the last `width` values, right-aligned.
  /// A short series is stretched: each value takes `width / count` columns (at most
  /// ``maxColumnsPerValue``). Any positive value gets at least one eighth, so small but
  /// non-zero shows.
  package static func levels(values: [Double], width: Int, height: Int) -> [Int] {
    guard width > 0, height > 0 else { return [] }
    let shown = values.suffix(width)
    let stretch = shown.isEmpty ? 1 : min(maxColumnsPerValue, max(1, width / shown.count))
    let top = shown.reduce(0.0) { $1.isFinite && $1 > $0 ? $1 : $0 }
    let steps = 8 * height
    var result = Array(repeating: 0, count: width - shown.count * stretch)
    for value in shown {
      var level = 0
      if top > 0, value.isFinite, value > 0 {
        level = min(steps, max(1, Int((value / top * Double(steps)).rounded(.up))))
      }
      result.append(contentsOf: repeatElement(level, count: stretch))
    }
    return result
  }

  /// Draws the chart filling `rect`.
  package func draw(in grid: inout Grid, rect: Rect) {
    guard !rect.isEmpty else { return }
    let levels = Self.levels(values: values, width: rect.width, height: rect.height)
    let style = Style(role)
    for (offset, level) in levels.enumerated() {
      for line in 0..<rect.height {
        let eighths = min(8, max(0, level - 8 * line))
        grid.draw(
          .level(eighths: eighths), row: rect.maxY - 1 - line, column: rect.x + offset,
          style: style)
      }
    }
  }
}
