/// Everything the dashboard shows, as text and meaning, with no layout: a pure projection of
/// `DashboardState` at an instant. `OrgTopUI` lays it out for any terminal size.
package struct DashboardViewModel: Hashable, Sendable {
  package var header: HeaderViewModel
  package var overview: OverviewViewModel
  package var usage: UsageViewModel
  package var keys: ListTableViewModel
  /// The pane that has the keyboard focus (drawn with a highlighted border and title).
  package var focus: Pane
  package var status: StatusBarViewModel
  /// The hint bar, in order of importance (the UI drops from the end when short of room).
  package var hints: [KeyHint]
  /// A view drawn over the dashboard.
  package var overlay: Overlay?
  /// Kiosk mode's page and alarm; `nil` on the interactive dashboard.
  package var kiosk: KioskViewModel?
  /// The tab line of the views; `nil` in kiosk mode (nobody switches views on a wall).
  package var tabs: TabBarViewModel?
  /// The members view, when it is the view shown (the dashboard's panes are not drawn then).
  package var members: MembersViewModel?
  /// The workspaces view, when it is the view shown.
  package var workspaces: ListTableViewModel?
  /// The rate-limits view, when it is the view shown.
  package var rateLimits: ListTableViewModel?

  package init(
    header: HeaderViewModel, overview: OverviewViewModel, usage: UsageViewModel,
    keys: ListTableViewModel,
    focus: Pane, status: StatusBarViewModel, hints: [KeyHint], overlay: Overlay? = nil,
    kiosk: KioskViewModel? = nil, tabs: TabBarViewModel? = nil,
    members: MembersViewModel? = nil, workspaces: ListTableViewModel? = nil,
    rateLimits: ListTableViewModel? = nil
  ) {
    self.header = header
    self.overview = overview
    self.usage = usage
    self.keys = keys
    self.focus = focus
    self.status = status
    self.hints = hints
    self.overlay = overlay
    self.kiosk = kiosk
    self.tabs = tabs
    self.members = members
    self.workspaces = workspaces
    self.rateLimits = rateLimits
  }
}

/// The dashboard's panes, in Tab order.
package enum Pane: String, Hashable, Sendable, CaseIterable {
  case overview, keys, usage
  /// The members view's two panes.
  case members, invites
}

/// A view drawn over the dashboard.
package enum Overlay: Hashable, Sendable {
  case keyDetail(KeyDetailViewModel)
  case help(HelpViewModel)
  case profiles(ProfilePickerViewModel)
  /// A key action's confirmation.
  case keyAction(KeyActionViewModel)
  /// A rate limit's group in detail (drawn as a key detail is: titled sections of fields).
  case rateLimitDetail(KeyDetailViewModel)
}

/// The top line: product, organization, mode badges and the clock (the heartbeat of a wall screen).
package struct HeaderViewModel: Hashable, Sendable {
  package var title: String
  package var organization: String
  /// Badges such as `DEMO` or `READ-ONLY`, drawn in `.badge` style.
  package var badges: [String]
  /// Where the data comes from, e.g. `simulator 127.0.0.1:41234 · analytics`.
  package var source: String
  /// Wall clock with its zone, e.g. `14:52:07 UTC`.
  package var clock: String

  package init(title: String, organization: String, badges: [String], source: String, clock: String)
  {
    self.title = title
    self.organization = organization
    self.badges = badges
    self.source = source
    self.clock = clock
  }
}

/// How a pane's content stands.
package enum PaneCondition: Hashable, Sendable {
  /// Nothing loaded yet; the pane shows the message instead of content.
  case loading(String)
  /// Nothing could be loaded; the pane shows what went wrong and what to do.
  case failed(String)
  case ready
  /// Showing last good data; the title gets a stale marker with this text (e.g. `stale 3 min`).
  case stale(String)
}

/// The organization overview pane.
package struct OverviewViewModel: Hashable, Sendable {
  package var title: String
  package var condition: PaneCondition
  package var rows: [LabeledValue]

  package init(title: String, condition: PaneCondition, rows: [LabeledValue]) {
    self.title = title
    self.condition = condition
    self.rows = rows
  }
}

/// A horizontal gauge: a fraction filled, drawn with sub-cell resolution.
package struct GaugeViewModel: Hashable, Sendable {
  /// Filled fraction; may exceed 1 when spend is over the limit (the bar is full and says so).
  package var fraction: Double
  /// Text drawn with the bar, e.g. `64.3% of $5,000.00 org limit`.
  package var label: String
  package var role: TextRole

  package init(fraction: Double, label: String, role: TextRole) {
    self.fraction = fraction
    self.label = label
    self.role = role
  }
}

/// A small chart of a series, one value per column from oldest to newest.
package struct SparklineViewModel: Hashable, Sendable {
  package var title: String
  package var values: [Double]
  /// A short summary drawn beside it, e.g. `peak 1.2 M/min`.
  package var caption: String

  package init(title: String, values: [Double], caption: String) {
    self.title = title
    self.values = values
    self.caption = caption
  }
}

/// The usage gauge pane: month-to-date spend against the limit, burn rate, projection.
package struct UsageViewModel: Hashable, Sendable {
  package var title: String
  package var condition: PaneCondition
  /// `nil` when there is no limit to measure against (spend is still shown in `rows`).
  package var gauge: GaugeViewModel?
  package var rows: [LabeledValue]
  /// Charts in order of importance; the UI shows as many as fit.
  package var sparklines: [SparklineViewModel]
  /// Freshness and window note, e.g. `UTC · data as of 14:47Z (≈5 min behind)`.
  package var footnote: String

  package init(
    title: String, condition: PaneCondition, gauge: GaugeViewModel?, rows: [LabeledValue],
    sparklines: [SparklineViewModel], footnote: String
  ) {
    self.title = title
    self.condition = condition
    self.gauge = gauge
    self.rows = rows
    self.sparklines = sparklines
    self.footnote = footnote
  }
}

/// The bottom status line: freshness on the left, the last error (if any) on the right: what
/// happened (`cause`), then what to do and when orgtop retries (`advice`). When the two do not
/// fit on one line beside the freshness, the advice takes a second line.
package struct StatusBarViewModel: Hashable, Sendable {
  package var left: [StyledText]
  package var cause: [StyledText]
  package var advice: [StyledText]

  package init(left: [StyledText], cause: [StyledText], advice: [StyledText] = []) {
    self.left = left
    self.cause = cause
    self.advice = advice
  }

  /// The cause and the advice on one line, separated by a dot.
  package var right: [StyledText] {
    guard !cause.isEmpty, !advice.isEmpty else { return cause + advice }
    return cause + [StyledText(" · ", role: .dim)] + advice
  }
}

/// A key and what it does, for the hint bar and the help overlay.
package struct KeyHint: Hashable, Sendable {
  package var keys: String
  package var action: String

  package init(keys: String, action: String) {
    self.keys = keys
    self.action = action
  }
}

/// The detail view of one API key.
package struct KeyDetailViewModel: Hashable, Sendable {
  package var title: String
  package var sections: [DetailSection]
  package var sparklines: [SparklineViewModel]

  package init(title: String, sections: [DetailSection], sparklines: [SparklineViewModel]) {
    self.title = title
    self.sections = sections
    self.sparklines = sparklines
  }
}

/// A titled group of fields in a detail view.
package struct DetailSection: Hashable, Sendable {
  package var title: String
  package var rows: [LabeledValue]

  package init(title: String, rows: [LabeledValue]) {
    self.title = title
    self.rows = rows
  }
}

/// The help overlay, generated from the keymap.
package struct HelpViewModel: Hashable, Sendable {
  package var title: String
  package var sections: [HelpSection]

  package init(title: String, sections: [HelpSection]) {
    self.title = title
    self.sections = sections
  }
}

/// A titled group of key bindings in the help overlay.
package struct HelpSection: Hashable, Sendable {
  package var title: String
  package var hints: [KeyHint]

  package init(title: String, hints: [KeyHint]) {
    self.title = title
    self.hints = hints
  }
}
