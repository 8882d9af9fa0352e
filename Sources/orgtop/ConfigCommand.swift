import ArgumentParser
import Foundation
import OrgTopSettings

/// `orgtop config`: help with the configuration file.
struct ConfigCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "config",
    abstract: "Help with the configuration file (docs/config.md has every setting).",
    subcommands: [Example.self])

  /// `orgtop config example`: a commented example file.
  struct Example: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print a commented example config.yaml with two profiles.")

    func run() {
      FileHandle.standardOutput.write(Data(ConfigExample.text.utf8))
    }
  }
}
