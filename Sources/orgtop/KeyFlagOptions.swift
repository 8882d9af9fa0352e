import ArgumentParser

/// The key flags' thresholds on the command line (`idle_days` and `anomaly_factor` in the
/// configuration, docs/config.md).
struct KeyFlagOptions: ParsableArguments {
  @Option(help: "Flag a key idle after this many days without use (1 to 30, default 30).")
  var idleDays: String?

  @Option(help: "Flag a key whose last hour is this many times its hourly median (default 5).")
  var anomalyFactor: String?
}
