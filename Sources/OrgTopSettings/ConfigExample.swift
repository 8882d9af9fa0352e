/// The commented example configuration that `orgtop config example` prints (docs/config.md has
/// the same file and every setting's reference).
package enum ConfigExample {
  package static let text = """
    # orgtop configuration: ~/.config/orgtop/config.yaml ($XDG_CONFIG_HOME/orgtop/config.yaml),
    # or --config FILE. Precedence: flags > environment (ORGTOP_*) > profile > these file
    # defaults > built-in defaults. `orgtop info` shows what is in effect and where it came from.

    # The profile used when neither --profile nor ORGTOP_PROFILE names one.
    default_profile: production

    # Defaults for every profile (each can be overridden in a profile).
    warn: 0.8              # check's warning threshold, a fraction of the limit
    critical: 0.95         # check's critical threshold
    refresh: 60            # seconds between usage refreshes (at least 10)
    color: auto            # auto (honours NO_COLOR and the terminal), always or never
    log_level: info        # trace, debug, info, notice, warning, error, critical

    profiles:
      production:
        # The key from a password manager: argv, run without a shell; the first line of its
        # output is the key. Its output is never shown, only its exit status on failure.
        admin_key_command: ["pass", "show", "anthropic/production-admin"]
        budget: 20000      # dollars a month, the limit when spend limits cannot be read
        warn: 0.7

      staging:
        # The key from a file only you can read (chmod 600); others' read access is refused.
        admin_key_file: ~/.config/orgtop/staging.key
        refresh: 120

      local:
        # The key from an environment variable of your choice (ANTHROPIC_ADMIN_KEY by default),
        # against a simulator started with `orgtop simulate`.
        admin_key_env: LOCAL_ADMIN_KEY
        base_url: http://127.0.0.1:8787

    """
}
