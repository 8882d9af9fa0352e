import Foundation
import OrgTopSettings
import Testing

/// Every key source, and every refusal: never the key, never a command's output in a message.
@Suite("Settings: key sources")
struct KeyResolverTests {
  static let key = "sk-ant-admin01-" + String(repeating: "Qx7", count: 30) + "-AbCd"

  static func file(_ text: String, mode: Int) throws -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("orgtop-key-\(UUID().uuidString)").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    return path
  }

  static func refusal(
    _ source: KeySource, environment: [String: String] = [:], timeout: Duration = .seconds(10)
  ) async -> KeySourceError? {
    do {
      _ = try await KeyResolver.resolve(source, environment: environment, timeout: timeout)
      return nil
    } catch {
      return error
    }
  }

  @Test func theEnvironmentByDefaultOrANamedVariable() async throws {
    let standard = try await KeyResolver.resolve(
      .standard, environment: ["ANTHROPIC_ADMIN_API_KEY": Self.key])
    #expect(standard.reveal() == Self.key)
    let named = try await KeyResolver.resolve(
      .environment(["PROD_KEY"]), environment: ["PROD_KEY": " \(Self.key)\n"])
    #expect(named.reveal() == Self.key)
    let missing = await Self.refusal(.standard)
    #expect(missing?.isMissing == true)
    #expect(missing?.description.contains("ANTHROPIC_ADMIN_KEY") == true)
    #expect(await Self.refusal(.environment(["PROD_KEY"]))?.isMissing == false)
  }

  @Test func aFileOnlyItsOwnerCanRead() async throws {
    let good = try Self.file(Self.key + "\nsecond line\n", mode: 0o600)
    #expect(try await KeyResolver.resolve(.file(good), environment: [:]).reveal() == Self.key)
    for mode in [0o640, 0o604, 0o644] {
      let open = try Self.file(Self.key, mode: mode)
      let error = await Self.refusal(.file(open))
      #expect(error?.description.contains("readable by group or others") == true, "\(mode)")
      #expect(error?.description.contains(Self.key) == false)
    }
    #expect(
      await Self.refusal(.file("/nonexistent/key"))?.description.contains("no such file") == true)
  }

  @Test func aCommandsFirstLineWithoutAShell() async throws {
    let key = try await KeyResolver.resolve(
      .command(["/bin/sh", "-c", "printf '%s\\nmore\\n' \"$0\"", Self.key]), environment: [:])
    #expect(key.reveal() == Self.key)
    // It exits 3 after printing a key on both streams: the status is said, the output is not.
    let failing = await Self.refusal(
      .command(["/bin/sh", "-c", "echo \"$0\"; echo \"$0\" >&2; exit 3", Self.key]))
    let message = try #require(failing?.description)
    #expect(message.contains("exited with status 3"))
    #expect(!message.contains("Qx7Qx7"))
    // `$`-words and globs are argv, not shell: no expansion.
    let literal = await Self.refusal(.command(["/bin/echo", "$HOME", "*"]))
    #expect(literal?.description.contains("looks like no Anthropic key") == true)
  }

  @Test func aCommandThatHangsTimesOut() async throws {
    let started = ContinuousClock.now
    let error = await Self.refusal(.command(["/bin/sleep", "30"]), timeout: .seconds(1))
    #expect(
      error?.description.contains("timed out after 1 s") == true, "\(String(describing: error))")
    #expect(ContinuousClock.now - started < .seconds(20))
  }

  @Test(arguments: [
    ("sk-ant-api03-" + String(repeating: "z", count: 40), "an ordinary API key (sk-ant-api…)"),
    ("sk-ant-oat01-" + String(repeating: "z", count: 40), "an OAuth token"),
    ("hunter2hunter2hunter2", "no Anthropic key at all"),
  ])
  func whatIsNotAnAdminKeyIsRefusedSayingWhatItLooksLike(_ text: String, _ kind: String) async {
    let error = await Self.refusal(.environment(["K"]), environment: ["K": text])
    #expect(
      error?.description.contains("looks like \(kind)") == true, "\(String(describing: error))")
    #expect(error?.description.contains(text) == false)
  }

  @Test func theKeyIsMaskedInEveryTextualForm() async throws {
    let key = try await KeyResolver.resolve(.environment(["K"]), environment: ["K": Self.key])
    var dumped = ""
    dump(key, to: &dumped)
    for text in ["\(key)", String(describing: key), String(reflecting: key), dumped] {
      #expect(!text.contains("Qx7Qx7"), "\(text)")
      #expect(text.contains("sk-ant-admin01-…AbCd"), "\(text)")
    }
    #expect(KeySource.command(["/bin/echo", Self.key]).description.contains("Qx7") == false)
  }
}
