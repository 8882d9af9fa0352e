import CNcurses

/// What to draw instead of non-ASCII characters when the locale is not UTF-8 (ncursesw would
/// silently drop them): box-drawing lines go out as the terminal's line-drawing characters, bar
/// blocks as `#`, anything else as `?`. The renderer already avoids them in ASCII mode; this is
/// the backend's guarantee that nothing else reaches the wire.
enum ASCIIFallback {
  /// The curses line-drawing character for a box-drawing character, if it is one.
  static func lineDrawing(_ scalar: Unicode.Scalar) -> UnsafePointer<cchar_t>? {
    switch scalar {
    case "─", "━", "═", "╌", "┄": nc_WACS_HLINE()
    case "│", "┃", "║", "╎", "┆": nc_WACS_VLINE()
    case "┌", "╭", "┏", "╔": nc_WACS_ULCORNER()
    case "┐", "╮", "┓", "╗": nc_WACS_URCORNER()
    case "└", "╰", "┗", "╚": nc_WACS_LLCORNER()
    case "┘", "╯", "┛", "╝": nc_WACS_LRCORNER()
    case "├", "┣", "╠": nc_WACS_LTEE()
    case "┤", "┫", "╣": nc_WACS_RTEE()
    case "┬", "┳", "╦": nc_WACS_TTEE()
    case "┴", "┻", "╩": nc_WACS_BTEE()
    case "┼", "╋", "╬": nc_WACS_PLUS()
    default: nil
    }
  }

  /// An ASCII stand-in for a non-ASCII character that is not a line.
  static func replacement(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    switch scalar.value {
    case 0x2580...0x259F: return "#"  // block elements (bars, gauges)
    case 0x2800...0x28FF: return "."  // braille (sparklines)
    case 0x2026: return "~"  // ellipsis
    case 0x00B7, 0x2022: return "*"  // middle dot, bullet
    case 0x25B2, 0x2191: return "^"  // up triangle and arrow
    case 0x25BC, 0x2193: return "v"
    case 0x2013, 0x2014, 0x2212: return "-"
    default: return "?"
    }
  }
}
