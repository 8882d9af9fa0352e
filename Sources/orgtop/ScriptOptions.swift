import ArgumentParser
import Foundation
import OrgTopCore
import OrgTopSettings

/// The options of every command that reads the organization once and reports (`snapshot`,
/// `check`, `keys`, `--once`): the connection, `--demo`, how long to wait, and the budget.
struct ScriptOptions: ParsableArguments {
  @OptionGroup var connection: ConnectionOptions

  @Flag(help: "Read the built-in simulated organization instead of the Admin API.")
  var demo = false

  @Option(help: "Seconds to wait for every resource to load or fail.")
  var timeout: Double = 60

  @Option(help: "Monthly budget in dollars, the limit when spend limits cannot be read.")
  var budget: String?

  @OptionGroup var keyFlags: KeyFlagOptions

  func validate() throws {
    guard timeout.isFinite, timeout > 0 else { throw ValidationError("--timeout must be positive") }
  }

  /// The settings these options and the command's own settings flags select.
  func settings(
    refresh: String? = nil, warn: String? = nil, critical: String? = nil, color: String? = nil,
    profile: String? = nil, dashboard: DashboardFlags = DashboardFlags()
  ) throws -> Settings {
    try CommandSettings.load(
      connection.settingsFlags(
        budget: budget, refresh: refresh, warn: warn, critical: critical, color: color,
        dashboard: dashboard, idleDays: keyFlags.idleDays,
        anomalyFactor: keyFlags.anomalyFactor),
      profile: profile)
  }
}

extension Dollars {
  /// Parses a non-negative dollar amount exactly (no binary floating point on money), e.g.
  /// `5000` or `1250.50`.
  static func parse(_ text: String) -> Decimal? {
    guard let value = Money(minorUnits: text), value.minorUnits >= 0 else { return nil }
    return value.minorUnits
  }
}
