/// A setting as the file spells it (and, upper-cased with an `ORGTOP_` prefix, the
/// environment). Profiles and the file's top level take the same keys.
package enum SettingKey: String, Sendable, CaseIterable {
  case baseURL = "base_url"
  case adminKeyEnv = "admin_key_env"
  case adminKeyFile = "admin_key_file"
  case adminKeyCommand = "admin_key_command"
  case budget, warn, critical, refresh, color
  case logLevel = "log_level"

  /// The environment variable that sets it; `nil` for the key sources, which the environment
  /// never names (a key is never passed that way but through its own variable).
  var environmentVariable: String? {
    switch self {
    case .adminKeyEnv, .adminKeyFile, .adminKeyCommand: nil
    default: "ORGTOP_" + rawValue.uppercased()
    }
  }

  /// The flag that sets it, for messages.
  var flag: String? {
    switch self {
    case .adminKeyEnv, .adminKeyFile, .adminKeyCommand: nil
    default: "--" + rawValue.replacingOccurrences(of: "_", with: "-")
    }
  }
}
