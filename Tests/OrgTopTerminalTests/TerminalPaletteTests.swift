import OrgTopCore
import OrgTopTerminal
import OrgTopUI
import Testing

@Suite("Colour depth and curses palette")
struct TerminalPaletteTests {
  @Test("NO_COLOR with any non-empty value means no colour, whatever the terminal can do")
  func noColor() {
    #expect(ColorDepth.resolve(noColor: "1", hasColors: true, colors: 256) == ColorDepth.none)
    #expect(ColorDepth.resolve(noColor: "no", hasColors: true, colors: 8) == ColorDepth.none)
    // An empty NO_COLOR is the same as unset (no-color.org).
    #expect(ColorDepth.resolve(noColor: "", hasColors: true, colors: 256) == .indexed)
  }

  @Test("depth follows the terminal's colour count")
  func depthFromTerminal() {
    #expect(ColorDepth.resolve(noColor: nil, hasColors: true, colors: 256) == .indexed)
    #expect(ColorDepth.resolve(noColor: nil, hasColors: true, colors: 16_777_216) == .indexed)
    #expect(ColorDepth.resolve(noColor: nil, hasColors: true, colors: 16) == .basic)
    #expect(ColorDepth.resolve(noColor: nil, hasColors: true, colors: 8) == .basic)
    #expect(ColorDepth.resolve(noColor: nil, hasColors: true, colors: 2) == ColorDepth.none)
    #expect(ColorDepth.resolve(noColor: nil, hasColors: false, colors: 256) == ColorDepth.none)
  }

  @Test("without colour: no pair at all, and the signal roles stand out by attributes")
  func monochrome() {
    let palette = TerminalPalette(depth: .none)
    #expect(palette.pairs.isEmpty)
    for role in TextRole.allCases {
      #expect(palette.appearance(for: Style(role)).pair == 0)
    }
    let normal = palette.appearance(for: Style(.normal)).attributes
    for role in [TextRole.warning, .danger, .badge, .title, .dim] {
      #expect(palette.appearance(for: Style(role)).attributes != normal, "\(role)")
    }
  }

  @Test("eight colours: only ANSI colour numbers, distinct pairs for good, warning, danger")
  func eightColours() {
    let palette = TerminalPalette(depth: .basic)
    #expect(!palette.pairs.isEmpty)
    for pair in palette.pairs {
      #expect((0...7).contains(pair.foreground))
      #expect(pair.background == -1)
    }
    let signals = [TextRole.good, .warning, .danger].map {
      palette.appearance(for: Style($0)).pair
    }
    #expect(Set(signals).count == 3)
    #expect(!signals.contains(0))
  }

  @Test("256 colours: extended colour numbers; pairs numbered 1... with no duplicates")
  func extendedColours() {
    let palette = TerminalPalette(depth: .indexed)
    #expect(palette.pairs.contains { $0.foreground > 15 })
    #expect(palette.pairs.map(\.number) == Array(1...Int16(palette.pairs.count)))
    #expect(Set(palette.pairs.map(\.foreground)).count == palette.pairs.count)
    for role in TextRole.allCases {
      let pair = palette.appearance(for: Style(role)).pair
      #expect(pair == 0 || palette.pairs.contains { $0.number == pair })
    }
  }

  @Test("the selection's reverse video is kept at every depth, on top of the role")
  func selectionIsReverseVideo() {
    for depth in ColorDepth.allCases {
      let palette = TerminalPalette(depth: depth)
      let plain = palette.appearance(for: Style(.good))
      let selected = palette.appearance(for: Style(.good, .reverse))
      #expect(selected.attributes.contains(.reverse))
      #expect(selected.pair == plain.pair)
      #expect(selected.attributes.isSuperset(of: plain.attributes))
    }
  }
}
