import Foundation

/// The profile picker (`P`): every configured profile with the last figures seen for it.
package struct ProfilePickerViewModel: Hashable, Sendable {
  /// One profile's line.
  package struct Row: Hashable, Sendable {
    package var name: String
    package var isActive: Bool
    /// The organization, or a note that the profile has not been read yet.
    package var organization: String
    /// e.g. `$1,234.56 of $5,000.00 (org limit) · Dec 3 14:00Z`, or empty.
    package var figures: String
  }

  package var rows: [Row]
  package var selected: Int
  /// Shown when there is nothing to pick from.
  package var emptyNote: String?

  /// The picker of `state`'s configured profiles, `selected` highlighted.
  package init(state: DashboardState, selected: Int) {
    let active = state.configuration.activeProfile
    rows = state.configuration.profiles.map { profile in
      var figures = ""
      if let spend = profile.spend {
        figures = Format.money(spend) + " month to date"
        if let limit = profile.limit {
          figures = "\(Format.money(spend)) of \(Format.money(limit))"
          if let source = profile.limitSource { figures += " (\(source))" }
        }
        if let asOf = profile.asOf { figures += " · as of \(Format.dateTime(asOf))" }
      }
      return Row(
        name: profile.name, isActive: profile.name == active,
        organization: profile.organization ?? "not read yet", figures: figures)
    }
    self.selected = min(max(selected, 0), max(rows.count - 1, 0))
    emptyNote =
      rows.isEmpty
      ? "No profiles configured: see docs/config.md (orgtop config example)" : nil
  }
}
