import Foundation

/// What the flags of one key are judged from. Each optional is `nil` while its slot is not
/// loaded, and then the flags that need it are not raised: unknown is not a finding.
package struct KeyFlagFacts: Hashable, Sendable {
  package var key: APIKey
  /// "Last active" from the activity report (`.unknown` while it is not loaded).
  package var lastActive: KeyActivity.LastActive
  /// The first day of the activity report; `nil` while it is not loaded.
  package var activityWindowStart: Date?
  /// The ids of the organization's members; `nil` while the member list is not loaded.
  package var memberIDs: Set<String>?
  /// Whether the key is in the Default workspace; `nil` while the workspaces are not loaded.
  package var isInDefaultWorkspace: Bool?
  /// The hourly report's start of the judged hour and this key's figures; `nil` while the
  /// hourly report is not loaded.
  package var hourly: (hourStart: Date, figures: KeyHourlyUsage.Figures)? {
    get { hourStart.flatMap { start in hourlyFigures.map { (start, $0) } } }
    set {
      hourStart = newValue?.hourStart
      hourlyFigures = newValue?.figures
    }
  }
  private var hourStart: Date?
  private var hourlyFigures: KeyHourlyUsage.Figures?

  package init(
    key: APIKey, lastActive: KeyActivity.LastActive = .unknown, activityWindowStart: Date? = nil,
    memberIDs: Set<String>? = nil, isInDefaultWorkspace: Bool? = nil,
    hourly: (hourStart: Date, figures: KeyHourlyUsage.Figures)? = nil
  ) {
    self.key = key
    self.lastActive = lastActive
    self.activityWindowStart = activityWindowStart
    self.memberIDs = memberIDs
    self.isInDefaultWorkspace = isInDefaultWorkspace
    self.hourly = hourly
  }
}
