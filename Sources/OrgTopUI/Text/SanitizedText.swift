/// Text that is safe to put in a terminal cell grid: a sequence of graphemes, each one or two
/// columns wide, with no control characters, escape sequences or bidi controls left.
///
/// The only way to make one is ``TextSanitizer/sanitize(_:glyphs:)``, which is the single
/// path every string takes into a ``Grid``.
package struct SanitizedText: Hashable, Sendable {
  /// One grapheme and the columns it takes (1 or 2).
  package struct Cluster: Hashable, Sendable {
    package var grapheme: Grapheme
    package var width: UInt8

    /// The grapheme as a `Character`.
    package var character: Character {
      let text = grapheme.string
      return text.count == 1 ? text.first ?? " " : Character(grapheme.base)
    }
  }

  package private(set) var clusters: [Cluster] = []
  /// The total width in terminal columns.
  package private(set) var width = 0

  init() {}

  mutating func append(_ cluster: Cluster) {
    clusters.append(cluster)
    width += Int(cluster.width)
  }

  mutating func reserve(_ count: Int) {
    clusters.reserveCapacity(count)
  }

  /// Attaches a combining mark to the last cluster; false when there is none or it is full.
  mutating func attachToLast(_ mark: Unicode.Scalar) -> Bool {
    guard !clusters.isEmpty else { return false }
    return clusters[clusters.count - 1].grapheme.attach(mark)
  }

  /// The text as a plain string.
  package var string: String {
    var result = ""
    for cluster in clusters { cluster.grapheme.append(to: &result) }
    return result
  }

  /// The text cut to at most `maxWidth` columns. When it does not fit, it ends with an ellipsis
  /// and a wide character is never split: the column it would have half-filled becomes a
  /// space after the ellipsis.
  package func truncated(to maxWidth: Int, glyphs: GlyphSet) -> SanitizedText {
    guard width > maxWidth else { return self }
    var result = SanitizedText()
    guard maxWidth > 0 else { return result }
    let budget = maxWidth - 1
    for cluster in clusters {
      if result.width + Int(cluster.width) > budget { break }
      result.append(cluster)
    }
    result.append(Cluster(grapheme: Glyph.ellipsis.grapheme(in: glyphs), width: 1))
    while result.width < maxWidth {
      result.append(Cluster(grapheme: .space, width: 1))
    }
    return result
  }
}
