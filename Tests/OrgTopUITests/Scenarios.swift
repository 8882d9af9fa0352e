import OrgTopCore
import OrgTopTestSupport

/// Dashboard states for the golden tests, built from the sample dashboard.
enum Scenarios {
  /// Nothing loaded yet.
  static func loading() -> DashboardViewModel {
    var model = SampleDashboard.dashboard()
    model.overview.condition = .loading("Loading organization…")
    model.usage.condition = .loading("Loading usage and cost reports…")
    model.keys.condition = .loading("Loading API keys…")
    model.keys.rows = []
    model.keys.selectedIndex = nil
    model.status = StatusBarViewModel(left: [StyledText("Connecting…", role: .dim)], cause: [])
    return model
  }

  /// The first load failed: no data to show, the reason and the retry in words.
  static func failed() -> DashboardViewModel {
    var model = loading()
    model.overview.condition = .failed("Organization unavailable: 401 authentication_error")
    model.usage.condition = .failed(
      "Could not load usage: 401 authentication_error. Check ANTHROPIC_ADMIN_KEY; retrying in 30 s."
    )
    model.keys.condition = .failed("Could not load API keys: 401 authentication_error")
    model.status = StatusBarViewModel(
      left: [StyledText("Never updated", role: .warning)],
      cause: [StyledText("✗ 401 authentication_error · retry in 30 s", role: .danger)])
    return model
  }

  /// Refreshes failing: last good data stays, each pane says how old it is, and the spend is
  /// over the limit.
  static func stale() -> DashboardViewModel {
    var model = SampleDashboard.dashboard(focus: .usage)
    model.overview.condition = .stale("stale 3 min")
    model.usage.condition = .stale("stale 3 min")
    model.keys.condition = .stale("stale 4 min")
    model.usage.gauge = GaugeViewModel(
      fraction: 1.2843, label: "$6,421.50 of $5,000.00 org limit (128.4%) · OVER LIMIT",
      role: .danger)
    model.usage.rows[1] = LabeledValue("Projected", "$8,912.40 at month end", role: .danger)
    model.usage.rows[2] = LabeledValue("Limit reached", "Nov 22 (exceeded)", role: .danger)
    model.status = StatusBarViewModel(
      left: [StyledText("Updated 3 min ago", role: .warning)],
      cause: [
        StyledText("⚠ 529 overloaded_error", role: .danger),
        StyledText(" · retry in 40 s", role: .dim),
      ])
    return model
  }

  /// A filter that matches nothing.
  static func emptyFilter() -> DashboardViewModel {
    var model = SampleDashboard.dashboard(keys: [])
    model.keys.filter = "prod-eu"
    model.keys.isEditingFilter = true
    model.keys.emptyMessage = "No keys match \"prod-eu\""
    model.keys.footer = "0 of 48 keys shown"
    return model
  }

  /// Names that try to break the screen: escape sequences, bidi overrides, zero-width
  /// characters, Zalgo, emoji sequences, CJK and fullwidth text.
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

  static func hostile() -> DashboardViewModel {
    var rows = SampleDashboard.keyRows(count: 20)
    for (index, name) in hostileNames.enumerated() {
      rows[index].cells[0] = name
    }
    rows[1].cells[3] = "ワークスペース"
    rows[2].cells[5] = "\u{1B}[2J\u{1B}[Hclear"
    var model = SampleDashboard.dashboard(keys: rows, selectedIndex: 4)
    model.header.organization = "Acme \u{1B}[5mBlink\u{1B}[0m 株式会社"
    model.overview.rows[0].value = "Acme \u{1B}[5mBlink\u{1B}[0m 株式会社"
    return model
  }
}
