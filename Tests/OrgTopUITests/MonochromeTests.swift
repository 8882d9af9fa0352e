import Foundation
import OrgTopCore
import OrgTopTestSupport
import OrgTopUI
import Testing

/// No state is shown by colour alone. Each case takes one state from the reducer, changes one
/// thing a user must be able to see (a threshold crossed, data gone stale, the API down, the
/// selection, the focus, an overlay's choice), and renders both as a monochrome terminal shows
/// them: the characters and the attributes that survive without colour (bold, dim, reverse,
/// underline). The two screens must differ there, not only in colour.
@Suite("Monochrome: no state by colour alone")
struct MonochromeTests {
  static let size = TerminalSize(columns: 120, rows: 40)

  /// What a monochrome terminal shows of a frame: every cell's text and the pen the palette
  /// gives it without colours (its attributes alone).
  static func monochrome(_ harness: ReducerHarness) -> [[Shown]] {
    let grid = Screen.render(
      DashboardViewModel(state: harness.state, now: harness.now), size: size, options: .unicode)
    return (0..<size.rows).map { row in
      (0..<size.columns).map { column in
        let cell = grid[row, column]
        return Shown(text: cell.text, pen: Palette.pen(for: cell.style, depth: .none))
      }
    }
  }

  /// One cell as a monochrome terminal shows it.
  struct Shown: Hashable {
    var text: String
    var pen: Pen
  }

  static func text(_ screen: [[Shown]]) -> String {
    screen.map { $0.map(\.text).joined() }.joined(separator: "\n")
  }

  static func loaded(_ configure: (inout DashboardConfiguration) -> Void = { _ in })
    -> ReducerHarness
  {
    var configuration = Fixtures.configuration
    configure(&configuration)
    var harness = ReducerHarness(configuration: configuration)
    harness.loadFixture(keyPageSize: Screen.pageSizes(for: size)[.keys])
    harness.send(
      .layoutChanged(size: size, pageSizes: Screen.pageSizes(for: size)))
    return harness
  }

  static let refused = FetchFailure(
    kind: .network, message: "Cannot reach api.anthropic.com: connection refused",
    remedy: "Check the base URL")

  @Test func theGaugesThresholdsShowWithoutColour() {
    // The fixture spends 65 % of its limit: good at warn 0.8, a warning at warn 0.6, critical
    // at critical 0.6.
    let good = Self.loaded()
    let warning = Self.loaded { $0.warnAt = Decimal(string: "0.6")! }
    let critical = Self.loaded {
      $0.warnAt = Decimal(string: "0.5")!
      $0.criticalAt = Decimal(string: "0.6")!
    }
    let screens = [good, warning, critical].map(Self.monochrome)
    #expect(screens[0] != screens[1])
    #expect(screens[1] != screens[2])
  }

  @Test func staleDataAndAnOutageShowWithoutColour() {
    // Two screens at the same instant: one whose refreshes succeeded, one whose failed.
    var answered = Self.loaded()
    answered.complete(answered.advance(by: 60))
    answered.advance(by: 120)
    var refused = Self.loaded()
    refused.complete(refused.advance(by: 60)) { _, _ in .failure(Self.refused) }
    refused.advance(by: 120)
    let stale = Self.monochrome(refused)
    #expect(Self.monochrome(answered) != stale)
    // The panes' titles carry the word, not a colour.
    #expect(Self.text(stale).contains("stale"))
  }

  @Test func selectionFocusAndOverlaysShowWithoutColour() {
    var harness = Self.loaded()
    var previous = Self.monochrome(harness)
    for key: KeyPress in [.down, .tab, .backTab, .enter, .escape, .character("?")] {
      harness.press(key)
      let next = Self.monochrome(harness)
      #expect(next != previous, "\(key) changed nothing a monochrome terminal shows")
      previous = next
    }
  }

  /// The kiosk's big figures: the level is a word beside the figure, and the stale alarm is
  /// reverse video with words, so both show on a monochrome wall screen. Rendered on the
  /// figures page: with a 365-day rotation, November 2026 is on the first page (2026 is 56
  /// such periods after 1970).
  @Test func theKioskLevelsAndAlarmShowWithoutColour() {
    func kiosk(_ configuration: inout DashboardConfiguration) {
      // A page turns once a century: the fixture's instant is on the first page, the figures.
      configuration.kiosk = KioskSettings(rotation: 100 * 365 * 86_400)
    }
    var good = Self.loaded(kiosk)
    var critical = Self.loaded {
      kiosk(&$0)
      $0.warnAt = Decimal(string: "0.5")!
      $0.criticalAt = Decimal(string: "0.6")!
    }
    var stale = Self.loaded(kiosk)
    for _ in 0..<180 {
      good.complete(good.advance(by: 1))
      critical.complete(critical.advance(by: 1))
      stale.complete(stale.advance(by: 1)) { _, _ in .failure(Self.refused) }
    }
    let screens = [good, critical, stale].map(Self.monochrome)
    #expect(Self.text(screens[0]).contains("SPEND · NOV"), "the figures page is shown")
    #expect(screens[0] != screens[1])
    #expect(Self.text(screens[1]).contains("CRITICAL"))
    #expect(screens[0] != screens[2])
    #expect(Self.text(screens[2]).contains("STALE: data is"))
    let alarmRow = screens[2].first { Self.text([$0]).contains("STALE") } ?? []
    #expect(alarmRow.contains { $0.pen.attributes.contains(.reverse) })
  }
}
