import OrgTopUI
import Testing

@Suite("Terminal width")
struct WidthTests {
  @Test(
    "known widths",
    arguments: [
      ("a", 1), ("漢", 2), ("한", 2), ("Ａ", 2), ("ｶ", 1), ("😀", 2), ("🚀", 2), ("é", 1),
      ("e\u{301}", 1), ("\u{301}", 0), ("…", 1), ("▶", 1), ("█", 1), ("⚠", 1), ("\u{3000}", 2),
      ("ア", 2), ("ㄱ", 2), ("€", 1), ("ä", 1), ("Ω", 1), ("👍", 2), ("⌚", 2), ("♈", 2),
      ("\u{1F1E6}", 1), ("中文 abc", 8), ("", 0),
    ] as [(String, Int)])
  func known(text: String, width: Int) {
    #expect(TextSanitizer.width(of: text) == width)
  }

  @Test("Hangul jamo: leading consonants are wide, medial vowels and finals combine")
  func hangulJamo() {
    #expect(TextSanitizer.width(of: "\u{1100}\u{1161}\u{11A8}") == 2)
  }

  @Test("the width table is sorted and its lookups agree with a linear scan")
  func tableLookup() {
    // Values at and around every range edge, checked against a plain linear search.
    var probes: [UInt32] = []
    for range in CharacterWidthProbe.ranges {
      probes += [range.lowerBound - 1, range.lowerBound, range.upperBound, range.upperBound + 1]
    }
    for pair in zip(CharacterWidthProbe.ranges, CharacterWidthProbe.ranges.dropFirst()) {
      #expect(pair.0.upperBound < pair.1.lowerBound)
    }
    for value in probes {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let linear = CharacterWidthProbe.ranges.contains { $0.contains(value) } ? 2 : 1
      #expect(CharacterWidth.columns(of: scalar) == linear, "U+\(String(value, radix: 16))")
    }
  }
}

/// The width table as the tests see it.
enum CharacterWidthProbe {
  static var ranges: [ClosedRange<UInt32>] { CharacterWidth.wideRanges }
}
