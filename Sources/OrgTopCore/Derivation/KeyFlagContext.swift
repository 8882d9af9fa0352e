import Foundation

/// The state's facts that every key's flags read, resolved once per derivation rather than once
/// per key: the member ids as a set, the Default workspace's id, the hourly figures.
struct KeyFlagContext {
  /// The instant the flags are judged at.
  let now: Date
  private let memberIDs: Set<String>?
  /// `nil` while the workspaces are not loaded; else the Default workspace's id, if listed.
  private let defaultWorkspaceID: String??
  private let activityWindowStart: Date?
  private let hourly: KeyHourlyUsage?

  /// The facts of `state` (with its activity report's summary), judged at `now` (`nil`: the
  /// epoch, for a state that has seen no instant yet).
  init(_ state: DashboardState, activity: KeyActivity?, now: Date?) {
    self.now = now ?? Date(timeIntervalSince1970: 0)
    memberIDs = state.members.value.map { Set($0.map(\.id)) }
    defaultWorkspaceID = state.workspaces.value.map { $0.first(where: \.isDefault)?.id }
    activityWindowStart = activity?.windowStart
    hourly = state.keyHourly.value
  }

  /// The facts of one key.
  func facts(for key: APIKey, lastActive: KeyActivity.LastActive) -> KeyFlagFacts {
    var isInDefault: Bool?
    if let defaultID = defaultWorkspaceID, let id = key.workspaceID {
      isInDefault = id == defaultID
    }
    return KeyFlagFacts(
      key: key, lastActive: lastActive, activityWindowStart: activityWindowStart,
      memberIDs: memberIDs, isInDefaultWorkspace: isInDefault,
      hourly: hourly.map { ($0.hourStart, $0.figures(for: key.id)) })
  }
}
