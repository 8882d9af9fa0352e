/// The kinds of flag a key has, as bits: what the table keeps per row (one byte for 10,000
/// keys instead of an array each), its FLAGS text, and the `f` filter's test.
package struct KeyFlagSet: OptionSet, Hashable, Sendable {
  package var rawValue: UInt8

  package init(rawValue: UInt8) {
    self.rawValue = rawValue
  }

  package init(_ kinds: some Sequence<KeyFlag.Kind>) {
    self.init(rawValue: kinds.reduce(0) { $0 | (1 << UInt8($1.rawValue)) })
  }

  /// Whether the set holds `kind`.
  package func contains(_ kind: KeyFlag.Kind) -> Bool {
    rawValue & (1 << UInt8(kind.rawValue)) != 0
  }

  /// The kinds, in ``KeyFlag/Kind`` order.
  package var kinds: [KeyFlag.Kind] { KeyFlag.Kind.allCases.filter(contains) }

  /// How many flags.
  package var count: Int { rawValue.nonzeroBitCount }

  /// The table cell: the codes joined by commas (`idle,noexp`), empty without flags.
  package var text: String { Self.texts[Int(rawValue)] }

  /// The text of every combination, made once: a cell is read for every row on screen.
  private static let texts: [String] = (0..<(1 << KeyFlag.Kind.allCases.count)).map { bits in
    KeyFlag.Kind.allCases.filter { bits & (1 << $0.rawValue) != 0 }.map(\.code)
      .joined(separator: ",")
  }
}
