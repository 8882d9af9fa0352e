/// What kiosk mode shows in place of the interactive dashboard: the page of the moment and,
/// when the data has gone stale, an alarm nobody can miss.
package struct KioskViewModel: Hashable, Sendable {
  /// The page on screen now (pages rotate, see ``KioskSettings``).
  package var page: KioskPage
  /// Shown over every page while the data is older than twice its refresh period.
  package var alarm: KioskAlarm?

  package init(page: KioskPage, alarm: KioskAlarm?) {
    self.page = page
    self.alarm = alarm
  }
}

/// A page of the kiosk rotation.
package enum KioskPage: Hashable, Sendable {
  /// The month's figures in big digits, to be read from across a room.
  case figures([BigFigure])
  /// A view's panes (the dashboard, members, workspaces, rate limits), as the interactive
  /// program draws them, without a selection.
  case view(AppView)
}

/// One figure of the kiosk's big display: what it is, the value in big digits and a line that
/// puts it in context.
package struct BigFigure: Hashable, Sendable {
  /// What the figure is, e.g. `SPEND · DECEMBER (UTC)`; the level in words when it matters.
  package var label: String
  /// The value drawn in big digits, e.g. `$12,345.67` or `61.7%`; `--` when not known.
  package var value: String
  /// Context in ordinary text, e.g. `of $20,000.00 org limit · $7,654.33 left`.
  package var caption: String
  package var role: TextRole

  package init(label: String, value: String, caption: String, role: TextRole) {
    self.label = label
    self.value = value
    self.caption = caption
    self.role = role
  }
}

/// The kiosk's stale-data alarm: how old the data is, why, and when orgtop tries again.
package struct KioskAlarm: Hashable, Sendable {
  /// E.g. `STALE: data is 4 min old (last updated 14:02 UTC)`.
  package var headline: String
  /// What went wrong, in words (the API's error or the network's).
  package var cause: String
  /// What to do, and when the next attempt is.
  package var advice: String

  package init(headline: String, cause: String, advice: String) {
    self.headline = headline
    self.cause = cause
    self.advice = advice
  }
}
