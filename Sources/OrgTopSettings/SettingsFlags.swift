/// What the command line said. Every field is optional: a flag overrides the lower layers only
/// when it is given. The key itself is never a flag (other users can read argv with `ps`).
package struct SettingsFlags: Sendable {
  /// `--config FILE`.
  package var configFile: String?
  /// `--profile NAME`.
  package var profile: String?
  /// `--base-url URL`.
  package var baseURL: String?
  /// `--budget DOLLARS`, as typed (parsed exactly, never through `Double`).
  package var budget: String?
  /// `--warn FRACTION`.
  package var warn: String?
  /// `--critical FRACTION`.
  package var critical: String?
  /// `--refresh SECONDS`.
  package var refresh: String?
  /// `--color auto|always|never`.
  package var color: String?
  /// `--log-level LEVEL`.
  package var logLevel: String?
  /// `--kiosk` (`"true"` when given).
  package var kiosk: String?
  /// `--rotate SECONDS`.
  package var rotate: String?
  /// `--bell` (`"true"` when given).
  package var bell: String?
  /// `--idle-days DAYS`.
  package var idleDays: String?
  /// `--anomaly-factor FACTOR`.
  package var anomalyFactor: String?

  /// The flags given; the others stay `nil`.
  package init(
    configFile: String? = nil, profile: String? = nil, baseURL: String? = nil,
    budget: String? = nil, warn: String? = nil, critical: String? = nil, refresh: String? = nil,
    color: String? = nil, logLevel: String? = nil, kiosk: String? = nil, rotate: String? = nil,
    bell: String? = nil, idleDays: String? = nil, anomalyFactor: String? = nil
  ) {
    self.configFile = configFile
    self.profile = profile
    self.baseURL = baseURL
    self.budget = budget
    self.warn = warn
    self.critical = critical
    self.refresh = refresh
    self.color = color
    self.logLevel = logLevel
    self.kiosk = kiosk
    self.rotate = rotate
    self.bell = bell
    self.idleDays = idleDays
    self.anomalyFactor = anomalyFactor
  }

  /// The value given for a setting, if any; the key sources are never flags.
  func value(of key: SettingKey) -> String? {
    switch key {
    case .baseURL: baseURL
    case .budget: budget
    case .warn: warn
    case .critical: critical
    case .refresh: refresh
    case .color: color
    case .logLevel: logLevel
    case .kiosk: kiosk
    case .rotate: rotate
    case .bell: bell
    case .idleDays: idleDays
    case .anomalyFactor: anomalyFactor
    case .adminKeyEnv, .adminKeyFile, .adminKeyCommand, .onThreshold: nil
    }
  }
}
