import Foundation

/// One thing worth a look about a key, with the facts behind it: a hygiene finding (idle, no
/// expiry, Default workspace, creator gone, expiring soon) or an anomaly (a burst of usage).
/// Made by ``KeyFlags/evaluate(_:rules:now:)``; the table shows ``code``, the detail view and
/// the snapshot ``reason``.
package enum KeyFlag: Hashable, Sendable {
  /// The kinds, in the order the table lists their codes.
  package enum Kind: Int, Hashable, Sendable, CaseIterable {
    case idle, noExpiry, defaultWorkspace, creatorGone, expiringSoon, spike

    /// The short code for the table's FLAGS column and the snapshot.
    package var code: String {
      switch self {
      case .idle: "idle"
      case .noExpiry: "noexp"
      case .defaultWorkspace: "dflt"
      case .creatorGone: "gone"
      case .expiringSoon: "exp7d"
      case .spike: "spike"
      }
    }
  }

  /// Last used on `lastUsedDay` (the report has day precision), `days` whole days ago counted
  /// from that day's end.
  case idle(lastUsedDay: Date, days: Int)
  /// No use in the whole activity report, which starts at `since`.
  case idleSinceWindow(since: Date, days: Int)
  /// Never used since it was created (inside the activity report's window).
  case neverUsed(created: Date)
  case noExpiry
  case defaultWorkspace
  /// Created by the user `creatorID`, who is not in the organization's member list.
  case creatorGone(creatorID: String)
  /// Expires at `at`, `secondsLeft` from the instant the flag was evaluated (≤ 0: overdue).
  case expiringSoon(at: Date, secondsLeft: TimeInterval)
  /// `tokens` in the hour starting `hourStart`, `factor` times the hourly `median` before it.
  case spike(hourStart: Date, tokens: Int, median: Double)

  /// The flag's kind.
  package var kind: Kind {
    switch self {
    case .idle, .idleSinceWindow, .neverUsed: .idle
    case .noExpiry: .noExpiry
    case .defaultWorkspace: .defaultWorkspace
    case .creatorGone: .creatorGone
    case .expiringSoon: .expiringSoon
    case .spike: .spike
    }
  }

  /// The short code (``Kind/code``).
  package var code: String { kind.code }

  /// The reason in one sentence, with its figures.
  package var reason: String {
    switch self {
    case .idle(let day, let days):
      return "idle \(days) days: last used \(Format.isoDate(day)) (UTC day)"
    case .idleSinceWindow(let since, let days):
      return "idle over \(days) days: no use since \(Format.isoDate(since)), the start of the"
        + " activity report"
    case .neverUsed(let created):
      return "never used: created \(Format.dateTime(created))"
    case .noExpiry:
      return "no expiry date"
    case .defaultWorkspace:
      return "in the Default workspace"
    case .creatorGone(let creator):
      return "created by \(creator), no longer a member of the organization"
    case .expiringSoon(let at, let left):
      let when =
        left <= 0
        ? "expired \(Format.dateTime(at))"
        : "expires \(Format.dateTime(at)) (in \(Self.span(left)))"
      return when
    case .spike(let hour, let tokens, let median):
      let window =
        "\(Format.isoDate(hour)) \(Format.shortTime(hour))–"
        + Format.shortTime(hour.addingTimeInterval(3600))
      let ratio =
        median > 0
        ? "\(Self.oneDecimal(Double(tokens) / median))x its 7-day hourly median of "
          + Format.tokens(Int(median.rounded()))
        : "its 7-day hourly median is 0"
      return "last complete hour (\(window)) \(Format.tokens(tokens)) tokens, \(ratio)"
    }
  }

  /// A duration in the largest whole unit: `3 days`, `5 hours`, `12 minutes`.
  private static func span(_ seconds: TimeInterval) -> String {
    let minutes = Int((seconds / 60).rounded(.up))
    if minutes < 120 { return minutes == 1 ? "1 minute" : "\(minutes) minutes" }
    let hours = minutes / 60
    if hours < 48 { return "\(hours) hours" }
    return "\(hours / 24) days"
  }

  /// `9.4`: one decimal, rounded half up, for a ratio.
  private static func oneDecimal(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)"
  }
}
