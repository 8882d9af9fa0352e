/// What a piece of text means, which the UI maps to a colour and attribute for the terminal's
/// colour depth. Meaning is never carried by colour alone: every role's text says it in words
/// or symbols too.
package enum TextRole: Hashable, Sendable, CaseIterable {
  case normal
  /// Secondary information: labels, units, archived rows.
  case dim
  /// A field label.
  case label
  /// Titles and emphasis.
  case title
  /// Highlighted figures (the headline spend).
  case accent
  /// Healthy: active keys, spend well under the limit.
  case good
  /// Attention: stale data, spend near the limit, keys about to expire.
  case warning
  /// Trouble: errors, spend over the limit, expired keys.
  case danger
  /// The DEMO / READ-ONLY badges.
  case badge
}

/// A run of text with one role.
package struct StyledText: Hashable, Sendable {
  package var text: String
  package var role: TextRole

  package init(_ text: String, role: TextRole = .normal) {
    self.text = text
    self.role = role
  }
}

/// A label and its value, one line of an overview, gauge or detail pane.
package struct LabeledValue: Hashable, Sendable {
  package var label: String
  package var value: String
  package var role: TextRole

  package init(_ label: String, _ value: String, role: TextRole = .normal) {
    self.label = label
    self.value = value
    self.role = role
  }
}
