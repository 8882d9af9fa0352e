import OrgTopUI
import Testing

@Suite("Sanitizing text")
struct TextSanitizerTests {
  private func clean(_ text: String, _ glyphs: GlyphSet = .unicode) -> String {
    TextSanitizer.sanitize(text, glyphs: glyphs).string
  }

  @Test("printable ASCII passes unchanged")
  func plainASCII() {
    #expect(clean("prod-backend (EU) #3 ~ok") == "prod-backend (EU) #3 ~ok")
  }

  @Test(
    "escape sequences become one visible replacement",
    arguments: [
      ("\u{1B}[31mred\u{1B}[0m", "�red�"),  // SGR colour
      ("a\u{1B}[2J\u{1B}[Hb", "a�b"),  // clear screen + home, collapsed
      ("\u{1B}[?1049hx", "�x"),  // private CSI
      ("x\u{1B}]0;title\u{07}y", "x�y"),  // OSC ended by BEL
      ("x\u{1B}]8;;http://evil\u{1B}\\link\u{1B}]8;;\u{1B}\\y", "x�link�y"),  // OSC 8 with ST
      ("x\u{9B}31my", "x�y"),  // C1 CSI
      ("x\u{9D}0;t\u{9C}y", "x�y"),  // C1 OSC ended by C1 ST
      ("x\u{1B}P+q544e\u{1B}\\y", "x�y"),  // DCS
      ("x\u{1B}(0lqk\u{1B}(By", "x�lqk�y"),  // charset designation
      ("x\u{1B}7y\u{1B}8z", "x�y�z"),  // save / restore cursor
      ("trailing\u{1B}", "trailing�"),  // lone ESC at the end
      ("x\u{1B}[31", "x�"),  // unterminated CSI
    ] as [(String, String)])
  func escapeSequences(input: String, expected: String) {
    #expect(clean(input) == expected)
  }

  @Test("an unterminated OSC swallows the rest, visibly")
  func unterminatedOSC() {
    #expect(clean("name\u{1B}]0;evil and more") == "name�")
  }

  @Test("controls: C0, DEL and C1 become replacements, white space becomes spaces")
  func controls() {
    #expect(clean("a\u{00}b\u{07}c\u{08}d") == "a�b�c�d")
    #expect(clean("a\u{7F}b\u{85}c\u{8D}d") == "a�b�c�d")
    // 0x9F starts an application program command string, which runs to its terminator.
    #expect(clean("a\u{9F}b c") == "a�")
    #expect(clean("a\tb\nc\rd\u{0B}e\u{0C}f") == "a b c d e f")
    #expect(clean("a\u{2028}b\u{2029}c") == "a b c")
  }

  @Test("bidi controls, zero-width and format characters are shown as replacements")
  func bidiAndFormat() {
    #expect(clean("admin\u{202E}gnp.exe\u{202C}") == "admin�gnp.exe�")
    #expect(clean("a\u{2066}b\u{2069}c\u{200F}d\u{061C}e") == "a�b�c�d�e")
    #expect(clean("zero\u{200B}width\u{FEFF}") == "zero�width�")
    #expect(clean("tag\u{E0041}\u{E0042}s") == "tag�s")
    #expect(clean("private\u{E000}use") == "private�use")
    #expect(clean("soft\u{AD}hyphen") == "softhyphen")
  }

  @Test("emoji sequences fall apart into emoji every terminal measures alike")
  func emoji() {
    let family = TextSanitizer.sanitize("👩‍👧", glyphs: .unicode)
    #expect(family.string == "👩👧")
    #expect(family.width == 4)
    #expect(clean("❤️") == "❤")
    #expect(clean("👍🏽") == "👍")
    #expect(clean("🇯🇵🇫🇷") == "JPFR")
  }

  @Test("combining marks attach to their character, at most two")
  func combining() {
    let accented = TextSanitizer.sanitize("e\u{301}te\u{301}", glyphs: .unicode)
    #expect(accented.clusters.count == 3)
    #expect(accented.width == 3)
    let zalgo = TextSanitizer.sanitize("Z\u{351}\u{352}\u{353}\u{354}", glyphs: .unicode)
    #expect(zalgo.clusters.count == 1)
    #expect(zalgo.clusters[0].grapheme.unicodeScalars.count == 3)
    #expect(clean("\u{301}x") == "x")
  }

  @Test("ASCII mode lets no non-ASCII scalar through")
  func asciiMode() {
    #expect(clean("Café résumé Ünïcödé", .ascii) == "Cafe resume Unicode")
    #expect(clean("“quoted” — dash…", .ascii) == "\"quoted\" - dash...")
    #expect(clean("↑↓ move  ⏎ open  ≈5 min", .ascii) == "^v move  Enter open  ~5 min")
    #expect(clean("数据 🚀 한", .ascii) == "?? ? ?")
    #expect(clean("\u{1B}[31mred", .ascii) == "?red")
    #expect(clean("e\u{301}", .ascii) == "e")
  }

  @Test("no hostile scalar anywhere in the code space survives")
  func sweep() {
    // Every 7th scalar of the whole code space, plus the C0/C1 and bidi blocks in full.
    var scalars: [Unicode.Scalar] = []
    for value in stride(from: UInt32(0), through: 0x10FFFF, by: 7) {
      if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
    }
    for value in UInt32(0)...0xA0 { scalars.append(Unicode.Scalar(value)!) }
    for value in UInt32(0x2000)...0x206F { scalars.append(Unicode.Scalar(value)!) }
    var text = ""
    text.unicodeScalars.append(contentsOf: scalars)
    for glyphs in [GlyphSet.unicode, .ascii] {
      let result = TextSanitizer.sanitize(text, glyphs: glyphs)
      var measured = 0
      for cluster in result.clusters {
        let first = cluster.grapheme.unicodeScalars.first!
        #expect(first.value >= 0x20 && first.value != 0x7F && !(0x80...0x9F).contains(first.value))
        #expect(
          !(0x202A...0x202E).contains(first.value) && !(0x2066...0x2069).contains(first.value))
        #expect(first.properties.generalCategory != .format)
        #expect(cluster.width == 1 || cluster.width == 2)
        if glyphs == .ascii {
          #expect(cluster.grapheme.unicodeScalars.allSatisfy { $0.isASCII })
          #expect(cluster.width == 1)
        }
        measured += Int(cluster.width)
      }
      #expect(measured == result.width)
    }
  }
}
