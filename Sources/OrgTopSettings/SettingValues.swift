import Foundation
import OrgTopCore

/// Parsing and checking of every setting's text, the same for a flag, a variable and the file,
/// so that each says what it expected in the same words.
enum SettingValues {
  /// swift-log's levels, lowest first.
  static let logLevels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]

  /// What a setting takes, as a message says it after "expected".
  static func expectation(_ key: SettingKey) -> String {
    switch key {
    case .baseURL: "an http or https URL such as https://api.anthropic.com"
    case .adminKeyEnv: "the name of an environment variable such as ANTHROPIC_ADMIN_KEY"
    case .adminKeyFile: "the path of a file holding the key"
    case .adminKeyCommand:
      "a command as a list (argv, run without a shell) such as "
        + "[\"pass\", \"show\", \"anthropic/production\"]"
    case .budget: "an amount in dollars such as 5000 or 1250.50"
    case .warn, .critical: "a fraction of the limit above 0 and at most 10, such as 0.8"
    case .refresh:
      "a number of seconds, at least \(Int(RefreshPolicy.minimumRefreshInterval)), such as 60"
    case .color: "auto, always or never"
    case .logLevel: "one of " + logLevels.joined(separator: ", ")
    case .kiosk, .bell: "true or false"
    case .rotate: "a number of seconds, at least 5, such as 20"
    case .idleDays: "a whole number of days from 1 to 30, such as 30"
    case .anomalyFactor: "a factor above 1 and at most 1000, such as 5"
    case .onThreshold:
      "a command as a list (argv, run without a shell) such as "
        + "[\"/usr/local/bin/page-oncall\", \"--team\", \"platform\"]"
    }
  }

  /// A base URL with an http or https scheme and a host.
  static func url(_ text: String) -> String? {
    guard let components = URLComponents(string: text),
      ["http", "https"].contains(components.scheme?.lowercased() ?? ""),
      components.host?.isEmpty == false
    else { return nil }
    return text
  }

  /// Dollars, exact: a plain decimal above zero (`Decimal(string:)` alone accepts "12abc").
  static func dollars(_ text: String) -> Decimal? {
    guard let value = plainDecimal(text), value > 0 else { return nil }
    return value
  }

  /// A threshold: a fraction of the limit in (0, 10] (above 1 judges a projected overrun).
  static func fraction(_ text: String) -> Decimal? {
    guard let value = plainDecimal(text), value > 0, value <= 10 else { return nil }
    return value
  }

  /// Seconds between refreshes: at least 10 (the reports change every few minutes; polling
  /// faster only spends the rate limit), at most a day: the bounds ``RefreshPolicy`` keeps.
  static func refresh(_ text: String) -> Double? {
    guard let value = plainDecimal(text),
      value >= Decimal(RefreshPolicy.minimumRefreshInterval),
      value <= Decimal(RefreshPolicy.maximumRefreshInterval)
    else { return nil }
    return NSDecimalNumber(decimal: value).doubleValue
  }

  /// A colour mode.
  static func color(_ text: String) -> ColorMode? {
    ColorMode(rawValue: text)
  }

  /// A switch: `true` or `false` (YAML's other spellings of a boolean are not guessed at).
  static func boolean(_ text: String) -> Bool? {
    switch text.lowercased() {
    case "true": true
    case "false": false
    default: nil
    }
  }

  /// Seconds per kiosk page: at least 5 (a page must stay long enough to be read), at most an
  /// hour.
  static func rotation(_ text: String) -> Double? {
    guard let value = plainDecimal(text), value >= 5, value <= 3600 else { return nil }
    return NSDecimalNumber(decimal: value).doubleValue
  }

  /// Days without use before a key is flagged idle: 1 to 30 (the activity report covers 30).
  static func idleDays(_ text: String) -> Int? {
    guard let days = Int(text), (1...30).contains(days), String(days) == text else { return nil }
    return days
  }

  /// How many times its own hourly median a key's last hour must be to be flagged.
  static func factor(_ text: String) -> Double? {
    guard let value = plainDecimal(text), value > 1, value <= 1000 else { return nil }
    return NSDecimalNumber(decimal: value).doubleValue
  }

  /// A log level.
  static func logLevel(_ text: String) -> String? {
    logLevels.contains(text) ? text : nil
  }

  /// An environment variable's name.
  static func variableName(_ text: String) -> String? {
    guard let first = text.unicodeScalars.first, first == "_" || isASCIILetter(first),
      text.unicodeScalars.allSatisfy({ $0 == "_" || isASCIILetter($0) || isASCIIDigit($0) })
    else { return nil }
    return text
  }

  /// Checks a value read from the file or the environment; `nil` when it is fine, else what
  /// to say after the place (`budget: expected …, found "lots"`).
  static func problem(_ key: SettingKey, _ value: RawSetting) -> String? {
    let expected = "\(key.rawValue): expected \(expectation(key))"
    switch (key, value) {
    case (.adminKeyCommand, .list(let argv)), (.onThreshold, .list(let argv)):
      guard let program = argv.first, !program.isEmpty else {
        return "\(expected), found an empty list"
      }
      return nil
    case (.adminKeyCommand, .text(let text)), (.onThreshold, .text(let text)):
      return "\(expected), found \(SecretText.found(text)) (a single string would need a shell)"
    case (_, .list):
      return "\(expected), found a list"
    case (.adminKeyEnv, .text(let text)) where SecretText.looksLikeKey(text):
      return "admin_key_env names the environment variable that holds the key, not the key "
        + "itself: never write the key into the configuration"
    case (_, .text(let text)):
      return isValid(key, text) ? nil : "\(expected), found \(SecretText.found(text))"
    }
  }

  private static func isValid(_ key: SettingKey, _ text: String) -> Bool {
    switch key {
    case .baseURL: url(text) != nil
    case .adminKeyEnv: variableName(text) != nil
    case .adminKeyFile: !text.isEmpty
    case .adminKeyCommand, .onThreshold: false
    case .budget: dollars(text) != nil
    case .warn, .critical: fraction(text) != nil
    case .refresh: refresh(text) != nil
    case .color: color(text) != nil
    case .logLevel: logLevel(text) != nil
    case .kiosk, .bell: boolean(text) != nil
    case .rotate: rotation(text) != nil
    case .idleDays: idleDays(text) != nil
    case .anomalyFactor: factor(text) != nil
    }
  }

  /// Digits with at most one `.`: no sign, exponent, separators or spaces, so that what is
  /// read is exactly what was written.
  private static func plainDecimal(_ text: String) -> Decimal? {
    let digits = text.unicodeScalars.filter(isASCIIDigit).count
    let dots = text.unicodeScalars.filter { $0 == "." }.count
    guard digits > 0, dots <= 1, digits + dots == text.unicodeScalars.count else { return nil }
    return Decimal(string: text, locale: nil)
  }

  private static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool {
    ("0"..."9").contains(scalar)
  }

  private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
  }
}
