/// A change the user can make to one API key: the dashboard's only writes, each one
/// `POST /v1/organizations/api_keys/{id}` (docs/admin-api.md §6.4).
package enum KeyAction: String, Hashable, Sendable, CaseIterable {
  /// A new name (the body's `name`).
  case rename
  /// `status: inactive`: the key stops working until it is reactivated.
  case deactivate
  /// `status: active`: an inactive key works again.
  case activate
  /// `status: archived`: final; an archived key can never be used again.
  case archive

  /// Whether the action makes sense for a key with this status. The API allows
  /// `active ↔ inactive`, anything to `archived`, and renaming any key; it refuses to change an
  /// archived or expired key's status (docs/admin-api.md §16 #12). An archived key is offered
  /// nothing, and a status orgtop does not know is offered nothing either: better no button
  /// than a guess.
  package func isAvailable(for status: APIKeyStatus) -> Bool {
    switch (self, status) {
    case (.rename, .active), (.rename, .inactive), (.rename, .expired): true
    case (.deactivate, .active): true
    case (.activate, .inactive): true
    case (.archive, .active), (.archive, .inactive), (.archive, .expired): true
    default: false
    }
  }

  /// The actions available for a key with this status, in keymap order.
  package static func available(for status: APIKeyStatus) -> [KeyAction] {
    allCases.filter { $0.isAvailable(for: status) }
  }

  /// The verb for a sentence, e.g. `Deactivate`.
  package var verb: String {
    switch self {
    case .rename: "Rename"
    case .deactivate: "Deactivate"
    case .activate: "Reactivate"
    case .archive: "Archive"
    }
  }

  /// The progressive form for "in flight" texts, e.g. `Deactivating`.
  package var progressive: String {
    switch self {
    case .rename: "Renaming"
    case .deactivate: "Deactivating"
    case .activate: "Reactivating"
    case .archive: "Archiving"
    }
  }

  /// The past participle for outcomes, e.g. `deactivated`.
  package var pastParticiple: String {
    switch self {
    case .rename: "renamed"
    case .deactivate: "deactivated"
    case .activate: "reactivated"
    case .archive: "archived"
    }
  }

  /// Whether the confirmation takes typed text (a new name, or the name typed to archive)
  /// rather than `y`.
  package var takesText: Bool { self == .rename || self == .archive }

  /// The key command that starts this action.
  package var command: KeyCommand {
    switch self {
    case .rename: .renameKey
    case .deactivate: .deactivateKey
    case .activate: .activateKey
    case .archive: .archiveKey
    }
  }

  /// The action a key command starts, if it is one.
  package init?(command: KeyCommand) {
    guard let action = Self.allCases.first(where: { $0.command == command }) else { return nil }
    self = action
  }
}
