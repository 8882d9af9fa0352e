/// A setting as the configuration file spells it. The file's top level and every profile take
/// the same keys; the environment spells them `ORGTOP_` + upper case, the command line `--`
/// with dashes. The key sources have neither: a key is named by a profile or the file, and
/// read only by ``KeyResolver``.
enum SettingKey: String, Sendable, CaseIterable {
  case baseURL = "base_url"
  case adminKeyEnv = "admin_key_env"
  case adminKeyFile = "admin_key_file"
  case adminKeyCommand = "admin_key_command"
  case budget
  case warn
  case critical
  case refresh
  case color
  case logLevel = "log_level"
  case kiosk
  case rotate
  case bell
  case onThreshold = "on_threshold"
  case idleDays = "idle_days"
  case anomalyFactor = "anomaly_factor"

  /// The three ways to name a key's source; at most one per layer.
  static let keySources: [SettingKey] = [.adminKeyEnv, .adminKeyFile, .adminKeyCommand]

  /// The keys the file's top level takes besides the settings.
  static let topLevelOnly = ["default_profile", "profiles"]

  /// Whether this key names the admin key's source.
  var isKeySource: Bool { Self.keySources.contains(self) }

  /// Whether only the file and its profiles may set it: the key sources, and the commands
  /// orgtop runs (a program to run is not something a stray environment variable should name).
  var isFileOnly: Bool { isKeySource || self == .onThreshold }

  /// The environment variable that sets it; `nil` for the file-only settings.
  var environmentVariable: String? {
    isFileOnly ? nil : "ORGTOP_" + rawValue.uppercased()
  }

  /// The flag that sets it; `nil` for the file-only settings.
  var flag: String? {
    isFileOnly ? nil : "--" + rawValue.replacingOccurrences(of: "_", with: "-")
  }
}
