import Foundation
import OrgTopCore
import OrgTopTestSupport
import Testing

/// The key actions in the reducer: a confirmation that names the key, the one write only after
/// it, the list changed only by the API's answer, failures that keep the key, read-only.
@Suite("Reducer: key actions")
struct ReducerKeyActionTests {
  static let created = Date(timeIntervalSince1970: 1_780_000_000)

  /// Three keys, sorted by name so the selection is predictable: the first row is selected.
  static func loaded(
    _ statuses: [(String, APIKeyStatus)] = [
      ("ci-deploy", .active), ("old-bot", .inactive), ("gone", .archived),
    ],
    readOnly: Bool = false
  ) -> ReducerHarness {
    var configuration = Fixtures.configuration
    configuration.isReadOnly = readOnly
    var harness = ReducerHarness(configuration: configuration)
    let keys = statuses.map {
      APIKey(id: "apikey_\($0.0)", name: $0.0, status: $0.1, createdAt: created)
    }
    harness.send(
      .layoutChanged(size: TerminalSize(columns: 80, rows: 24), pageSizes: PageSizes([.keys: 5])))
    harness.complete(harness.start()) { slot, request in
      slot == .apiKeys ? .success(.apiKeys(keys)) : .success(Fixtures.response(to: request))
    }
    // Sort by name, ascending, so row order is the order given above.
    while harness.state.keyList.sortColumn != .name { harness.press(.character("s")) }
    if harness.state.keyList.sortDescending { harness.press(.character("S")) }
    harness.press(.home)
    return harness
  }

  /// Selects the key named `name`.
  static func select(_ name: String, in harness: inout ReducerHarness) {
    harness.press(.home)
    while harness.state.selectedKeyRow?.key.name != name { harness.press(.down) }
  }

  static func prompt(_ harness: ReducerHarness) -> KeyActionPrompt? {
    if case .keyAction(let prompt) = harness.state.overlay { return prompt }
    return nil
  }

  static func updates(in effects: [Effect]) -> [KeyUpdate] {
    effects.compactMap {
      if case .updateKey(let update) = $0 { return update }
      return nil
    }
  }

  static func key(_ id: String, in harness: ReducerHarness) -> APIKey? {
    harness.state.apiKeys.value?.first { $0.id == id }
  }

  /// The API's answer to an update: the key with the change applied (written out here, not
  /// taken from the code under test).
  static func answered(_ key: APIKey, status: APIKeyStatus? = nil, name: String? = nil) -> APIKey {
    APIKey(
      id: key.id, name: name ?? key.name, status: status ?? key.status, createdAt: key.createdAt)
  }

  @Test func deactivateAsksThenSendsOneWriteAndTheAnswerUpdatesTheList() throws {
    var harness = Self.loaded()
    #expect(harness.state.selectedKeyRow?.key.name == "ci-deploy")
    #expect(harness.press(.character("d")).isEmpty)
    let prompt = try #require(Self.prompt(harness))
    #expect(prompt.action == .deactivate && prompt.keyID == "apikey_ci-deploy")
    let model = KeyActionViewModel(prompt: prompt)
    #expect(model.paragraphs[0].text == "Deactivate key 'ci-deploy' (apikey_ci-deploy)?")
    #expect(model.keys == "y deactivate · n/Esc cancel")

    let effects = harness.press(.character("y"))
    #expect(
      Self.updates(in: effects) == [
        KeyUpdate(
          keyID: "apikey_ci-deploy", keyName: "ci-deploy", action: .deactivate,
          change: .status(.inactive))
      ])
    #expect(Self.prompt(harness)?.phase == .sending)
    // Never optimistic: still active until the API answers.
    #expect(Self.key("apikey_ci-deploy", in: harness)?.status == .active)
    #expect(harness.state.keyWrite.inFlight?.keyID == "apikey_ci-deploy")
    let status = StatusBarViewModel(state: harness.state, now: harness.now)
    #expect(status.left.map(\.text).joined().contains("deactivating 'ci-deploy'…"))

    let old = try #require(Self.key("apikey_ci-deploy", in: harness))
    let update = try #require(Self.updates(in: effects).first)
    harness.send(
      .keyUpdateCompleted(update, .success(Self.answered(old, status: .inactive)), at: harness.now))
    #expect(Self.key("apikey_ci-deploy", in: harness)?.status == .inactive)
    #expect(
      harness.state.keyRows.first { $0.key.id == "apikey_ci-deploy" }?.key.status == .inactive)
    #expect(harness.state.overlay == nil)
    #expect(harness.state.keyWrite.inFlight == nil)
    #expect(
      harness.state.keyWrite.outcome == .init(text: "Key 'ci-deploy' deactivated", succeeded: true))
    // The selection stays on the key.
    #expect(harness.state.keyList.selectedID == "apikey_ci-deploy")
  }

  @Test func escapeNoAndEnterCancelAYesNoPromptWithNothingSent() {
    for cancel in [KeyPress.escape, .character("n"), .character("N"), .enter] {
      var harness = Self.loaded()
      harness.press(.character("d"))
      #expect(Self.prompt(harness) != nil)
      #expect(Self.updates(in: harness.press(cancel)).isEmpty)
      #expect(harness.state.overlay == nil, "\(cancel)")
      #expect(Self.key("apikey_ci-deploy", in: harness)?.status == .active)
    }
  }

  @Test func otherKeysInAPromptDoNothing() {
    var harness = Self.loaded()
    harness.press(.character("d"))
    for key in [KeyPress.character("q"), .character("d"), .down, .character("x"), .tab] {
      #expect(harness.press(key).isEmpty)
      #expect(Self.prompt(harness)?.action == .deactivate)
    }
    #expect(!harness.state.isQuitting)
  }

  @Test func actionsAreOfferedOnlyWhereTheStatusAllowsThem() {
    // Active: no reactivate.
    var harness = Self.loaded()
    harness.press(.character("a"))
    #expect(harness.state.overlay == nil)
    #expect(
      harness.state.keyWrite.outcome?.text == "Reactivate is not possible: 'ci-deploy' is active")
    // Inactive: no deactivate; reactivate is.
    Self.select("old-bot", in: &harness)
    harness.press(.character("d"))
    #expect(harness.state.overlay == nil)
    harness.press(.character("a"))
    #expect(Self.prompt(harness)?.action == .activate)
    harness.press(.escape)
    // Archived: nothing at all.
    Self.select("gone", in: &harness)
    for key in ["n", "d", "a", "A"] {
      harness.press(.character(Character(key)))
      #expect(harness.state.overlay == nil, "\(key)")
    }
    #expect(KeyAction.available(for: .archived).isEmpty)
    #expect(KeyAction.available(for: .expired) == [.rename, .archive])
    #expect(KeyAction.available(for: .unknown("paused")).isEmpty)
  }

  @Test func reactivateSendsStatusActive() throws {
    var harness = Self.loaded()
    Self.select("old-bot", in: &harness)
    harness.press(.character("a"))
    let effects = harness.press(.character("Y"))
    #expect(Self.updates(in: effects).map(\.change) == [.status(.active)])
  }

  @Test func renameIsATextFieldPrefilledWithTheName() throws {
    var harness = Self.loaded()
    harness.press(.character("n"))
    #expect(Self.prompt(harness)?.text == "ci-deploy")
    // Unchanged is refused with a message; nothing sent.
    #expect(Self.updates(in: harness.press(.enter)).isEmpty)
    #expect(
      Self.prompt(harness)?.phase
        == .confirming(problem: "That is the current name: type a new one, or Esc"))
    // Emptied is refused too.
    for _ in 0..<"ci-deploy".count { harness.press(.backspace) }
    #expect(Self.prompt(harness)?.text == "")
    #expect(Self.updates(in: harness.press(.enter)).isEmpty)
    #expect(
      Self.prompt(harness)?.phase
        == .confirming(problem: "A key needs a name: type one, or Esc to cancel"))
    // Letters that are bindings elsewhere (q, d, n, y) are typed, not obeyed.
    harness.type("deploy-y-q")
    #expect(Self.prompt(harness)?.text == "deploy-y-q")
    #expect(!harness.state.isQuitting)
    let effects = harness.press(.enter)
    #expect(Self.updates(in: effects).map(\.change) == [.rename(to: "deploy-y-q")])
    let update = try #require(Self.updates(in: effects).first)
    let old = try #require(Self.key("apikey_ci-deploy", in: harness))
    harness.send(
      .keyUpdateCompleted(update, .success(Self.answered(old, name: "deploy-y-q")), at: harness.now)
    )
    #expect(Self.key("apikey_ci-deploy", in: harness)?.name == "deploy-y-q")
    #expect(harness.state.keyWrite.outcome?.text == "Renamed 'ci-deploy' to 'deploy-y-q'")
  }

  @Test func renameEscapeSendsNothingAndKeepsTheName() {
    var harness = Self.loaded()
    harness.press(.character("n"))
    harness.type("-new")
    #expect(Self.updates(in: harness.press(.escape)).isEmpty)
    #expect(harness.state.overlay == nil)
    #expect(Self.key("apikey_ci-deploy", in: harness)?.name == "ci-deploy")
  }

  @Test func archiveNeedsTheExactNameTyped() throws {
    var harness = Self.loaded()
    harness.press(.character("A"))
    let model = KeyActionViewModel(prompt: try #require(Self.prompt(harness)))
    #expect(model.paragraphs.map(\.text).joined(separator: " ").contains("This is final"))
    #expect(model.field?.label == "Type its name")
    #expect(Self.updates(in: harness.press(.enter)).isEmpty)
    harness.type("ci-deplo")
    #expect(Self.updates(in: harness.press(.enter)).isEmpty)
    #expect(
      Self.prompt(harness)?.phase
        == .confirming(problem: "Type the key's name exactly to archive it, or Esc to cancel"))
    harness.type("Y")  // case matters
    #expect(Self.updates(in: harness.press(.enter)).isEmpty)
    harness.press(.backspace)
    harness.type("y")
    // `y` was typed, not taken as a confirmation.
    #expect(Self.prompt(harness)?.text == "ci-deploy")
    let effects = harness.press(.enter)
    #expect(Self.updates(in: effects).map(\.change) == [.status(.archived)])
  }

  @Test func aNameThatCannotBeTypedIsConfirmedByItsID() throws {
    var harness = Self.loaded()
    var keys = try #require(harness.state.apiKeys.value)
    let hostile = "evil\u{1B}[2Jname"
    keys[try #require(keys.firstIndex { $0.id == "apikey_ci-deploy" })].name = hostile
    harness.state.apiKeys.value = keys
    Self.select(hostile, in: &harness)
    harness.press(.character("A"))
    #expect(
      KeyActionViewModel(prompt: try #require(Self.prompt(harness))).field?.label == "Type its id")
    harness.type("evil[2Jname")
    #expect(Self.updates(in: harness.press(.enter)).isEmpty)
    for _ in 0..<"evil[2Jname".count { harness.press(.backspace) }
    harness.type("apikey_ci-deploy")
    #expect(Self.updates(in: harness.press(.enter)).map(\.change) == [.status(.archived)])
  }

  @Test func failureKeepsTheKeyAndShowsTheMessageAndRemedy() throws {
    var harness = Self.loaded()
    harness.press(.character("d"))
    let update = try #require(Self.updates(in: harness.press(.character("y"))).first)
    let refused = FetchFailure(
      kind: .forbidden, status: 403,
      message: "Permission denied (403): not an admin key, or it lacks permission",
      remedy: "The admin key lacks permission to change keys: use an Admin key that has it")
    let effects = harness.send(.keyUpdateCompleted(update, .failure(refused), at: harness.now))
    #expect(effects.isEmpty)  // one try: no retry, no refresh loop
    #expect(Self.key("apikey_ci-deploy", in: harness)?.status == .active)
    #expect(Self.prompt(harness)?.phase == .failed(refused))
    let model = KeyActionViewModel(prompt: try #require(Self.prompt(harness)))
    #expect(model.status.map(\.text) == ["Deactivate failed: " + refused.message, refused.remedy])
    #expect(harness.state.keyWrite.inFlight == nil)
    harness.press(.escape)
    #expect(harness.state.overlay == nil)
    // The user can repeat it.
    harness.press(.character("d"))
    #expect(Self.updates(in: harness.press(.character("y"))).count == 1)
  }

  @Test func anAnswerAfterTheOverlayClosedGoesToTheStatusBar() throws {
    var harness = Self.loaded()
    harness.press(.character("d"))
    let update = try #require(Self.updates(in: harness.press(.character("y"))).first)
    harness.press(.escape)  // closes while sending; the write is out
    #expect(harness.state.overlay == nil)
    #expect(harness.state.keyWrite.inFlight == update)
    // A second write waits for the first.
    Self.select("old-bot", in: &harness)
    harness.press(.character("a"))
    #expect(harness.state.overlay == nil)
    #expect(
      harness.state.keyWrite.outcome?.text == "Deactivating 'ci-deploy': wait for the API's answer")
    let lost = FetchFailure(
      kind: .network, message: "Cannot reach api.anthropic.com",
      remedy: "The change may or may not have been made: press r to refresh and check the key")
    harness.send(.keyUpdateCompleted(update, .failure(lost), at: harness.now))
    #expect(
      harness.state.keyWrite.outcome
        == .init(
          text: "Deactivate 'ci-deploy' failed: Cannot reach api.anthropic.com. "
            + lost.remedy, succeeded: false))
    let status = StatusBarViewModel(state: harness.state, now: harness.now)
    #expect(status.cause.map(\.text) == [harness.state.keyWrite.outcome?.text ?? "?"])
    #expect(Self.key("apikey_ci-deploy", in: harness)?.status == .active)
  }

  @Test func actionsFromTheDetailReturnToIt() throws {
    var harness = Self.loaded()
    harness.press(.enter)
    #expect(harness.state.overlay == .keyDetail)
    let hints = DashboardViewModel(state: harness.state, now: harness.now).hints.map(\.keys)
    #expect(hints.prefix(3) == ["n", "d", "A"])
    harness.press(.character("d"))
    #expect(Self.prompt(harness)?.fromDetail == true)
    harness.press(.escape)
    #expect(harness.state.overlay == .keyDetail)
    harness.press(.character("d"))
    let update = try #require(Self.updates(in: harness.press(.character("y"))).first)
    let old = try #require(Self.key("apikey_ci-deploy", in: harness))
    harness.send(
      .keyUpdateCompleted(update, .success(Self.answered(old, status: .inactive)), at: harness.now))
    #expect(harness.state.overlay == .keyDetail)
    let after = DashboardViewModel(state: harness.state, now: harness.now).hints.map(\.keys)
    #expect(after.prefix(3) == ["n", "a", "A"])
  }

  /// With only flagged keys shown, deactivating one from its detail takes it out of the list
  /// (an inactive key is never flagged): the detail closes rather than show the next key's,
  /// and the status says where the key went.
  @Test func aKeyThatLeavesTheFilteredListClosesItsDetail() throws {
    var harness = Self.loaded()
    harness.press(.character("f"))
    #expect(harness.state.keyRows.map(\.key.name) == ["ci-deploy"])
    harness.press(.enter)
    harness.press(.character("d"))
    let update = try #require(Self.updates(in: harness.press(.character("y"))).first)
    let old = try #require(Self.key("apikey_ci-deploy", in: harness))
    harness.send(
      .keyUpdateCompleted(update, .success(Self.answered(old, status: .inactive)), at: harness.now))
    #expect(harness.state.keyRows.isEmpty)
    #expect(harness.state.overlay == nil)
    #expect(
      harness.state.keyWrite.outcome?.text.hasSuffix("(no longer in the filtered list)") == true)
  }

  @Test func readOnlyRefusesEveryActionAndNeverEmitsAWrite() {
    var harness = Self.loaded(readOnly: true)
    for name in ["ci-deploy", "old-bot"] {
      Self.select(name, in: &harness)
      for detail in [false, true] {
        if detail { harness.press(.enter) }
        for key in ["n", "d", "a", "A"] {
          let effects = harness.press(.character(Character(key)))
          #expect(Self.updates(in: effects).isEmpty)
          // Confirmations that would send, had a prompt opened.
          #expect(Self.updates(in: harness.press(.character("y"))).isEmpty)
          #expect(Self.updates(in: harness.press(.enter)).isEmpty)
          #expect(Self.prompt(harness) == nil)
        }
        harness.press(.character("A"))
        #expect(harness.state.keyWrite.outcome?.text == "read-only: key actions are off")
        if detail { harness.press(.escape) }
      }
    }
    // The keys are not offered: not in the detail's hint bar, not in the help.
    harness.press(.enter)
    let hints = DashboardViewModel(state: harness.state, now: harness.now).hints.map(\.keys)
    #expect(!hints.contains { ["n", "d", "a", "A"].contains($0) })
    harness.press(.escape)
    harness.press(.character("?"))
    guard case .help(let help) = DashboardViewModel(state: harness.state, now: harness.now).overlay
    else {
      Issue.record("help not shown")
      return
    }
    #expect(!help.sections.contains { $0.title == KeyMap.changeKey })
    #expect(!help.sections.flatMap(\.hints).contains { $0.keys == "A" })
  }

  @Test func readOnlyRefusesEvenAPromptThatIsAlreadyOpen() {
    // A state that has a prompt in read-only mode (it cannot be reached by keys): confirming
    // it still sends nothing.
    var harness = Self.loaded(readOnly: true)
    let key = APIKey(
      id: "apikey_ci-deploy", name: "ci-deploy", status: .active, createdAt: Self.created)
    harness.state.overlay = .keyAction(
      KeyActionPrompt(action: .deactivate, key: key, fromDetail: false))
    #expect(Self.updates(in: harness.press(.character("y"))).isEmpty)
    #expect(harness.state.overlay == nil)
    #expect(harness.state.keyWrite.outcome?.text == DashboardReducer.readOnlyRefusal)
  }

  @Test func aStatusChangedByARefreshMeanwhileIsCheckedBeforeSending() {
    var harness = Self.loaded()
    harness.press(.character("d"))
    // The key list refreshes while the prompt is open: someone deactivated it already.
    var keys = harness.state.apiKeys.value ?? []
    keys[keys.firstIndex { $0.id == "apikey_ci-deploy" }!].status = .inactive
    harness.state.apiKeys.value = keys
    #expect(Self.updates(in: harness.press(.character("y"))).isEmpty)
    #expect(
      Self.prompt(harness)?.phase
        == .confirming(problem: "Deactivate is no longer possible: the key is now inactive"))
  }
}
