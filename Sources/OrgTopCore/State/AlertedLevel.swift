import Foundation

/// The highest level alerted in a month.
package struct AlertedLevel: Hashable, Sendable {
  package var month: Date
  package var level: SpendLevel

  package init(month: Date, level: SpendLevel) {
    self.month = month
    self.level = level
  }
}
