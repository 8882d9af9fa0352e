import Foundation

extension DashboardState {
  /// The workspace name for a key's workspace id (`nil`: the Default workspace).
  package func workspaceName(for id: String?) -> String {
    guard let id else { return "Default" }
    guard let workspace = workspaces.value?.first(where: { $0.id == id }) else { return id }
    return workspace.archivedAt == nil ? workspace.name : "\(workspace.name) (archived)"
  }

  /// Who an actor is, in full for the detail view: a member's name and e-mail, a service
  /// account with its id, or the bare id when the member is unknown.
  package func actorDescription(_ actor: Actor?) -> String {
    guard let actor else { return "—" }
    switch actor.kind {
    case .serviceAccount: return "service account (\(actor.id))"
    case .unknown: return actor.id
    case .user:
      guard let member = members.value?.first(where: { $0.id == actor.id }) else {
        return actor.id
      }
      return member.name.isEmpty ? member.email : "\(member.name) <\(member.email)>"
    }
  }

  /// Who an actor is, by member name (or e-mail when the name is empty).
  package func actorName(_ actor: Actor?) -> String {
    guard let actor else { return "—" }
    switch actor.kind {
    case .serviceAccount: return "service account"
    case .unknown: return actor.id
    case .user:
      guard let member = members.value?.first(where: { $0.id == actor.id }) else {
        return actor.id
      }
      return member.name.isEmpty ? member.email : member.name
    }
  }

  /// The flags of one key at `now`, with their reasons (the detail view and the snapshot);
  /// `activity` is the activity report's summary (``Deriver/activitySummary(of:)``).
  package func keyFlags(for key: APIKey, activity: KeyActivity?, now: Date) -> [KeyFlag] {
    let context = KeyFlagContext(self, activity: activity, now: now)
    let lastActive = activity?.lastActive(for: key) ?? .unknown
    return KeyFlags.evaluate(
      context.facts(for: key, lastActive: lastActive), rules: configuration.keyFlagRules,
      now: now)
  }
}
