import Foundation
import Testing

/// `snapshot`, `check`, `keys` and `--once` as a script runs them: the real binary against
/// `orgtop simulate` with fault injection, judged by exit status and output.
@Suite("Script commands end to end")
struct ScriptCommandTests {
  /// A simulator's faults, check's arguments, and the exit status they must give.
  struct Case: Sendable, CustomTestStringConvertible {
    var simulator: [String]
    var arguments: [String] = []
    var expected: Int32
    var testDescription: String { "\(simulator + arguments) -> \(expected)" }
  }

  static let cases: [Case] = [
    Case(simulator: [], expected: 0),
    Case(simulator: ["--faults", "401"], expected: 4),
    Case(simulator: ["--faults", "403:/v1/organizations/api_keys"], expected: 4),
    Case(simulator: ["--faults", "500"], expected: 3),
    Case(simulator: ["--faults", "malformed:/v1/organizations/me"], expected: 3),
    Case(
      simulator: ["--faults", "latency=20s:/v1/organizations/me"], arguments: ["--timeout", "3"],
      expected: 3),
    Case(simulator: [], arguments: ["--expect-org", "Nobody Inc"], expected: 5),
  ]

  @Test(arguments: cases)
  func checkExitsWithTheDocumentedStatus(_ testCase: Case) async throws {
    let (simulator, arguments, expected) = (
      testCase.simulator, testCase.arguments, testCase.expected
    )
    let server = try ScriptProcess.Simulator(simulator)
    let result = try await ScriptProcess.run(
      ["check", "--base-url", server.baseURL, "--warn", "0.99", "--critical", "1"] + arguments,
      environment: server.environment)
    #expect(result.status == expected, "stdout: \(result.stdout) stderr: \(result.stderr)")
    #expect(result.stdout.split(separator: "\n").count == 1)
    if expected == 3 || expected == 4 || expected == 5 {
      // The cause and the remedy, on the one line.
      #expect(result.stdout.split(separator: "·").count >= 3, "\(result.stdout)")
    }
  }

  @Test func checkMatchesTheOrganizationByNameAndByIdAndJudgesABudget() async throws {
    let server = try ScriptProcess.Simulator(["--spend-limits", "unsupported", "--seed", "9"])
    let snapshot = try await ScriptProcess.run(
      ["snapshot", "--base-url", server.baseURL], environment: server.environment)
    #expect(snapshot.status == 0, "\(snapshot.stderr)")
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(snapshot.stdout.utf8)) as? [String: Any])
    let organization = try #require(document["organization"] as? [String: Any])
    let cost = try #require(document["cost"] as? [String: Any])
    let totalText = try #require(cost["total_usd"] as? String)
    let total = try #require(Decimal(string: totalText))
    #expect(total > 0)
    for expected in [organization["name"], organization["id"]] {
      let name = try #require(expected as? String)
      let result = try await ScriptProcess.run(
        ["check", "--base-url", server.baseURL, "--expect-org", name, "--budget", "1000000000"],
        environment: server.environment)
      #expect(result.status == 0, "\(result.stdout)")
    }
    // Budgets that put the spend at 90 % and 97 % of them (spend limits are unreadable).
    for (fraction, status) in [(Decimal(string: "0.9")!, Int32(1)), (Decimal(string: "0.97")!, 2)] {
      var budget = total / fraction
      var rounded = Decimal()
      NSDecimalRound(&rounded, &budget, 2, .plain)
      let result = try await ScriptProcess.run(
        ["check", "--base-url", server.baseURL, "--budget", "\(rounded)", "--format", "json"],
        environment: server.environment)
      #expect(result.status == status, "\(result.stdout)")
      let verdict = try #require(
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
      #expect(verdict["limit_source"] as? String == "budget")
    }
  }

  @Test func scriptsWithoutAKeyFailNamingTheVariableUnlessAskedForTheDemo() async throws {
    for arguments in [["keys"], ["snapshot"], ["check"], ["--once"]] {
      let result = try await ScriptProcess.run(arguments)
      #expect(result.status == 4, "\(arguments)")
      #expect((result.stdout + result.stderr).contains("ANTHROPIC_ADMIN_KEY"), "\(arguments)")
    }
    let demo = try await ScriptProcess.run(["keys", "--demo"])
    #expect(demo.status == 0)
    #expect(demo.stdout.split(separator: "\n").count == 48)
  }

  @Test func onceprintsOnePlainFrameOfTheAskedSize() async throws {
    let result = try await ScriptProcess.run([
      "--once", "--demo", "--width", "100", "--height", "30",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == 30)
    #expect(!result.stdout.contains("\u{1B}"))
    #expect(result.stdout.contains("DEMO"))
    #expect(result.stdout.contains("API keys (48)"))
    let ascii = try await ScriptProcess.run(
      ["--once", "--demo", "--width", "80", "--height", "24"], environment: ["LANG": "C"])
    #expect(ascii.stdout.unicodeScalars.allSatisfy { $0.isASCII })
    // --ascii (or ORGTOP_ASCII) asks for it under a UTF-8 locale, which otherwise draws boxes.
    let utf8 = ["LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]
    let boxes = try await ScriptProcess.run(
      ["--once", "--demo", "--width", "80", "--height", "24"], environment: utf8)
    #expect(boxes.stdout.contains("┌"))
    let asked = try await ScriptProcess.run(
      ["--once", "--demo", "--ascii", "--width", "80", "--height", "24"], environment: utf8)
    #expect(asked.status == 0)
    #expect(asked.stdout.unicodeScalars.allSatisfy { $0.isASCII })
    #expect(asked.stdout.contains("API keys (48)"))
  }

  @Test func theKeyNeverAppearsInAnyOutput() async throws {
    let server = try ScriptProcess.Simulator(["--keys", "20"])
    let secret = String(server.key.dropFirst("sk-ant-admin01-".count))
    let pieces = stride(from: 0, to: secret.count - 16, by: 4).map {
      String(secret.dropFirst($0).prefix(16))
    }
    var runs: [[String]] = [
      ["snapshot"], ["snapshot", "--format", "csv"], ["snapshot", "--format", "prometheus"],
      ["check"], ["check", "--format", "json"], ["keys"], ["keys", "--json"], ["--once"],
    ]
    runs = runs.map { $0 + ["--base-url", server.baseURL] }
    var outputs: [String] = []
    for arguments in runs {
      outputs.append(
        try await ScriptProcess.run(arguments, environment: server.environment).stdout)
    }
    // A wrong key is not echoed either.
    let wrong = "sk-ant-admin01-" + String(secret.reversed())
    let refused = try await ScriptProcess.run(
      ["check", "--base-url", server.baseURL], environment: ["ANTHROPIC_ADMIN_KEY": wrong])
    #expect(refused.status == 4)
    outputs.append(refused.stdout + refused.stderr)
    #expect(outputs.allSatisfy { !$0.isEmpty })
    for output in outputs {
      #expect(!output.contains(server.key))
      #expect(!output.contains(String(wrong.suffix(40))))
      #expect(pieces.allSatisfy { !output.contains($0) })
    }
  }
}
