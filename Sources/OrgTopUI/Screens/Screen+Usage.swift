import OrgTopCore

extension Screen {
  /// The usage pane. Priority when short of rows: the gauge and its label, the figures, the
  /// UTC footnote (the window must always be labelled), then sparklines: one line each
  /// (`title chart caption`) when rows are scarce, otherwise a caption line over a chart up to
  /// four rows tall.
  static func drawUsage(_ usage: UsageViewModel, focused: Bool, rect: Rect, in grid: inout Grid) {
    let inner = Panel(title: usage.title, focused: focused, warning: staleText(usage.condition))
      .draw(in: &grid, rect: rect)
    guard !inner.isEmpty, drawCondition(usage.condition, rect: inner, in: &grid) else { return }
    var area = inner.inset(horizontal: 1)
    guard !area.isEmpty else { return }
    let essential = (usage.gauge == nil ? 0 : 2) + usage.rows.count
    let hasFootnote = !usage.footnote.isEmpty && area.height > essential
    if hasFootnote {
      grid.write(
        usage.footnote, row: area.maxY - 1, column: area.x, width: area.width,
        style: Style(.dim))
      area = area.splitBottom(1).0
    }
    var spare = area.height - essential
    if let gauge = usage.gauge, area.height > 0 {
      Gauge(fraction: gauge.fraction, role: gauge.role).draw(
        in: &grid, row: area.y, column: area.x, width: area.width)
      let labelStyle = gauge.role == .normal ? Style(.normal) : Style(gauge.role, .bold)
      if area.height > 1 {
        grid.write(
          gauge.label, row: area.y + 1, column: area.x, width: area.width,
          style: labelStyle)
      }
      area = area.splitTop(2).1
      // A blank line between the gauge and the figures, when the sparklines can spare it.
      if spare >= 2 * usage.sparklines.count + 2 {
        area = area.splitTop(1).1
        spare -= 1
      }
    }
    let used = drawLabeledRows(usage.rows, rect: area, in: &grid)
    area = area.splitTop(used).1
    if spare >= 2 * usage.sparklines.count + 1, !usage.sparklines.isEmpty {
      area = area.splitTop(1).1
    }
    drawSparklines(usage.sparklines, rect: area, in: &grid)
  }

  /// Sparklines filling `rect`: as many as fit, one line each when there is less than two rows
  /// per chart, otherwise a title/caption line over a chart as tall as fits (1 to 4 rows).
  static func drawSparklines(_ sparklines: [SparklineViewModel], rect: Rect, in grid: inout Grid) {
    guard !rect.isEmpty, !sparklines.isEmpty else { return }
    if rect.height < 2 * sparklines.count {
      drawCompactSparklines(Array(sparklines.prefix(rect.height)), rect: rect, in: &grid)
      return
    }
    let count = sparklines.count
    // Blank lines between charts when there is room; each chart gets the same height.
    let gaps = rect.height >= count * 3 + (count - 1) ? count - 1 : 0
    let chartHeight = min(4, (rect.height - gaps) / count - 1)
    var y = rect.y
    for sparkline in sparklines {
      let captionWidth = min(grid.width(of: sparkline.caption), rect.width / 2)
      grid.write(
        sparkline.caption, row: y, column: rect.maxX - captionWidth, width: captionWidth,
        style: Style(.dim))
      grid.write(
        sparkline.title, row: y, column: rect.x, width: rect.width - captionWidth - 1,
        style: Style(.label, .bold))
      Sparkline(values: sparkline.values).draw(
        in: &grid, rect: Rect(x: rect.x, y: y + 1, width: rect.width, height: chartHeight))
      y += 1 + chartHeight + (gaps > 0 ? 1 : 0)
    }
  }

  private static func drawCompactSparklines(
    _ sparklines: [SparklineViewModel], rect: Rect, in grid: inout Grid
  ) {
    let titleWidth = min(
      sparklines.reduce(0) { max($0, grid.width(of: $1.title)) }, rect.width / 4)
    let captionWidth = min(
      sparklines.reduce(0) { max($0, grid.width(of: $1.caption)) }, rect.width * 2 / 5)
    let chartWidth = rect.width - titleWidth - captionWidth - 2
    for (offset, sparkline) in sparklines.enumerated() {
      let y = rect.y + offset
      grid.write(sparkline.title, row: y, column: rect.x, width: titleWidth, style: Style(.label))
      if chartWidth > 0 {
        Sparkline(values: sparkline.values).draw(
          in: &grid, rect: Rect(x: rect.x + titleWidth + 1, y: y, width: chartWidth, height: 1))
      }
      grid.write(
        sparkline.caption, row: y, column: rect.maxX - captionWidth, width: captionWidth,
        style: Style(.dim), alignment: .right)
    }
  }
}
