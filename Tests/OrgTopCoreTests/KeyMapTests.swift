import OrgTopCore
import Testing

@Suite("Key map")
struct KeyMapTests {
  @Test func noKeyIsBoundTwice() {
    let keys = KeyMap.bindings.flatMap(\.keys)
    #expect(Set(keys).count == keys.count)
  }

  @Test func everyCommandHasOneBindingWithTexts() {
    for command in KeyCommand.allCases {
      let bindings = KeyMap.bindings.filter { $0.command == command }
      #expect(bindings.count == 1, "\(command)")
      let binding = bindings.first
      #expect(binding?.keys.isEmpty == false)
      #expect(binding?.label.isEmpty == false)
      #expect(binding?.hint.isEmpty == false)
      #expect(binding?.help.isEmpty == false)
    }
  }

  @Test func dispatchFollowsTheTable() {
    #expect(KeyMap.command(for: .character("j")) == .moveDown)
    #expect(KeyMap.command(for: .down) == .moveDown)
    #expect(KeyMap.command(for: .control("c")) == .quit)
    #expect(KeyMap.command(for: .character("S")) == .reverseSort)
    #expect(KeyMap.command(for: .character("x")) == nil)
  }

  @Test func hintBarIsOrderedByImportance() {
    let bar = KeyMap.hintBar
    #expect(bar.first == KeyHint(keys: "?", action: "help"))
    #expect(bar.map(\.keys) == ["?", "Enter", "/", "s", "r", "Tab", "Esc", "q"])
    #expect(KeyMap.filterHintBar.first == KeyHint(keys: "Enter", action: "keep filter"))
  }

  @Test func helpListsEveryBindingOnce() {
    let sections = KeyMap.helpSections
    #expect(
      sections.map(\.title)
        == [
          KeyMap.navigation, KeyMap.views, KeyMap.data, KeyMap.filterAndSort,
          KeyMap.changeKey, KeyMap.filterEditing,
        ])
    let listed = sections.dropLast().flatMap(\.hints).count
    #expect(listed == KeyMap.bindings.count)
  }

  @Test func markdownTableForTheReadme() {
    let table = KeyMap.markdownTable()
    let lines = table.split(separator: "\n")
    let modes =
      KeyMap.profilePickerBindings.count + KeyMap.confirmationBindings(typesText: false).count
      + KeyMap.confirmationBindings(typesText: true).count
    #expect(lines.count == 2 + KeyMap.bindings.count + KeyMap.filterBindings.count + modes)
    #expect(lines.contains("| `Enter` | Switch to it (in the profile picker) |"))
    #expect(lines[0] == "| Key | Action |")
    #expect(lines.contains("| `?` | Show or hide this help |"))
    #expect(lines.contains("| `↑` `k` | Select the previous row |"))
    #expect(lines.contains("| `2` | Show the members and pending invites |"))
    #expect(table.hasSuffix("\n"))
  }
}
