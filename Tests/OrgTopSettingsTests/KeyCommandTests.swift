import Foundation
import Testing

@testable import OrgTopSettings

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite("Keys from a command run without a shell")
struct KeyCommandTests {
  static let adminKey = KeyResolverTests.adminKey

  @Test func theFirstLineOfItsOutput() async throws {
    let echoed = try await KeyResolver.resolve(
      .command(["/bin/echo", Self.adminKey]), environment: [:])
    #expect(echoed.reveal() == Self.adminKey)
    let twoLines = try await KeyResolver.resolve(
      .command(["/usr/bin/printf", "%s\\nnot the key\\n", Self.adminKey]), environment: [:])
    #expect(twoLines.reveal() == Self.adminKey)
    // A bare name is looked up in PATH.
    let byName = try await KeyResolver.resolve(.command(["echo", Self.adminKey]), environment: [:])
    #expect(byName.reveal() == Self.adminKey)
  }

  /// The status is reported; the output, which may be the key, never is.
  @Test func aFailureReportsItsStatusNotItsOutput() async {
    let script = "echo \(Self.adminKey); echo \(Self.adminKey) >&2; exit 3"
    let error = await #expect(throws: KeySourceError.self) {
      try await KeyResolver.resolve(.command(["/bin/sh", "-c", script]), environment: [:])
    }
    #expect(error?.description == "admin_key_command `/bin/sh -c sk-ant-…` exited with status 3")
    #expect(error?.description.contains("QQQQ") == false)
    let plain = await #expect(throws: KeySourceError.self) {
      try await KeyResolver.resolve(
        .command(["/bin/sh", "-c", "echo oops >&2; exit 1"]), environment: [:])
    }
    #expect(
      plain?.description
        == "admin_key_command `/bin/sh -c echo oops >&2; exit 1` exited with status 1")
  }

  /// argv, not a shell: `$HOME` and `*` reach the program as they are.
  @Test func noShellExpandsAnything() async throws {
    let directory = try TestDirectory()
    let script = try directory.write(
      "#!/bin/sh\n[ \"$1\" = '$HOME' ] && [ \"$2\" = '*' ] && echo \"$3\"\n", to: "print-key",
      mode: 0o700)
    let key = try await KeyResolver.resolve(
      .command([script, "$HOME", "*", Self.adminKey]), environment: [:])
    #expect(key.reveal() == Self.adminKey)
  }

  @Test func aCommandPastItsTimeoutIsStopped() async throws {
    // The command says who it is, sleeps far longer than the timeout, then leaves a mark. By
    // the time the resolver gives up, that process must be gone (killed and reaped, not left
    // running), and not by having been waited for: no mark.
    let directory = try TestDirectory()
    let pidFile = directory.path + "/pid"
    let script = try directory.write(
      "#!/bin/sh\necho $$ > \"$1\"\n/bin/sleep 30\ntouch \"$1.done\"\n", to: "slow-key",
      mode: 0o700)
    let error = await #expect(throws: KeySourceError.self) {
      try await KeyResolver.resolve(
        .command([script, pidFile]), environment: [:], timeout: .milliseconds(500))
    }
    #expect(error?.description == "admin_key_command `\(script) \(pidFile)` timed out after 0.5 s")
    let pid = try #require(
      Int32(
        try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(
          in: .whitespacesAndNewlines)))
    #expect(kill(pid, 0) == -1 && errno == ESRCH, "the command (pid \(pid)) is still running")
    #expect(!FileManager.default.fileExists(atPath: pidFile + ".done"))
  }

  @Test func aMissingProgramOrNoOutput() async {
    let missing = await #expect(throws: KeySourceError.self) {
      try await KeyResolver.resolve(.command(["orgtop-no-such-program"]), environment: [:])
    }
    #expect(
      missing?.description
        == "admin_key_command `orgtop-no-such-program`: orgtop-no-such-program was not found")
    let silent = await #expect(throws: KeySourceError.self) {
      try await KeyResolver.resolve(.command(["/bin/true"]), environment: [:])
    }
    #expect(silent?.description == "admin_key_command `/bin/true` printed no key")
  }

  @Test func anAPIKeyPrintedIsRefusedWithoutShowingIt() async {
    let apiKey = "sk-ant-api03-" + String(repeating: "y", count: 40)
    let error = await #expect(throws: KeySourceError.self) {
      try await KeyResolver.resolve(
        .command(["/bin/sh", "-c", "printf '%s\\n' \"$0\"", apiKey]), environment: [:])
    }
    #expect(
      error?.description.hasPrefix(
        "the key in the output of admin_key_command `/bin/sh -c printf '%s\\n' \"$0\" sk-ant-…` "
          + "looks like an ordinary API key") == true, "\(error?.description ?? "")")
    #expect(error?.description.contains("yyyy") == false)
  }
}
