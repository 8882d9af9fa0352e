import Foundation
import OrgTopCore

/// The dashboard's frame as plain text, for `orgtop --once`: exactly the characters the screen
/// would show (styles dropped, no escape sequences), one line per row without trailing blanks.
package enum FrameText {
  /// The views `--once` can print, and the keys that open each from a fresh dashboard.
  package enum View: String, CaseIterable, Sendable {
    case dashboard
    /// The detail of the first key in the table.
    case detail
    case help
    /// The profile picker: every configured profile with the last figures seen for it.
    case profiles

    /// The key presses that open the view from the dashboard.
    package var keys: [KeyPress] {
      switch self {
      case .dashboard: []
      case .detail: [.enter]
      case .help: [.character("?")]
      case .profiles: [.character("P")]
      }
    }
  }

  /// The frame of `state` at `now` in a terminal of `size`.
  package static func render(
    state: DashboardState, now: Date, size: TerminalSize, glyphs: GlyphSet
  ) -> String {
    let viewModel = DashboardViewModel(state: state, now: now)
    let grid = Screen.render(viewModel, size: size, options: RenderOptions(glyphs: glyphs))
    return grid.lines.map { line in
      var line = Substring(line)
      while line.last == " " { line.removeLast() }
      return line + "\n"
    }.joined()
  }
}
