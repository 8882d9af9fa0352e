import Logging

/// Starts logging to `file` from `level` up (`info` by default): every logger the program makes
/// (`Logger(label:)`) writes there. Call once, before anything logs.
package func bootstrapLogging(file: LogFile, level: Logger.Level) {
  LoggingSystem.bootstrap { label in FileLogHandler(label: label, file: file, level: level) }
}
