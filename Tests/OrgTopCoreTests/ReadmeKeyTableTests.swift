import Foundation
import OrgTopCore
import Testing

/// The README's key table is the keymap's: one table drives the reducer, the hint bar, the help
/// overlay and the README, and this test keeps the README in step.
struct ReadmeKeyTableTests {
  @Test func readmeListsExactlyTheKeymap() throws {
    let readme = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("README.md")
    let text = try String(contentsOf: readme, encoding: .utf8)
    let begin = try #require(text.range(of: "<!-- keymap:begin"))
    let afterBegin = try #require(text[begin.upperBound...].range(of: "-->\n"))
    let end = try #require(text.range(of: "<!-- keymap:end -->"))
    let table = String(text[afterBegin.upperBound..<end.lowerBound])
    #expect(
      table == KeyMap.markdownTable(),
      "README.md's key table is out of date; replace it with:\n\(KeyMap.markdownTable())")
  }

  @Test func everyBindingInTheTableIsAKeyTheReducerAccepts() {
    for binding in KeyMap.bindings {
      for key in binding.keys {
        #expect(KeyMap.command(for: key) == binding.command, "\(key) should \(binding.command)")
      }
    }
  }
}
