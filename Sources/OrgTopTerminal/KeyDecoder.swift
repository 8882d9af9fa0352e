import CNcurses
import OrgTopCore

/// One result of `wget_wch`: a curses key code (`KEY_CODE_YES`) or a character.
package enum RawKey: Hashable, Sendable {
  /// A function-key code such as `KEY_DOWN`.
  case code(Int32)
  /// A character, as the Unicode scalar value curses returned.
  case character(UInt32)
}

/// Maps what curses reads (key codes and wide characters) to the Core's ``KeyPress``.
///
/// Pure: no terminal needed, so every mapping is unit-tested. Returns `nil` for input with no
/// meaning to the dashboard (mouse, unknown codes, stray control characters), which is dropped.
package enum KeyDecoder {
  /// Decodes one key; `nil` when it means nothing to the dashboard.
  package static func decode(_ raw: RawKey) -> KeyPress? {
    switch raw {
    case .code(let code): decode(code: code)
    case .character(let value): decode(character: value)
    }
  }

  private static let functionKeys = (KEY_F0 + 1)...(KEY_F0 + 63)

  private static func decode(code: Int32) -> KeyPress? {
    switch code {
    case KEY_UP: return .up
    case KEY_DOWN: return .down
    case KEY_LEFT: return .left
    case KEY_RIGHT: return .right
    // The numeric keypad's corners (KEY_A1 etc.) arrive when it is not in numeric mode.
    case KEY_PPAGE, KEY_A3: return .pageUp
    case KEY_NPAGE, KEY_C3: return .pageDown
    case KEY_HOME, KEY_A1, KEY_SHOME: return .home
    case KEY_END, KEY_C1, KEY_SEND, KEY_LL: return .end
    case KEY_ENTER: return .enter
    case KEY_BTAB: return .backTab
    case KEY_BACKSPACE: return .backspace
    case KEY_DC: return .delete
    case functionKeys: return .function(Int(code - KEY_F0))
    default: return nil
    }
  }

  private static func decode(character value: UInt32) -> KeyPress? {
    switch value {
    case 13, 10: return .enter
    case 27: return .escape
    case 9: return .tab
    case 127, 8: return .backspace
    case 1...26:
      // Ctrl-A is 1 ... Ctrl-Z is 26; tab (9), newline (10), return (13) and Ctrl-H (8, sent by
      // many terminals for backspace) are taken above.
      guard let scalar = Unicode.Scalar(UInt32(96) + value) else { return nil }
      return .control(Character(scalar))
    case 0..<32, 0x80..<0xA0:
      // Other C0 and C1 controls: nothing to bind, and never echoed into a filter.
      return nil
    default:
      guard let scalar = Unicode.Scalar(value) else { return nil }
      return .character(Character(scalar))
    }
  }
}
