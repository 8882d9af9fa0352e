import OrgTopCore

/// How a cell is drawn: what its text means (a Core `TextRole`) plus attributes that carry
/// meaning without colour. The terminal backend maps the role to a colour for its colour depth
/// (256, 8, monochrome, `NO_COLOR`); the attributes are drawn in every depth.
package struct Style: Hashable, Sendable {
  /// Text attributes that every terminal can draw, colour or not.
  package struct Attributes: OptionSet, Hashable, Sendable {
    package let rawValue: UInt8

    package init(rawValue: UInt8) {
      self.rawValue = rawValue
    }

    package static let bold = Attributes(rawValue: 1 << 0)
    package static let dim = Attributes(rawValue: 1 << 1)
    package static let reverse = Attributes(rawValue: 1 << 2)
    package static let underline = Attributes(rawValue: 1 << 3)
  }

  package var role: TextRole
  package var attributes: Attributes

  package init(_ role: TextRole = .normal, _ attributes: Attributes = []) {
    self.role = role
    self.attributes = attributes
  }

  /// Plain text: the style of a blank cell.
  package static let normal = Style()

  package var bold: Bool { attributes.contains(.bold) }
  package var dim: Bool { attributes.contains(.dim) }
  package var reverse: Bool { attributes.contains(.reverse) }
  package var underline: Bool { attributes.contains(.underline) }

  /// This style with more attributes.
  package func adding(_ more: Attributes) -> Style {
    Style(role, attributes.union(more))
  }
}
