import ArgumentParser
import Foundation
import Logging
import OrgTopLog
import OrgTopSettings
import Synchronization

/// Loading the settings for a command: one layer (flags > environment > profile > file >
/// defaults, docs/config.md), and the log file started at the level they name.
enum CommandSettings {
  /// The log every command writes to.
  static func logFile(environment: [String: String]) -> LogFile {
    LogFile(path: LogFile.defaultPath(environment: environment))
  }

  /// The settings of `flags` (of `profile` when given); a configuration error is printed
  /// with its file and line and ends the command with status 78 (a configuration error).
  static func load(
    _ flags: SettingsFlags, profile: String? = nil,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws -> Settings {
    do {
      let settings =
        try profile.map {
          try SettingsLoader.load(profile: $0, flags: flags, environment: environment)
        } ?? SettingsLoader.load(flags: flags, environment: environment)
      startLogging(level: settings.logLevel.value, environment: environment)
      return settings
    } catch {
      printError("\(error)")
      throw ExitCode(78)
    }
  }

  private static let started = LogStart()

  /// Starts the log once per process.
  private static func startLogging(level: String, environment: [String: String]) {
    started.once {
      bootstrapLogging(
        file: logFile(environment: environment), level: Logger.Level(rawValue: level) ?? .info)
    }
  }
}

/// Runs a block once per process.
private final class LogStart: Sendable {
  private let done = Mutex(false)

  func once(_ body: () -> Void) {
    let first = done.withLock { done in
      defer { done = true }
      return !done
    }
    if first { body() }
  }
}
