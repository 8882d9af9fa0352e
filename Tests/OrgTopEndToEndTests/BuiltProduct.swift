import Foundation

/// Finds the `orgtop` binary that `swift test` built next to the test bundle.
enum BuiltProduct {
  /// The path of the built `orgtop` executable.
  static var orgtop: String {
    get throws {
      let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
      var directory = testBinary.deletingLastPathComponent()
      // On Linux the test runner is `<products>/orgtopPackageTests.xctest`; elsewhere it can be a
      // bundle nested deeper, so walk up a few levels.
      for _ in 0..<4 {
        let candidate = directory.appendingPathComponent("orgtop").path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        directory = directory.deletingLastPathComponent()
      }
      throw TmuxSession.Failure(description: "orgtop binary not found near \(testBinary.path)")
    }
  }
}
