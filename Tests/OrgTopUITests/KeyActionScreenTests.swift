import OrgTopCore
import OrgTopTestSupport
import OrgTopUI
import Testing

/// The key actions' confirmations at 80x24, from reducer state on the shared fixture: the
/// question names the key and the change, the text field shows what is typed, and the
/// API's refusal shows with its remedy.
@Suite("Golden screens: key actions")
struct KeyActionScreenTests {
  static let size = TerminalSize(columns: 80, rows: 24)

  private func harness() -> ReducerHarness {
    var harness = ReducerHarness()
    let rows = Screen.pageSizes(for: Self.size)[.keys]
    harness.loadFixture(source: .analytics, keyPageSize: rows)
    harness.send(.layoutChanged(size: Self.size, pageSizes: PageSizes([.keys: rows])))
    return harness
  }

  private func render(_ harness: ReducerHarness) -> Grid {
    Screen.render(
      DashboardViewModel(state: harness.state, now: harness.now), size: Self.size,
      options: .unicode)
  }

  private func select(_ id: String, in harness: inout ReducerHarness) {
    harness.press(.home)
    for _ in 0..<Fixtures.apiKeys.count where harness.state.selectedKeyRow?.key.id != id {
      harness.press(.down)
    }
  }

  @Test func deactivate() {
    var harness = harness()
    select("apikey_01DataPipeline0000000003", in: &harness)
    harness.press(.character("d"))
    let grid = render(harness)
    #expect(grid.contains("Deactivate key 'data-pipeline'"))
    #expect(grid.contains("(apikey_01DataPipeline0000000003)?"))
    #expect(grid.contains("y deactivate · n/Esc cancel"))
    #expect(grid.lines[23].contains("y deactivate"))
    GoldenFile.verify(grid, named: "key-action-deactivate-80x24")
  }

  @Test func rename() {
    var harness = harness()
    select("apikey_01DataPipeline0000000003", in: &harness)
    harness.press(.character("n"))
    for _ in 0..<"pipeline".count { harness.press(.backspace) }
    harness.type("etl")
    let grid = render(harness)
    #expect(grid.contains("New name: data-etl_"))
    GoldenFile.verify(grid, named: "key-action-rename-80x24")
  }

  @Test func archiveWithAWrongName() {
    var harness = harness()
    select("apikey_01DataPipeline0000000003", in: &harness)
    harness.press(.character("A"))
    harness.type("data-pipe")
    harness.press(.enter)
    let grid = render(harness)
    #expect(grid.contains("This is final"))
    #expect(grid.contains("Type its name: data-pipe_"))
    #expect(grid.contains("Type the key's name exactly to archive it, or Esc to cancel"))
    GoldenFile.verify(grid, named: "key-action-archive-80x24")
  }

  @Test func refusedByTheAPI() throws {
    var harness = harness()
    select("apikey_01DataPipeline0000000003", in: &harness)
    harness.press(.character("d"))
    let effects = harness.press(.character("y"))
    #expect(render(harness).contains("Deactivating… waiting for the API's answer"))
    let update = try #require(
      effects.compactMap { effect -> KeyUpdate? in
        if case .updateKey(let update) = effect { return update }
        return nil
      }.first)
    let refused = FetchFailure(
      kind: .forbidden, status: 403,
      message: "Permission denied (403): not an admin key, or it lacks permission",
      remedy: "The admin key lacks permission to change keys: use an Admin key that has it")
    harness.send(.keyUpdateCompleted(update, .failure(refused), at: harness.now))
    let grid = render(harness)
    #expect(grid.contains("The admin key lacks permission to change keys"))
    GoldenFile.verify(grid, named: "key-action-failed-80x24")
  }

  @Test func aHostileNameIsSanitized() {
    var harness = harness()
    select("apikey_01RedAlert00000000000006", in: &harness)
    harness.press(.character("a"))
    let grid = render(harness)
    #expect(grid.contains("Reactivate key '"))
    #expect(!grid.text.contains("\u{1B}"))
    GoldenFile.verify(grid, named: "key-action-hostile-80x24")
  }
}
