import ArgumentParser
import OrgTopSettings
import OrgTopSimulator

/// The options every command that reads an organization shares: the configuration file and
/// profile, where the Admin API is, the log level, and the demo organization to simulate.
/// Every setting is optional here: a flag only overrides the profile when it is given.
struct ConnectionOptions: ParsableArguments {
  @Option(
    help: "Configuration file (default $XDG_CONFIG_HOME/orgtop/config.yaml, or ORGTOP_CONFIG).")
  var config: String?

  @Option(help: "The profile of the configuration file to use (or ORGTOP_PROFILE).")
  var profile: String?

  @Option(help: "Admin API base URL (default https://api.anthropic.com, or ORGTOP_BASE_URL).")
  var baseURL: String?

  @Option(help: "Log level: trace, debug, info (default), notice, warning, error, critical.")
  var logLevel: String?

  @Option(help: "Demo only: seed of the simulated organization.")
  var seed: UInt64 = 42

  @Option(help: "Demo only: number of simulated API keys.")
  var keys: Int = SimulatorConfiguration.defaultKeyCount

  func validate() throws {
    guard keys >= 1 else { throw ValidationError("--keys must be at least 1") }
  }

  /// The embedded simulator's settings for the demo.
  var demo: SimulatorConfiguration {
    var configuration = SimulatorConfiguration(seed: seed, keyCount: keys)
    configuration.showcasesKeyFlags = true
    return configuration
  }

  /// The flags as the settings layer reads them, with the command's own settings flags.
  func settingsFlags(
    budget: String? = nil, refresh: String? = nil, warn: String? = nil,
    critical: String? = nil, color: String? = nil, dashboard: DashboardFlags = DashboardFlags(),
    idleDays: String? = nil, anomalyFactor: String? = nil
  ) -> SettingsFlags {
    SettingsFlags(
      configFile: config, profile: profile, baseURL: baseURL, budget: budget, warn: warn,
      critical: critical, refresh: refresh, color: color, logLevel: logLevel,
      kiosk: dashboard.kiosk ? "true" : nil, rotate: dashboard.rotate,
      bell: dashboard.bell ? "true" : nil, idleDays: idleDays, anomalyFactor: anomalyFactor)
  }
}

/// The dashboard's own switches that are settings too (a profile can turn them on): a flag
/// given turns the setting on; an absent flag leaves it to the lower layers.
struct DashboardFlags {
  var kiosk = false
  var rotate: String?
  var bell = false
}
