/// What one cell shows: a base scalar and up to two combining marks, stored inline.
///
/// A plain value with no heap storage, so a grid of thousands of cells is copied and compared
/// without reference counting (a `Character` per cell made rendering several times slower).
/// Only the sanitizer builds one with marks, and it allows at most two.
package struct Grapheme: Hashable, Sendable, ExpressibleByUnicodeScalarLiteral {
  package var base: Unicode.Scalar
  package var firstMark: Unicode.Scalar?
  package var secondMark: Unicode.Scalar?

  package init(_ base: Unicode.Scalar) {
    self.base = base
  }

  package init(unicodeScalarLiteral value: Unicode.Scalar) {
    self.init(value)
  }

  /// A blank.
  package static let space: Grapheme = " "

  /// Adds a combining mark; returns false when two are already attached.
  mutating func attach(_ mark: Unicode.Scalar) -> Bool {
    if firstMark == nil {
      firstMark = mark
    } else if secondMark == nil {
      secondMark = mark
    } else {
      return false
    }
    return true
  }

  /// The scalars in order: the base, then the marks (what a backend hands to the terminal).
  package var unicodeScalars: [Unicode.Scalar] {
    [base] + [firstMark, secondMark].compactMap { $0 }
  }

  /// Appends the scalars to a string.
  package func append(to string: inout String) {
    string.unicodeScalars.append(base)
    if let firstMark { string.unicodeScalars.append(firstMark) }
    if let secondMark { string.unicodeScalars.append(secondMark) }
  }

  /// The grapheme as a string.
  package var string: String {
    var result = ""
    append(to: &result)
    return result
  }
}
