import Foundation
import Testing

@testable import OrgTopSettings

@Suite("Keys from the environment, and the admin-key shape check")
struct KeyResolverTests {
  static let adminKey = "sk-ant-admin01-" + String(repeating: "Q", count: 86) + "-wxyz"

  @Test func theStandardVariablesInOrder() async throws {
    let first = try await KeyResolver.resolve(
      .standard,
      environment: ["ANTHROPIC_ADMIN_KEY": Self.adminKey, "ANTHROPIC_ADMIN_API_KEY": "other"])
    #expect(first.reveal() == Self.adminKey)
    let second = try await KeyResolver.resolve(
      .standard,
      environment: ["ANTHROPIC_ADMIN_KEY": "  ", "ANTHROPIC_ADMIN_API_KEY": Self.adminKey + "\n"])
    #expect(second.reveal() == Self.adminKey)
  }

  @Test func noStandardVariableIsAMissingKey() async {
    let error = await #expect(throws: KeySourceError.self) {
      try await KeyResolver.resolve(.standard, environment: ["PATH": "/bin"])
    }
    #expect(error?.isMissing == true)
    #expect(
      error?.description
        == "no admin key: ANTHROPIC_ADMIN_KEY is not set (nor ANTHROPIC_ADMIN_API_KEY)")
  }

  /// A variable the configuration names must be set: no demo to fall back to.
  @Test func aCustomVariable() async throws {
    let key = try await KeyResolver.resolve(
      .environment(["LOCAL_ADMIN_KEY"]), environment: ["LOCAL_ADMIN_KEY": Self.adminKey])
    #expect(key.reveal() == Self.adminKey)
    let error = await #expect(throws: KeySourceError.self) {
      try await KeyResolver.resolve(
        .environment(["LOCAL_ADMIN_KEY"]), environment: ["ANTHROPIC_ADMIN_KEY": Self.adminKey])
    }
    #expect(error?.isMissing == false)
    #expect(error?.description == "no admin key: LOCAL_ADMIN_KEY is not set")
  }

  @Test func anOrdinaryAPIKeyIsRefusedByName() async {
    let apiKey = "sk-ant-api03-" + String(repeating: "z", count: 90) + "-AAAA"
    let error = await #expect(throws: KeySourceError.self) {
      try await KeyResolver.resolve(.standard, environment: ["ANTHROPIC_ADMIN_KEY": apiKey])
    }
    #expect(
      error?.description
        == "the key in ANTHROPIC_ADMIN_KEY looks like an ordinary API key (sk-ant-api…), not an "
        + "Admin key (sk-ant-admin…): create one at console.anthropic.com/settings/admin-keys")
    #expect(error?.description.contains("zzzz") == false)
    #expect(error?.isMissing == false)
  }

  @Test(arguments: [
    ("garbage-that-is-no-key", "looks like no Anthropic key at all"),
    ("sk-ant-oat01-abcdefghijklmnop", "looks like an OAuth token of a Claude subscription"),
    ("sk-ant-sid01-abcdefghijklmnop", "looks like another kind of Anthropic key (sk-ant-…)"),
    ("sk-proj-abcdefghijklmnop", "looks like another vendor's API key"),
    ("sk-ant-admin01-has space", "contains spaces or control characters"),
  ])
  func otherShapesAreRefused(_ value: String, _ expected: String) async {
    let error = await #expect(throws: KeySourceError.self) {
      try await KeyResolver.resolve(.environment(["K"]), environment: ["K": value])
    }
    #expect(error?.description.hasPrefix("the key in K ") == true)
    #expect(error?.description.contains(expected) == true, "\(error?.description ?? "")")
    #expect(error?.description.contains("abcdefghij") == false)
  }
}
