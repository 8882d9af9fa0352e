import Foundation

/// Where orgtop keeps what it remembers between runs: `$XDG_STATE_HOME/orgtop`, or
/// `~/.local/state/orgtop` when `XDG_STATE_HOME` is unset, empty or relative.
package enum StateDirectory {
  /// The path of the file `name` in the state directory for `environment`.
  package static func file(_ name: String, environment: [String: String]) -> String {
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
      return state + "/orgtop/" + name
    }
    return (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state/orgtop/" + name
  }
}
