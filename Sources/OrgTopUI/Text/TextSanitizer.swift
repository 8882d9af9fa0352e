import Foundation

/// The one path from an arbitrary string (API data, user input, the view model) to grid cells.
///
/// - Escape sequences (CSI `ESC [ … final`, OSC/DCS/SOS/PM/APC strings up to BEL or ST, two- and
///   three-byte escapes, and their C1 forms) become one visible `�` (`?` in ASCII).
/// - Other C0 controls, DEL, C1 controls, bidi embeddings/overrides/isolates and marks,
///   zero-width and other format characters, tag characters, private-use and unassigned
///   scalars become `�`; a run of them shows as one `�`.
/// - Tab, newline, carriage return, vertical tab, form feed and line/paragraph separators
///   become a space.
/// - Zero-width joiners, variation selectors and emoji skin-tone modifiers are dropped, so
///   every emoji is drawn on its own with a width every terminal agrees on; regional
///   indicators become their letters (a flag reads `FR`).
/// - Combining marks attach to the previous character (at most ``maxCombiningMarks``, so
///   "Zalgo" text cannot smear over other rows); a leading mark is dropped.
/// - In ``GlyphSet/ascii`` nothing non-ASCII gets through: accented Latin letters lose the
///   accent, a few typographic marks, arrows and symbols get ASCII twins (`↑` is `^`, `⏎` is
///   `Enter`, `…` is `...`), everything else becomes `?`.
package enum TextSanitizer {
  /// How many combining marks may stack on one character.
  package static let maxCombiningMarks = 2

  /// Sanitizes `text` into grid-safe clusters and measures it in terminal columns.
  package static func sanitize(_ text: String, glyphs: GlyphSet) -> SanitizedText {
    var result = SanitizedText()
    if isPrintableASCII(text) {
      // The common case: printable ASCII needs no further thought.
      result.reserve(text.utf8.count)
      for byte in text.utf8 {
        result.append(.init(grapheme: Grapheme(Unicode.Scalar(byte)), width: 1))
      }
      return result
    }
    var builder = Builder(glyphs: glyphs)
    for scalar in text.unicodeScalars {
      builder.feed(scalar)
    }
    return builder.result
  }

  /// Measures `text` in terminal columns after sanitizing it.
  package static func width(of text: String, glyphs: GlyphSet = .unicode) -> Int {
    isPrintableASCII(text) ? text.utf8.count : sanitize(text, glyphs: glyphs).width
  }

  /// Whether every byte is printable ASCII (0x20-0x7E): such text passes unchanged.
  package static func isPrintableASCII(_ text: String) -> Bool {
    var utf8 = text.utf8
    if let result = utf8.withContiguousStorageIfAvailable({ bytes in
      bytes.allSatisfy { $0 &- 0x20 < 0x5F }
    }) {
      return result
    }
    // Bridged or non-contiguous strings: make them native first.
    var copy = text
    copy.makeContiguousUTF8()
    utf8 = copy.utf8
    return utf8.allSatisfy { $0 &- 0x20 < 0x5F }
  }
}

extension TextSanitizer {
  /// Where the escape-sequence recognizer is.
  private enum EscapeState {
    case ground
    /// After ESC.
    case escape
    /// After ESC and one or more intermediate bytes (0x20-0x2F).
    case escapeIntermediate
    /// Inside a control sequence: parameters and intermediates up to a final byte 0x40-0x7E.
    case controlSequence
    /// Inside an OSC, DCS, SOS, PM or APC string, up to BEL or ST.
    case controlString
    /// After ESC inside a control string: `\` ends it, anything else starts a new escape.
    case controlStringEscape
  }

  /// What the sanitizer does with one scalar in ground state.
  private enum Disposition {
    case keep(width: Int)
    case combine
    case space
    case drop
    case replace
    case substitute(Unicode.Scalar)
  }

  /// Builds the sanitized text one scalar at a time.
  private struct Builder {
    let glyphs: GlyphSet
    var result = SanitizedText()
    var state = EscapeState.ground
    var marksOnLast = 0
    var lastIsReplacement = false

    init(glyphs: GlyphSet) {
      self.glyphs = glyphs
    }

    mutating func feed(_ scalar: Unicode.Scalar) {
      let value = scalar.value
      switch state {
      case .ground:
        ground(scalar)
      case .escape:
        switch value {
        case 0x5B: state = .controlSequence  // [
        case 0x5D, 0x50, 0x58, 0x5E, 0x5F: state = .controlString  // ] P X ^ _
        case 0x20...0x2F: state = .escapeIntermediate
        case 0x30...0x7E: state = .ground
        case 0x1B: break
        default:
          state = .ground
          ground(scalar)
        }
      case .escapeIntermediate:
        switch value {
        case 0x20...0x2F: break
        case 0x30...0x7E: state = .ground
        default:
          state = .ground
          ground(scalar)
        }
      case .controlSequence:
        switch value {
        case 0x20...0x3F: break
        case 0x40...0x7E: state = .ground
        default:
          state = .ground
          ground(scalar)
        }
      case .controlString:
        switch value {
        case 0x07, 0x9C: state = .ground
        case 0x1B: state = .controlStringEscape
        default: break
        }
      case .controlStringEscape:
        if value == 0x5C {
          state = .ground
        } else {
          state = .escape
          feed(scalar)
        }
      }
    }

    private mutating func ground(_ scalar: Unicode.Scalar) {
      switch scalar.value {
      case 0x1B:
        replace()
        state = .escape
        return
      case 0x9B:
        replace()
        state = .controlSequence
        return
      case 0x90, 0x98, 0x9D, 0x9E, 0x9F:
        replace()
        state = .controlString
        return
      default:
        break
      }
      switch TextSanitizer.disposition(of: scalar) {
      case .keep(let width):
        keep(scalar, width: width)
      case .combine:
        combine(scalar)
      case .space:
        emit(" ", width: 1)
      case .drop:
        break
      case .replace:
        replace()
      case .substitute(let scalar):
        emit(scalar, width: 1)
      }
    }

    private mutating func keep(_ scalar: Unicode.Scalar, width: Int) {
      if glyphs == .ascii && scalar.value >= 0x80 {
        for folded in TextSanitizer.asciiFold(scalar).unicodeScalars { emit(folded, width: 1) }
      } else {
        emit(scalar, width: width)
      }
    }

    private mutating func combine(_ mark: Unicode.Scalar) {
      // ASCII has no combining marks; a mark with nothing to sit on, or one too many, goes.
      guard glyphs == .unicode, !lastIsReplacement, marksOnLast < TextSanitizer.maxCombiningMarks
      else { return }
      if result.attachToLast(mark) { marksOnLast += 1 }
    }

    private mutating func replace() {
      guard !lastIsReplacement else { return }
      emit(glyphs == .unicode ? "\u{FFFD}" : "?", width: 1)
      lastIsReplacement = true
    }

    private mutating func emit(_ scalar: Unicode.Scalar, width: Int) {
      result.append(.init(grapheme: Grapheme(scalar), width: UInt8(width)))
      marksOnLast = 0
      lastIsReplacement = false
    }
  }

  private static func disposition(of scalar: Unicode.Scalar) -> Disposition {
    let value = scalar.value
    switch value {
    case 0x20..<0x7F: return .keep(width: 1)
    case 0x09...0x0D, 0x2028, 0x2029: return .space
    case 0..<0x20, 0x7F...0x9F: return .replace
    case 0xAD: return .drop  // soft hyphen: invisible by design
    case 0x200D, 0xFE00...0xFE0F, 0xE0100...0xE01EF, 0x1F3FB...0x1F3FF: return .drop
    case 0x1160...0x11FF: return .combine  // Hangul medial vowels and final consonants
    case 0x1F1E6...0x1F1FF:
      return .substitute(Unicode.Scalar(UInt8(0x41 + value - 0x1F1E6)))
    // Fast paths for common ranges with no marks or format characters in them.
    case 0xA0...0x2FF: return .keep(width: 1)  // Latin-1 and Latin Extended
    case 0x4E00...0x9FFF, 0xAC00...0xD7A3: return .keep(width: 2)  // CJK ideographs, Hangul
    default: break
    }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark: return .combine
    case .format, .control, .privateUse, .surrogate, .unassigned: return .replace
    case .lineSeparator, .paragraphSeparator: return .space
    default: return .keep(width: CharacterWidth.columns(of: scalar))
    }
  }

  /// ASCII stand-ins for punctuation, arrows and symbols that key hints and figures use.
  private static let asciiTwins: [UInt32: String] = [
    0x2018: "'", 0x2019: "'", 0x201A: "'", 0x201C: "\"", 0x201D: "\"", 0x201E: "\"",
    0x2010: "-", 0x2011: "-", 0x2012: "-", 0x2013: "-", 0x2014: "-", 0x2212: "-",
    0x00A0: " ", 0x2026: "...", 0x00B7: ".", 0x2022: "*", 0x00D7: "x", 0x00DF: "ss",
    0x2190: "<", 0x2191: "^", 0x2192: ">", 0x2193: "v", 0x23CE: "Enter", 0x21B5: "Enter",
    0x2248: "~", 0x2264: "<=", 0x2265: ">=", 0x2260: "!=", 0x00B1: "+/-", 0x2713: "v",
    0x2714: "v", 0x2717: "x", 0x2718: "x", 0x26A0: "!", 0x25B2: "^", 0x25BC: "v", 0x20AC: "EUR",
  ]

  /// An ASCII stand-in for a non-ASCII scalar: the base letter of an accented Latin letter, a
  /// twin for common punctuation, otherwise `?`.
  private static func asciiFold(_ scalar: Unicode.Scalar) -> String {
    if let twin = asciiTwins[scalar.value] { return twin }
    if (0xC0...0x24F).contains(scalar.value) || (0x1E00...0x1EFF).contains(scalar.value) {
      let decomposed = String(Character(scalar)).decomposedStringWithCanonicalMapping
      if let base = decomposed.unicodeScalars.first, base.isASCII,
        base.properties.isAlphabetic
      {
        return String(Character(base))
      }
    }
    return "?"
  }
}
