import OrgTopCore
import OrgTopTerminal
import Testing

@Suite("Colour depth and palette")
struct TerminalPaletteTests {
  @Test("NO_COLOR with any non-empty value means monochrome, whatever the terminal can do")
  func noColor() {
    #expect(ColorDepth.resolve(noColor: "1", hasColors: true, colors: 256) == .monochrome)
    #expect(ColorDepth.resolve(noColor: "no", hasColors: true, colors: 8) == .monochrome)
    // An empty NO_COLOR is the same as unset (no-color.org).
    #expect(ColorDepth.resolve(noColor: "", hasColors: true, colors: 256) == .extended)
  }

  @Test("depth follows the terminal's colour count")
  func depthFromTerminal() {
    #expect(ColorDepth.resolve(noColor: nil, hasColors: true, colors: 256) == .extended)
    #expect(ColorDepth.resolve(noColor: nil, hasColors: true, colors: 16_777_216) == .extended)
    #expect(ColorDepth.resolve(noColor: nil, hasColors: true, colors: 16) == .eight)
    #expect(ColorDepth.resolve(noColor: nil, hasColors: true, colors: 8) == .eight)
    #expect(ColorDepth.resolve(noColor: nil, hasColors: true, colors: 2) == .monochrome)
    #expect(ColorDepth.resolve(noColor: nil, hasColors: false, colors: 256) == .monochrome)
  }

  @Test("monochrome uses no colour pair and tells the important roles apart by attributes")
  func monochrome() {
    let palette = TerminalPalette(depth: .monochrome)
    #expect(palette.pairs.isEmpty)
    for role in TextRole.allCases {
      #expect(palette.appearance(for: role).pair == 0)
    }
    let normal = palette.appearance(for: .normal).attributes
    for role in [TextRole.warning, .danger, .badge, .title, .dim] {
      #expect(palette.appearance(for: role).attributes != normal, "\(role)")
    }
    #expect(
      palette.appearance(for: .danger).attributes != palette.appearance(for: .warning).attributes)
  }

  @Test("eight colours: only the ANSI colours, distinct pairs for the signal roles")
  func eightColours() {
    let palette = TerminalPalette(depth: .eight)
    for pair in palette.pairs {
      #expect((-1...7).contains(pair.foreground))
      #expect((-1...7).contains(pair.background))
    }
    let signals = [TextRole.good, .warning, .danger].map { palette.appearance(for: $0).pair }
    #expect(Set(signals).count == 3)
    #expect(!signals.contains(0))
  }

  @Test("256 colours use the extended palette; pairs are numbered 1... and defined once each")
  func extendedColours() {
    let palette = TerminalPalette(depth: .extended)
    #expect(palette.pairs.contains { $0.foreground > 15 })
    #expect(palette.pairs.map(\.number) == Array(1...Int16(palette.pairs.count)))
    for role in TextRole.allCases {
      let pair = palette.appearance(for: role).pair
      #expect(pair == 0 || palette.pairs.contains { $0.number == pair })
    }
  }

  @Test("a style's reverse video (the selection) adds to the role, at every depth")
  func selectionIsReverseVideo() {
    for depth in [ColorDepth.monochrome, .eight, .extended] {
      let palette = TerminalPalette(depth: depth)
      let plain = palette.appearance(for: .good)
      let selected = palette.appearance(for: .good, adding: .reverse)
      #expect(selected.attributes.contains(.reverse))
      #expect(selected.pair == plain.pair)
      #expect(selected.attributes.isSuperset(of: plain.attributes))
    }
  }
}
