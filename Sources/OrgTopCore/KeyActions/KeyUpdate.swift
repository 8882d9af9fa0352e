/// What one write asks the API to change: a new name or a new status.
package enum KeyChange: Hashable, Sendable {
  case rename(to: String)
  /// One of `active`, `inactive`, `archived` (`expired` cannot be set, docs/admin-api.md §6.4).
  case status(APIKeyStatus)
}

/// One write to one key, as a value the reducer can put in an effect: the key's id, the name
/// it had when the user confirmed (for the log and the messages), the action and the change.
package struct KeyUpdate: Hashable, Sendable {
  package var keyID: String
  /// The key's name when the change was confirmed (raw; the screen sanitizes it).
  package var keyName: String
  package var action: KeyAction
  package var change: KeyChange

  package init(keyID: String, keyName: String, action: KeyAction, change: KeyChange) {
    self.keyID = keyID
    self.keyName = keyName
    self.action = action
    self.change = change
  }

  /// The update an action asks for; `newName` is the name typed for a rename.
  package init(key: APIKey, action: KeyAction, newName: String = "") {
    let change: KeyChange =
      switch action {
      case .rename: .rename(to: newName)
      case .deactivate: .status(.inactive)
      case .activate: .status(.active)
      case .archive: .status(.archived)
      }
    self.init(keyID: key.id, keyName: key.name, action: action, change: change)
  }

  /// The change in words for the log, e.g. `deactivate` or `rename to "ci-deploy-2"`.
  package var logDescription: String {
    switch change {
    case .rename(let name): "rename to \"\(name)\""
    case .status: action.rawValue
    }
  }
}
