import Foundation
import OrgTopCore
import OrgTopTestSupport
import Testing

/// Every key the program handles is in the table of the context it is pressed in: every key
/// is fed to every context (views and panes, typing a filter, the help, the key detail, the
/// profile picker, the two confirmations), and a key that changes the state or asks for
/// anything is checked against that context's table (``KeyMap/listedKeys(in:)``), Ctrl-C
/// aside, and printable keys aside where the context types text.
@Suite("Key contexts: every key with an effect is listed")
struct KeyContextCoverageTests {
  /// Every key the terminal adapter can decode, near enough: printable ASCII and a non-ASCII
  /// letter, every control chord, every named key, F1 to F12.
  static let everyKey: [KeyPress] = {
    var keys: [KeyPress] = (0x20...0x7E).map { .character(Character(UnicodeScalar($0)!)) }
    keys.append(.character("é"))
    keys += "abcdefghijklmnopqrstuvwxyz".map { .control($0) }
    keys += [
      .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .tab,
      .backTab, .backspace, .delete,
    ]
    keys += (1...12).map { .function($0) }
    return keys
  }()

  /// A scenario: how to reach the context from the loaded fixture, and the context expected.
  struct Scenario: CustomTestStringConvertible, Sendable {
    var name: String
    var context: KeyContext
    var keys: [KeyPress]
    var testDescription: String { name }
  }

  static let scenarios: [Scenario] = [
    Scenario(name: "dashboard, keys", context: .view(.dashboard), keys: []),
    Scenario(name: "dashboard, usage", context: .view(.dashboard), keys: [.tab]),
    Scenario(name: "members", context: .view(.members), keys: [.character("2")]),
    Scenario(name: "members, invites", context: .view(.members), keys: [.character("2"), .tab]),
    Scenario(name: "workspaces", context: .view(.workspaces), keys: [.character("3")]),
    Scenario(name: "rate limits", context: .view(.rateLimits), keys: [.character("4")]),
    Scenario(name: "typing a filter", context: .filter, keys: [.character("/")]),
    Scenario(
      name: "typing the members' filter", context: .filter,
      keys: [.character("2"), .character("/"), .character("a")]),
    Scenario(name: "help", context: .help, keys: [.character("?")]),
    Scenario(name: "key detail", context: .keyDetail, keys: [.enter]),
    Scenario(
      name: "rate-limit detail", context: .rateLimitDetail, keys: [.character("4"), .enter]),
    Scenario(name: "profile picker", context: .profilePicker, keys: [.character("P")]),
    Scenario(
      name: "confirming a deactivation", context: .confirmation(typesText: false),
      keys: [.character("d")]),
    Scenario(
      name: "typing a new name", context: .confirmation(typesText: true),
      keys: [.character("n")]),
  ]

  static func harness(_ scenario: Scenario) -> ReducerHarness {
    var configuration = Fixtures.configuration
    configuration.profiles = [ProfileSummary(name: "one"), ProfileSummary(name: "two")]
    configuration.activeProfile = "one"
    var harness = ReducerHarness(configuration: configuration)
    harness.loadFixture()
    for key in scenario.keys { harness.press(key) }
    return harness
  }

  @Test(arguments: scenarios)
  func everyKeyWithAnEffectIsListed(_ scenario: Scenario) throws {
    var base = Self.harness(scenario).state
    try #require(KeyContext(state: base) == scenario.context, "the scenario reaches its context")
    // A key clears the last notice and write outcome whatever it is: not an effect of its own.
    base.notice = nil
    base.keyWrite.outcome = nil
    let listed = KeyMap.listedKeys(in: scenario.context).union(KeyMap.globalKeys)
    var acted: [KeyPress] = []
    for key in Self.everyKey {
      var state = base
      let effects = DashboardReducer.reduce(
        into: &state, action: .keyPressed(key, at: state.lastSeen ?? Fixtures.now))
      let asked = effects.contains {
        switch $0 {
        case .wake, .fetch, .fetchKeyed: false
        default: true
        }
      }
      guard state != base || asked else { continue }
      acted.append(key)
      if case .character = key, scenario.context.typesText { continue }
      #expect(listed.contains(key), "\(key) acts in \(scenario.name) but is not in its table")
    }
    // The check has teeth: in every context some keys act.
    #expect(!acted.isEmpty)
  }

  @Test func theContextFollowsTheMode() {
    var harness = Self.harness(Self.scenarios[0])
    #expect(KeyContext(state: harness.state) == .view(.dashboard))
    harness.press(.character("/"))
    #expect(KeyContext(state: harness.state) == .filter)
    harness.press(.escape)
    harness.press(.character("4"))
    #expect(KeyContext(state: harness.state) == .view(.rateLimits))
  }
}
