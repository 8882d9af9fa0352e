import ArgumentParser
import Foundation
import OrgTopAPI
import OrgTopCore
import OrgTopSettings

/// `orgtop info`: which settings are in effect and where each came from, the key source with
/// the key masked, and the files orgtop reads and writes.
struct InfoCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "info",
    abstract: "Show the settings in effect, where each came from, and the files orgtop uses.",
    discussion: """
      Each setting is followed by its origin: flag, environment, profile, file (the file's \
      defaults) or default. The admin key is resolved from its source (running the key \
      command if that is the source) and shown masked; it is never printed.
      """)

  @OptionGroup var options: ScriptOptions

  func run() async throws {
    let environment = ProcessInfo.processInfo.environment
    let settings = try options.settings()
    var lines: [(String, String)] = [("version", "orgtop \(AdminClient.orgtopVersion)")]
    let path = SettingsLoader.defaultConfigPath(environment: environment)
    lines.append(("config file", settings.configFile ?? "none (\(path) does not exist)"))
    lines.append(("profile", settings.profileName ?? "none"))
    lines.append(
      ("profiles", settings.profiles.isEmpty ? "none" : settings.profiles.joined(separator: ", ")))
    func origin<Value>(_ setting: Setting<Value>) -> String { "(\(setting.origin.rawValue))" }
    lines.append(
      (
        "base URL",
        "\(settings.baseURL.value ?? AdminBaseURL.production.description) \(origin(settings.baseURL))"
      ))
    let key: String
    do {
      let secret = try await KeyResolver.resolve(settings.keySource.value, environment: environment)
      key = "\(secret) from \(settings.keySource.value)"
    } catch {
      key = "not available: \(error)"
    }
    lines.append(("admin key", "\(key) \(origin(settings.keySource))"))
    lines.append(
      (
        "budget",
        "\(settings.budget.value.map { Format.dollars($0) } ?? "none") \(origin(settings.budget))"
      ))
    lines.append(("warn", "\(settings.warn.value) \(origin(settings.warn))"))
    lines.append(("critical", "\(settings.critical.value) \(origin(settings.critical))"))
    lines.append(("refresh", "\(Int(settings.refresh.value)) s \(origin(settings.refresh))"))
    lines.append(("color", "\(settings.color.value.rawValue) \(origin(settings.color))"))
    lines.append(("log level", "\(settings.logLevel.value) \(origin(settings.logLevel))"))
    lines.append(("bell", "\(settings.bell.value) \(origin(settings.bell))"))
    lines.append(("kiosk", "\(settings.kiosk.value) \(origin(settings.kiosk))"))
    lines.append(("rotate", "\(Int(settings.rotate.value)) s \(origin(settings.rotate))"))
    let command = settings.onThreshold.value.map { "`\($0.joined(separator: " "))`" } ?? "none"
    lines.append(("on_threshold", "\(command) \(origin(settings.onThreshold))"))
    lines.append(("idle_days", "\(settings.idleDays.value) \(origin(settings.idleDays))"))
    lines.append(
      ("anomaly_factor", "\(settings.anomalyFactor.value) \(origin(settings.anomalyFactor))"))
    lines.append(("log file", CommandSettings.logFile(environment: environment).path))
    lines.append(("profile memory", ProfileMemory(environment: environment).path))
    let width = lines.map(\.0.count).max() ?? 0
    let text = lines.map { $0.0.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.1 }
      .joined(separator: "\n")
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
  }
}
