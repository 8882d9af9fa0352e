import Foundation

/// Kiosk mode (`--kiosk`): a wall screen that nobody touches. Read-only, no hint bar, no
/// dialog, the month's figures in big digits, and the pages rotating on their own.
package struct KioskSettings: Hashable, Sendable {
  /// The rotation period when none is given (`--rotate`).
  package static let defaultRotation: TimeInterval = 20
  /// The shortest rotation accepted: a page must stay long enough to be read.
  package static let minimumRotation: TimeInterval = 5

  /// How long each page stays, in seconds.
  package var rotation: TimeInterval

  package init(rotation: TimeInterval = Self.defaultRotation) {
    self.rotation = max(rotation, Self.minimumRotation)
  }

  /// The page shown at `now`: pages change on multiples of the rotation since the epoch, so the
  /// choice is a function of the instant alone (no timer, no state) and several screens
  /// started apart still turn together.
  package func pageIndex(at now: Date, pageCount: Int) -> Int {
    guard pageCount > 1 else { return 0 }
    let slot = Int((now.timeIntervalSince1970 / rotation).rounded(.down))
    return ((slot % pageCount) + pageCount) % pageCount
  }
}
