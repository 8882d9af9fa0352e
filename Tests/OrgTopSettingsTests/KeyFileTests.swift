import Foundation
import Testing

@testable import OrgTopSettings

@Suite("Keys from a file that only its owner can read")
struct KeyFileTests {
  static let adminKey = KeyResolverTests.adminKey

  @Test func aPrivateFileGivesItsFirstLine() async throws {
    let directory = try TestDirectory()
    let path = try directory.write(Self.adminKey + "\nsecond line\n", to: "admin.key", mode: 0o600)
    let key = try await KeyResolver.resolve(.file(path), environment: [:])
    #expect(key.reveal() == Self.adminKey)
    let readOnly = try directory.write(Self.adminKey, to: "readonly.key", mode: 0o400)
    #expect(
      try await KeyResolver.resolve(.file(readOnly), environment: [:]).reveal() == Self.adminKey)
  }

  @Test(arguments: [
    (0o640, "readable by group or others (mode 0640)"),
    (0o604, "readable by group or others (mode 0604)"),
    (0o644, "readable by group or others (mode 0644)"),
    (0o620, "writable by group or others (mode 0620)"),
    (0o601, "accessible by group or others (mode 0601)"),
  ])
  func aFileOthersCanReachIsRefused(_ mode: Int, _ expected: String) async throws {
    let directory = try TestDirectory()
    let path = try directory.write(Self.adminKey, to: "admin.key", mode: mode_t(mode))
    let error = await #expect(throws: KeySourceError.self) {
      try await KeyResolver.resolve(.file(path), environment: [:])
    }
    #expect(error?.description == "admin_key_file \(path) is \(expected): chmod 600 it")
  }

  @Test func aMissingEmptyOrOddFile() async throws {
    let directory = try TestDirectory()
    let missing = directory.path + "/none.key"
    let gone = await #expect(throws: KeySourceError.self) {
      try await KeyResolver.resolve(.file(missing), environment: [:])
    }
    #expect(gone?.description == "admin_key_file \(missing) does not exist")
    #expect(gone?.isMissing == false)
    let empty = try directory.write("\n", to: "empty.key")
    let blank = await #expect(throws: KeySourceError.self) {
      try await KeyResolver.resolve(.file(empty), environment: [:])
    }
    #expect(blank?.description == "admin_key_file \(empty) is empty")
    let notAFile = await #expect(throws: KeySourceError.self) {
      try await KeyResolver.resolve(.file(directory.path), environment: [:])
    }
    #expect(notAFile?.description == "admin_key_file \(directory.path) is not a regular file")
  }

  @Test func aFileHoldingAnAPIKeyIsRefusedByName() async throws {
    let directory = try TestDirectory()
    let path = try directory.write("sk-ant-api03-abcdefghijklmnopqrstu\n", to: "api.key")
    let error = await #expect(throws: KeySourceError.self) {
      try await KeyResolver.resolve(.file(path), environment: [:])
    }
    #expect(
      error?.description.hasPrefix(
        "the key in admin_key_file \(path) looks like an ordinary API key (sk-ant-api…)") == true)
    #expect(error?.description.contains("abcdefghij") == false)
  }
}
