import OrgTopCore
import OrgTopUI
import Testing

@Suite("Palette")
struct PaletteTests {
  @Test("without colour, no pen has a colour and emphasis still shows")
  func monochrome() {
    for role in TextRole.allCases {
      #expect(Palette.pen(for: Style(role), depth: .none).foreground == nil)
    }
    #expect(Palette.pen(for: Style(.danger), depth: .none).attributes == .bold)
    #expect(Palette.pen(for: Style(.warning), depth: .none).attributes == .bold)
    #expect(Palette.pen(for: Style(.dim), depth: .none).attributes == .dim)
    #expect(Palette.pen(for: Style(.normal), depth: .none).attributes == [])
  }

  @Test("a style's own attributes are always kept")
  func keepsAttributes() {
    for depth in ColorDepth.allCases {
      for role in TextRole.allCases {
        let pen = Palette.pen(for: Style(role, [.reverse, .underline]), depth: depth)
        #expect(pen.attributes.isSuperset(of: [.reverse, .underline]))
      }
    }
  }

  @Test("colours are valid for their depth, and trouble differs from health")
  func ranges() {
    for role in TextRole.allCases {
      if let basic = Palette.pen(for: Style(role), depth: .basic).foreground {
        #expect((0...7).contains(basic))
      }
      if let indexed = Palette.pen(for: Style(role), depth: .indexed).foreground {
        #expect((0...255).contains(indexed))
      }
    }
    for depth in [ColorDepth.basic, .indexed] {
      let colors = [TextRole.good, .warning, .danger].map {
        Palette.pen(for: Style($0), depth: depth).foreground
      }
      #expect(Set(colors).count == 3)
    }
  }
}
