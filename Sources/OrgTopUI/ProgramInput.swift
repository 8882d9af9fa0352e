import OrgTopCore

/// What reaches the program loop besides the runtime's own events: the terminal's events, and
/// the outcome of a profile switch the host carried out.
package enum ProgramInput<Source: OrgDataSource>: Sendable {
  case terminal(TerminalEvent)
  /// The profile's connection is open: start over on `source` with `configuration`.
  case profileOpened(Source, DashboardConfiguration)
  case profileFailed(String, reason: String)
}

/// Opens a profile for the dashboard: its connection (a data source) and its settings, given
/// the state being left (to remember its figures). Returns why not, in one line, on failure.
package typealias ProfileSwitcher<Source: OrgDataSource> =
  @Sendable (_ profile: String, _ leaving: DashboardState) async -> Result<
    (Source, DashboardConfiguration), ProfileSwitchError
  >

/// Why a profile could not be opened (a key source failed, a bad base URL), without any key.
package struct ProfileSwitchError: Error, Sendable {
  package var reason: String

  package init(_ reason: String) { self.reason = reason }
}
