import Foundation
import OrgTopCore
import OrgTopTestSupport
import OrgTopUI
import Testing

/// The states the golden screens show, each produced by the reducer from the fixture
/// organization (`Fixtures`, answered through `ReducerHarness`) and keys pressed as a user
/// would: no view model is built by hand, so every figure on a golden is one the program
/// computes from the fixture's data.
struct GoldenScenario: Sendable, CustomTestStringConvertible {
  /// The golden files' base name (`<name>-<columns>x<rows>`).
  var name: String
  /// Kiosk mode (no tab line; the page of the instant).
  var kiosk = false
  /// Profiles for the picker (`P`).
  var profiles = false
  /// How the fetches are answered.
  var answers = Answers.fixture
  /// Keys pressed once loaded.
  var keys: [KeyPress] = []
  /// Seconds the clock runs on after loading, refreshes answered by `later` (an outage).
  var laterSeconds = 0
  var later: FetchFailure?

  var testDescription: String { name }

  /// How the fixture's fetches are answered.
  enum Answers: Sendable {
    /// The fixture organization.
    case fixture
    /// Nothing answered yet.
    case none
    /// Every fetch refused (an admin key the API rejects).
    case rejected
    /// The fixture with hostile names: escape sequences, bidi overrides, zero-width characters,
    /// Zalgo, emoji sequences, CJK and fullwidth text in the organization and the keys.
    case hostile
    /// An organization with one admin and nothing else: no keys, no usage, no workspaces.
    case empty
  }

  static let hostileOrganization = "Acme \u{1B}[5mBlink\u{1B}[0m 株式会社"
  static let hostileNames = [
    "\u{1B}[31mred\u{1B}[0m-key\u{1B}]0;pwned\u{07}",
    "admin\u{202E}gnp.exe\u{202C}",
    "zero\u{200B}width\u{FEFF}key",
    "Z\u{0351}\u{0352}\u{0353}\u{0354}a\u{0300}\u{0301}\u{0302}\u{0303}lgo",
    "👩‍👩‍👧‍👦 family 🇯🇵 flag",
    "全角ＡＢＣ１２３日本語のキー名前がとても長い",
    "tab\there\nnewline\r\u{7F}del\u{9B}1mc1",
    "\u{1B}P+q\u{1B}\\dcs \u{1B}(0lqk\u{1B}(B",
  ]

  static let rejection = FetchFailure(
    kind: .unauthorized, status: 401, message: "Admin key rejected (401 authentication_error)",
    remedy: "Check ANTHROPIC_ADMIN_KEY")
  static let refused = FetchFailure(
    kind: .network,
    message: "Cannot reach api.anthropic.com: connection refused (nothing is listening there)",
    remedy: "Check the base URL's host and port, and that the server is up")

  /// The answer to `request` under `answers`.
  static func answer(_ request: DataRequest, _ answers: Answers) -> Result<
    DataResponse, FetchFailure
  > {
    switch (answers, request) {
    case (.rejected, _): return .failure(rejection)
    case (.hostile, .organization):
      var organization = Fixtures.organization
      organization.name = hostileOrganization
      return .success(.organization(organization))
    case (.hostile, .apiKeys):
      var keys = Fixtures.apiKeys
      for (index, name) in hostileNames.enumerated() where index < keys.count {
        keys[index].name = name
      }
      return .success(.apiKeys(keys))
    case (.empty, .apiKeys): return .success(.apiKeys([]))
    case (.empty, .workspaces): return .success(.workspaces([]))
    case (.empty, .members): return .success(.members([Fixtures.members[0]]))
    case (.empty, .invites): return .success(.invites([]))
    case (.empty, .spendLimits):
      // No workspace, so no workspace's cap: the organization's limit and the tier's.
      return .success(
        .spendLimits(
          Fixtures.spendLimits.filter {
            if case .workspace = $0.scope { return false }
            return true
          }))
    case (.empty, .usage(let query)):
      var report = Fixtures.usageReport(query)
      report.rows = []
      return .success(.usage(report))
    case (.empty, .cost(let query)):
      var report = Fixtures.costReport(query)
      report.rows = []
      return .success(.cost(report))
    default: return .success(Fixtures.response(to: request))
    }
  }

  /// The reducer's state for this scenario at `size`, and its instant.
  func harness(size: TerminalSize) -> ReducerHarness {
    var configuration = Fixtures.configuration
    if kiosk { configuration.kiosk = KioskSettings(rotation: 20) }
    if profiles {
      configuration.profiles = [
        ProfileSummary(name: "production"),
        ProfileSummary(
          name: "demo", organization: "Acme Robotics", spend: Money(minorUnits: 326_073),
          limit: Money(minorUnits: 500_000), limitSource: "org limit", asOf: Fixtures.now),
      ]
      configuration.activeProfile = "demo"
    }
    var harness = ReducerHarness(configuration: configuration)
    harness.send(
      .layoutChanged(size: size, pageSizes: Screen.pageSizes(for: size, tabs: !kiosk)))
    let started = harness.start()
    if case .none = answers { return harness }
    harness.complete(started) { _, request in Self.answer(request, answers) }
    for key in keys {
      // What a key asks for (a view's on-demand reads) is answered too, before the next key.
      let effects = harness.press(key)
      _ = harness.completeKeyed(effects) { Self.answer($0, answers) }
    }
    if let later {
      for _ in 0..<laterSeconds {
        harness.complete(harness.advance(by: 1)) { _, _ in .failure(later) }
      }
    }
    return harness
  }

  /// The view model the program shows for this scenario at `size`.
  func viewModel(size: TerminalSize) -> DashboardViewModel {
    let harness = harness(size: size)
    return DashboardViewModel(state: harness.state, now: harness.now)
  }

  /// The frame for this scenario at `size`.
  func render(size: TerminalSize, options: RenderOptions = .unicode) -> Grid {
    Screen.render(viewModel(size: size), size: size, options: options)
  }
}

extension GoldenScenario {
  static let dashboard = GoldenScenario(name: "dashboard")
  static let help = GoldenScenario(name: "help", keys: [.character("?")])
  /// The detail of the second key in the list (`prod-backend` is first by cost).
  static let keyDetail = GoldenScenario(name: "key-detail", keys: [.down, .enter])
  static let keyAction = GoldenScenario(name: "key-action", keys: [.down, .character("d")])
  static let profilePicker = GoldenScenario(
    name: "profiles", profiles: true, keys: [.character("P")])
  static let loading = GoldenScenario(name: "loading", answers: .none)
  static let failed = GoldenScenario(name: "failed", answers: .rejected)
  /// Loaded, then the API unreachable for five minutes: every pane stale, the outage in the
  /// status bar.
  static let stale = GoldenScenario(name: "stale", laterSeconds: 300, later: refused)
  static let hostile = GoldenScenario(name: "hostile", answers: .hostile)
  /// A key's detail over stale panes, for the ASCII fallback.
  static let staleDetail = GoldenScenario(
    name: "ascii-detail", keys: [.down, .enter], laterSeconds: 300, later: refused)
  static let emptyOrganization = GoldenScenario(name: "empty-org", answers: .empty)
  static let emptyFilter = GoldenScenario(
    name: "empty-filter",
    keys: [.character("/"), .character("z"), .character("z"), .character("z")])
  static let scrolled = GoldenScenario(name: "scrolled", keys: [.end])
  /// A model group's limit in detail (the fifth line: Claude Sonnet's requests/min, which a
  /// workspace overrides): the group's limits with their peaks and the workspaces' own values.
  static let rateLimitDetail = GoldenScenario(
    name: "rate-limit-detail", keys: [.character("4"), .down, .down, .down, .down, .enter])

  /// Every scenario rendered at the three golden sizes. The members, workspaces and
  /// rate-limits views, the kiosk's pages and the other key actions have their own suites
  /// (`MembersScreenTests`, `WorkspacesScreenTests`, `KioskScreenTests`,
  /// `KeyActionScreenTests`), from the same fixture through the reducer.
  static let all: [GoldenScenario] = [
    dashboard, help, keyDetail, keyAction, profilePicker, loading, failed, stale, hostile,
    emptyOrganization, rateLimitDetail,
  ]
}
