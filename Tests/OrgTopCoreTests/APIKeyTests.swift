import Foundation
import OrgTopCore
import Testing

/// `APIKey` keeps its fields in a shared box; it must still behave as a plain value.
@Suite("API key value")
struct APIKeyTests {
  static let key = APIKey(
    id: "apikey_01", name: "prod", status: .active,
    createdAt: UTCCalendar.date(year: 2026, month: 3, day: 14),
    createdBy: Actor(id: "user_1", kind: .user), workspaceID: "wrkspc_1")

  @Test func aChangedCopyLeavesTheOriginalAlone() {
    var copy = Self.key
    copy.name = "renamed"
    copy.status = .inactive
    copy.createdBy?.id = "user_2"
    #expect(Self.key.name == "prod")
    #expect(Self.key.status == .active)
    #expect(Self.key.createdBy?.id == "user_1")
    #expect(copy.name == "renamed" && copy.status == .inactive && copy.createdBy?.id == "user_2")
    #expect(copy.id == Self.key.id && copy.workspaceID == "wrkspc_1")
  }

  @Test func equalityAndHashingFollowTheFields() {
    let twin = APIKey(
      id: "apikey_01", name: "prod", status: .active, createdAt: Self.key.createdAt,
      createdBy: Actor(id: "user_1", kind: .user), workspaceID: "wrkspc_1")
    #expect(twin == Self.key)
    #expect(Set([twin, Self.key]).count == 1)
    var other = twin
    other.expiresAt = Self.key.createdAt
    #expect(other != Self.key)
    other.expiresAt = nil
    #expect(other == Self.key)
  }
}
