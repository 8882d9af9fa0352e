import OrgTopCore

/// A horizontal bar with ⅛-cell resolution (`▏▎▍▌▋▊▉█`), empty cells drawn as `·`.
///
/// A fraction over 1 draws a full bar followed by `>100%`, so "over the limit" reads in words;
/// NaN and negative fractions draw an empty bar.
package struct Gauge: Sendable {
  package var fraction: Double
  package var role: TextRole

  package init(fraction: Double, role: TextRole) {
    self.fraction = fraction
    self.role = role
  }

  /// The text drawn after a full bar when the fraction is over 1.
  package static let overText = " >100%"

  /// How a bar of `width` cells shows `fraction`: whole cells and the eighths of the next one
  /// (rounded down, so the bar never shows more than the figure).
  package static func fill(fraction: Double, width: Int) -> (full: Int, eighths: Int) {
    guard width > 0, fraction.isFinite || fraction == .infinity, fraction > 0 else {
      return (0, 0)
    }
    if fraction >= 1 { return (width, 0) }
    let totalEighths = Int((fraction * Double(width * 8)).rounded(.down))
    return (totalEighths / 8, totalEighths % 8)
  }

  /// Draws the bar in `width` columns.
  package func draw(in grid: inout Grid, row: Int, column: Int, width: Int) {
    guard width > 0 else { return }
    let over = fraction > 1 && width > Self.overText.count + 2
    let barWidth = over ? width - Self.overText.count : width
    let (full, eighths) = Self.fill(fraction: fraction, width: barWidth)
    let style = Style(role)
    grid.draw(.bar(eighths: 8), row: row, column: column, count: full, style: style)
    var x = column + full
    if eighths > 0 && x < column + barWidth {
      grid.draw(.bar(eighths: eighths), row: row, column: x, style: style)
      x += 1
    }
    grid.draw(.barEmpty, row: row, column: x, count: column + barWidth - x, style: Style(.dim))
    if over {
      grid.write(
        Self.overText, row: row, column: column + barWidth, width: Self.overText.count,
        style: Style(.danger, .bold))
    }
  }
}
