import OrgTopCore
import OrgTopTerminal
import Testing

/// Key codes from ncurses' curses.h (octal, as documented there), written out independently of
/// the code under test.
private enum NcursesCode {
  static let down: Int32 = 0o402
  static let up: Int32 = 0o403
  static let left: Int32 = 0o404
  static let right: Int32 = 0o405
  static let home: Int32 = 0o406
  static let backspace: Int32 = 0o407
  static let f0: Int32 = 0o410
  static let delete: Int32 = 0o512
  static let pageDown: Int32 = 0o522
  static let pageUp: Int32 = 0o523
  static let enter: Int32 = 0o527
  static let backTab: Int32 = 0o541
  static let end: Int32 = 0o550
  static let resize: Int32 = 0o632
  static let mouse: Int32 = 0o631
}

@Suite("KeyDecoder")
struct KeyDecoderTests {
  @Test(
    "curses key codes",
    arguments: [
      (NcursesCode.up, KeyPress.up), (NcursesCode.down, .down), (NcursesCode.left, .left),
      (NcursesCode.right, .right), (NcursesCode.pageUp, .pageUp),
      (NcursesCode.pageDown, .pageDown), (NcursesCode.home, .home), (NcursesCode.end, .end),
      (NcursesCode.enter, .enter), (NcursesCode.backTab, .backTab),
      (NcursesCode.backspace, .backspace), (NcursesCode.delete, .delete),
      (NcursesCode.f0 + 1, .function(1)), (NcursesCode.f0 + 12, .function(12)),
    ])
  func keyCodes(code: Int32, expected: KeyPress) {
    #expect(KeyDecoder.decode(.code(code)) == expected)
  }

  @Test("codes with no meaning to the dashboard are dropped")
  func unknownCodes() {
    #expect(KeyDecoder.decode(.code(NcursesCode.resize)) == nil)
    #expect(KeyDecoder.decode(.code(NcursesCode.mouse)) == nil)
    #expect(KeyDecoder.decode(.code(NcursesCode.f0)) == nil)
  }

  @Test(
    "control characters with a key of their own",
    arguments: [
      (UInt32(13), KeyPress.enter), (10, .enter), (27, .escape), (9, .tab), (127, .backspace),
      (8, .backspace),
    ])
  func namedControls(value: UInt32, expected: KeyPress) {
    #expect(KeyDecoder.decode(.character(value)) == expected)
  }

  @Test("Ctrl-letter chords")
  func controlChords() {
    #expect(KeyDecoder.decode(.character(1)) == .control("a"))
    #expect(KeyDecoder.decode(.character(12)) == .control("l"))
    #expect(KeyDecoder.decode(.character(18)) == .control("r"))
    #expect(KeyDecoder.decode(.character(26)) == .control("z"))
    // 3 is Ctrl-C: normally a signal, but a raw-mode terminal may deliver it as a byte.
    #expect(KeyDecoder.decode(.character(3)) == .control("c"))
  }

  @Test("printable characters, ASCII and not")
  func printable() {
    #expect(KeyDecoder.decode(.character(0x71)) == .character("q"))
    #expect(KeyDecoder.decode(.character(0x2F)) == .character("/"))
    #expect(KeyDecoder.decode(.character(0x20)) == .character(" "))
    #expect(KeyDecoder.decode(.character(0xE9)) == .character("é"))
    #expect(KeyDecoder.decode(.character(0x65E5)) == .character("日"))
    #expect(KeyDecoder.decode(.character(0x1F680)) == .character("🚀"))
  }

  @Test("stray controls and invalid scalars are dropped, never typed into a filter")
  func strayInput() {
    #expect(KeyDecoder.decode(.character(0)) == nil)
    #expect(KeyDecoder.decode(.character(28)) == nil)
    #expect(KeyDecoder.decode(.character(31)) == nil)
    #expect(KeyDecoder.decode(.character(0x9B)) == nil)  // C1 CSI
    #expect(KeyDecoder.decode(.character(0xD800)) == nil)  // lone surrogate
    #expect(KeyDecoder.decode(.character(0x11_0000)) == nil)  // beyond Unicode
  }
}
