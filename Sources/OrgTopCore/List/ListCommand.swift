/// What any list does with a key: the navigation, filter and sort every list shares, mapped
/// from the keymap's commands (``KeyCommand``) so the bindings are the same in every list.
package enum ListCommand: Hashable, Sendable {
  case up, down, pageUp, pageDown, top, bottom
  /// `/`: start (or resume) typing the filter.
  case startFilter
  /// `Esc` outside the filter line: drop the filter.
  case clearFilter
  /// `s`: the next sort column, in its default direction.
  case cycleSort
  /// `S`: the other direction.
  case reverseSort

  /// The list command a keymap command stands for, if it is one.
  package init?(_ command: KeyCommand) {
    switch command {
    case .moveUp: self = .up
    case .moveDown: self = .down
    case .pageUp: self = .pageUp
    case .pageDown: self = .pageDown
    case .moveToTop: self = .top
    case .moveToBottom: self = .bottom
    case .startFilter: self = .startFilter
    case .cycleSort: self = .cycleSort
    case .reverseSort: self = .reverseSort
    default: return nil
    }
  }
}
