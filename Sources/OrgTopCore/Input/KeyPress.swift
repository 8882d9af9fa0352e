/// A key the user pressed, decoded by the terminal adapter from curses key codes and UTF-8 input.
package enum KeyPress: Hashable, Sendable {
  case character(Character)
  /// A control chord such as Ctrl-L (`.control("l")`).
  case control(Character)
  case up, down, left, right
  case pageUp, pageDown, home, end
  case enter, escape, tab, backTab, backspace, delete
  case function(Int)
}
