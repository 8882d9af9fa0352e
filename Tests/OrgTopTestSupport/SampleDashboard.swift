import Foundation
import OrgTopCore

/// Hand-built dashboard view models with realistic content, for render tests and the render
/// benchmark: an organization with 48 keys of every status, names with accents, CJK and emoji,
/// and $3,214.55 spent of a $5,000.00 limit.
package enum SampleDashboard {
  /// The key table's columns, as the view model describes them.
  package static let keyColumns: [ListColumn] = [
    ListColumn(header: "Name", width: .flex(min: 12), priority: 0, sortKey: 0),
    ListColumn(header: "Status", width: .min(10), priority: 1, sortKey: 1),
    ListColumn(header: "Cost MTD", width: .min(10), alignment: .right, priority: 2, sortKey: 2),
    ListColumn(header: "Workspace", width: .min(10), priority: 3, sortKey: 3),
    ListColumn(header: "Tokens", width: .min(7), alignment: .right, priority: 4, sortKey: 4),
    ListColumn(header: "Created by", width: .min(12), priority: 5, sortKey: 5),
    ListColumn(header: "Created", width: .min(10), priority: 6, sortKey: 6),
    ListColumn(header: "Key", width: .min(13), priority: 7, sortKey: 7),
  ]

  private static let names = [
    "prod-backend", "Café résumé bot", "staging-worker", "数据管道-北京", "ci-runner 🚀",
    "analytics-etl", "support-assistant", "Ünïcödé tëst", "batch-summarizer", "한국어 검색",
    "eval-harness", "mobile-app-ios", "mobile-app-android", "docs-search", "legacy-export",
    "marketing-copy", "sales-enrichment", "fraud-scoring", "internal-tools", "data-labeling",
  ]
  private static let workspaces = ["Default", "Production", "Research", "Growth", "研究开发"]
  private static let people = [
    "Ana Souza", "Björn Ekström", "李娜", "Priya Natarajan", "Tomás García", "Mei Tanaka",
  ]

  /// 48 key rows: mostly active, some inactive, expired and archived, sorted by cost.
  package static func keyRows(count: Int = 48) -> [TableRow] {
    (0..<count).map { index in
      let status: (String, TextRole)
      switch index % 12 {
      case 5: status = ("inactive", .dim)
      case 8: status = ("expired", .danger)
      case 11: status = ("archived", .dim)
      case 3: status = ("expires 2d", .warning)
      default: status = ("active", .good)
      }
      let cents = max(0, 98_765 - index * 2_113 - (index % 7) * 97)
      let base = names[index % names.count]
      let name = index < names.count ? base : "\(base)-\(index / names.count + 1)"
      return TableRow(
        id: "apikey_01\(String(format: "%04d", index))",
        cells: [
          name, status.0, "$" + money(cents), workspaces[index % workspaces.count],
          "\(max(1, 480 - index * 9)).\(index % 10) M", people[index % people.count],
          "2026-\(String(format: "%02d", 1 + index % 11))-\(String(format: "%02d", 1 + index % 27))",
          "sk-ant-…\(String(format: "%04X", 0xA1F0 + index * 37))",
        ],
        role: status.1)
    }
  }

  /// Formats cents as `1,234.56`.
  package static func money(_ cents: Int) -> String {
    let dollars = cents / 100
    let rest = cents % 100
    var grouped = ""
    let digits = String(dollars)
    for (offset, digit) in digits.enumerated() {
      if offset > 0 && (digits.count - offset) % 3 == 0 { grouped.append(",") }
      grouped.append(digit)
    }
    return grouped + "." + (rest < 10 ? "0\(rest)" : "\(rest)")
  }

  /// A ready dashboard: the keys pane focused, row 2 selected.
  package static func dashboard(
    keys rows: [TableRow]? = nil, focus: Pane = .keys, selectedIndex: Int? = 2,
    scrollOffset: Int = 0
  ) -> DashboardViewModel {
    let keyRows = rows ?? keyRows()
    return DashboardViewModel(
      header: HeaderViewModel(
        title: "orgtop", organization: "Acme Robotics", badges: ["DEMO", "READ-ONLY"],
        source: "simulator 127.0.0.1:41234 · analytics", clock: "14:52:07 UTC"),
      overview: OverviewViewModel(
        title: "Organization", condition: .ready,
        rows: [
          LabeledValue("Name", "Acme Robotics"),
          LabeledValue("Workspaces", "5 (1 archived)"),
          LabeledValue("Members", "23 · 4 admins"),
          LabeledValue("Invites", "2 pending"),
          LabeledValue("API keys", "36 active · 12 other"),
          LabeledValue("Rate limits", "Tier 4 · 4,000 RPM"),
          LabeledValue("Expiring", "4 keys within 7 days", role: .warning),
        ]),
      usage: UsageViewModel(
        title: "Spend · November (UTC)", condition: .ready,
        gauge: GaugeViewModel(
          fraction: 0.64291, label: "$3,214.55 of $5,000.00 org limit (64.3%)", role: .warning),
        rows: [
          LabeledValue("Burn rate", "$112.40/day (7-day avg)"),
          LabeledValue("Projected", "$4,337.95 at month end"),
          LabeledValue("Limit reached", "not this month", role: .good),
          LabeledValue("Today so far", "$74.12"),
        ],
        sparklines: [
          SparklineViewModel(
            title: "Tokens/min", values: series(count: 120, seed: 3, spikeAt: 100),
            caption: "peak 1.2 M/min"),
          SparklineViewModel(
            title: "Cost/day", values: series(count: 29, seed: 7, spikeAt: nil),
            caption: "max $161.20"),
          SparklineViewModel(
            title: "Requests/min", values: series(count: 120, seed: 11, spikeAt: 60),
            caption: "peak 2,310/min"),
        ],
        footnote: "UTC · data as of 14:47Z (≈5 min behind)"),
      keys: ListTableViewModel(
        title: "API keys", condition: .ready, columns: keyColumns, rows: keyRows, firstRow: 0,
        rowCount: keyRows.count, widestCells: [],
        selectedIndex: keyRows.isEmpty ? nil : selectedIndex, scrollOffset: scrollOffset,
        sortColumn: 2, sortDescending: true, filter: nil, isEditingFilter: false,
        emptyMessage: "No API keys in this organization",
        footer:
          "36 active · 4 inactive · 4 expired · 4 archived · $3,214.55 total (incl. $88.10 no key)"),
      focus: focus,
      status: StatusBarViewModel(
        left: [
          StyledText("Updated 12 s ago", role: .good),
          StyledText(" · next refresh in 48 s", role: .dim),
        ],
        cause: []),
      hints: [
        KeyHint(keys: "q", action: "quit"), KeyHint(keys: "↑↓", action: "move"),
        KeyHint(keys: "⏎", action: "detail"), KeyHint(keys: "Tab", action: "pane"),
        KeyHint(keys: "/", action: "filter"), KeyHint(keys: "s", action: "sort"),
        KeyHint(keys: "r", action: "refresh"), KeyHint(keys: "?", action: "help"),
      ])
  }

  /// A deterministic wavy series with an optional spike, never negative.
  package static func series(count: Int, seed: Int, spikeAt: Int?) -> [Double] {
    (0..<count).map { index in
      let wave = Double((index * 7 + seed * 13) % 23) + Double((index * 3 + seed) % 5) * 2
      let spike = spikeAt.map { index >= $0 && index < $0 + 6 ? 40.0 : 0 } ?? 0
      return 10 + wave + spike
    }
  }

  /// The key detail overlay for the first key.
  package static func keyDetail() -> KeyDetailViewModel {
    KeyDetailViewModel(
      title: "prod-backend · apikey_010000",
      sections: [
        DetailSection(
          title: "Key",
          rows: [
            LabeledValue("Name", "prod-backend"),
            LabeledValue("Status", "active", role: .good),
            LabeledValue("Key", "sk-ant-…A1F0"),
            LabeledValue("Workspace", "Default"),
            LabeledValue("Created by", "Ana Souza (user)"),
            LabeledValue("Created", "2026-01-01 09:12 UTC"),
            LabeledValue("Expires", "never"),
          ]),
        DetailSection(
          title: "This month (UTC)",
          rows: [
            LabeledValue("Cost", "$987.65"),
            LabeledValue("Share of org", "30.7%"),
            LabeledValue("Input tokens", "312.4 M"),
            LabeledValue("Output tokens", "41.9 M"),
            LabeledValue("Cache reads", "128.0 M"),
          ]),
        DetailSection(
          title: "Top models",
          rows: [
            LabeledValue("claude-sonnet-4-5", "$712.30"),
            LabeledValue("claude-haiku-4-5", "$201.11"),
            LabeledValue("claude-opus-4-1", "$74.24"),
          ]),
      ],
      sparklines: [
        SparklineViewModel(
          title: "Tokens/min (last 2 h)", values: series(count: 120, seed: 5, spikeAt: 90),
          caption: "peak 410 k/min"),
        SparklineViewModel(
          title: "Cost/day (November)", values: series(count: 29, seed: 2, spikeAt: nil),
          caption: "max $48.20"),
      ])
  }

  /// The help overlay, as the keymap would generate it.
  package static func help() -> HelpViewModel {
    HelpViewModel(
      title: "Keys",
      sections: [
        HelpSection(
          title: "Navigation",
          hints: [
            KeyHint(keys: "↑ ↓  k j", action: "move the selection"),
            KeyHint(keys: "PgUp PgDn", action: "move a page"),
            KeyHint(keys: "Home End  g G", action: "first / last key"),
            KeyHint(keys: "Tab Shift-Tab", action: "next / previous pane"),
            KeyHint(keys: "Enter", action: "open the selected key"),
            KeyHint(keys: "Esc", action: "back / close"),
          ]),
        HelpSection(
          title: "View",
          hints: [
            KeyHint(keys: "/", action: "filter keys by name"),
            KeyHint(keys: "s", action: "next sort column"),
            KeyHint(keys: "S", action: "reverse the sort"),
            KeyHint(keys: "r", action: "refresh now"),
          ]),
        HelpSection(
          title: "Program",
          hints: [
            KeyHint(keys: "?", action: "this help"),
            KeyHint(keys: "q  Ctrl-C", action: "quit"),
          ]),
      ])
  }
}
