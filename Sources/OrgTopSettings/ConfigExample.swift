/// The commented example configuration that `orgtop config example` prints; docs/config.md
/// shows the same file (a test keeps them in step) and describes every setting.
package enum ConfigExample {
  /// A complete `config.yaml`: the file defaults, and two profiles whose keys come from a
  /// password manager and from a file.
  package static let text = """
    # orgtop configuration: $XDG_CONFIG_HOME/orgtop/config.yaml (~/.config/orgtop/config.yaml),
    # or --config FILE (ORGTOP_CONFIG). Every setting is optional.
    #
    # Precedence, highest first: command-line flags, then the environment (ORGTOP_*), then the
    # active profile, then the defaults at the top of this file, then orgtop's own defaults.
    # `orgtop info` shows each setting in effect and where it came from. docs/config.md has
    # the reference.

    # The profile used when neither --profile nor ORGTOP_PROFILE names one.
    default_profile: production

    # Defaults for every profile; a profile can set each of them again.
    base_url: https://api.anthropic.com   # the Admin API (plain http only on loopback)
    admin_key_env: ANTHROPIC_ADMIN_KEY    # the variable that holds the key (never the key)
    warn: 0.8                             # check: warning at this fraction of the limit
    critical: 0.95                        # check: critical at this fraction of the limit
    refresh: 60                           # seconds between usage refreshes, at least 10
    color: auto                           # auto, always or never (NO_COLOR means never)
    log_level: info                       # trace, debug, info, notice, warning, error, critical
    bell: false                           # ring the terminal bell when spend first reaches a threshold
    kiosk: false                          # a wall screen: read-only, big figures, rotating pages
    rotate: 20                            # kiosk: seconds each page stays, at least 5
    idle_days: 30                         # flag keys unused for more days than this (1 to 30)
    anomaly_factor: 5                     # flag keys whose last hour is 5x their hourly median
    # Run once when spend first reaches warn, critical or the limit in a month: a list (argv,
    # no shell) with the figures in its environment (ORGTOP_ALERT_*), 30 s at most.
    on_threshold: ["/usr/local/bin/page-oncall", "--team", "platform"]

    profiles:
      production:
        # The key from a password manager: a list (argv, run without a shell, 10 s at most).
        # The first line of its output is the key; on failure only its exit status is shown.
        admin_key_command: ["pass", "show", "anthropic/production"]
        budget: 20000                     # dollars a month, when the spend limit is unreadable
        warn: 0.7

      staging:
        # The key from a file only you can read: chmod 600, or it is refused. A relative path
        # is taken from this file's directory.
        admin_key_file: ~/.config/orgtop/staging.key
        budget: 1250.50
        refresh: 120
        color: never
        log_level: debug

    """
}
