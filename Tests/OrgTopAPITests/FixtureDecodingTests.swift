import Foundation
import OrgTopCore
import Testing

@testable import OrgTopAPI

/// Every JSON example of admin-api.md decodes and maps to the domain values the document
/// states (the expected values are read off the reference, not off the code).
@Suite struct FixtureDecodingTests {
  @Test func organization() throws {
    let org = try WireDecoding.decode(WireOrganization.self, from: fixture("me")).toDomain()
    #expect(org == Organization(id: "5b1d7e3a-2c4f-4a8b-9e6d-0f3c2a1b4d5e", name: "Acme Robotics"))
  }

  @Test func apiKeyListPage() throws {
    let page = try WireDecoding.decode(WireIDPage<WireAPIKey>.self, from: fixture("api-keys-list"))
    #expect(page.hasMore)
    #expect(page.firstId == "apikey_01Rj2N8SVvo6BePZj99NhmiT")
    #expect(page.lastId == "apikey_01Tg5Hy7Uj9Ik2Ol4Pm6Nb8V")
    var keys = page.data.map { $0.toDomain() }
    #expect(keys.count == 2)
    #expect(isClose(keys[0].createdAt, utc("2026-10-28T09:14:05"), plus: 0.229541))
    #expect(isClose(keys[1].createdAt, utc("2026-09-17T11:03:44"), plus: 0.871))
    keys[0].createdAt = utc("2026-10-28T09:14:05")
    #expect(
      keys[0]
        == APIKey(
          id: "apikey_01Rj2N8SVvo6BePZj99NhmiT", name: "prod-backend", status: .active,
          createdAt: utc("2026-10-28T09:14:05"),
          createdBy: Actor(id: "user_01WCz1FkmYMm4gnmykNKUu3Q", kind: .user),
          expiresAt: nil, partialKeyHint: "sk-ant-api03-R2D...AA", principal: nil,
          workspaceID: "wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ"))
    #expect(keys[1].status == .inactive)
    #expect(keys[1].createdBy == Actor(id: "svac_01Ea5Rd7Tf9Gy2Hu4Ji6Ko8L", kind: .serviceAccount))
    #expect(keys[1].principal == Actor(id: "svac_01Ea5Rd7Tf9Gy2Hu4Ji6Ko8L", kind: .serviceAccount))
    #expect(keys[1].expiresAt == utc("2027-01-01T00:00:00"))
    #expect(keys[1].workspaceID == nil)
  }

  @Test func apiKeyGetAndUpdate() throws {
    let archived = try WireDecoding.decode(WireAPIKey.self, from: fixture("api-key-get")).toDomain()
    #expect(archived.status == .archived)
    #expect(archived.createdBy == nil)
    #expect(archived.partialKeyHint == nil)
    #expect(archived.principal == Actor(id: "user_01Lp3Wq7Er9Ty2Ui4Op6As8Df", kind: .user))
    #expect(archived.workspaceID == "wrkspc_01Dq8Lm2Nv5Bx7Cz9Ak4Ws6E")
    let updated = try WireDecoding.decode(WireAPIKey.self, from: fixture("api-key-update"))
      .toDomain()
    #expect(updated.status == .inactive)
    #expect(updated.name == "prod-backend")
  }

  @Test func usersAndInvites() throws {
    let users = try WireDecoding.decode(WireIDPage<WireUser>.self, from: fixture("users-list"))
    #expect(users.data.map { $0.toDomain().role } == [.admin, .developer])
    #expect(users.data[1].toDomain().email == "grace@acme.example")
    let linus = try WireDecoding.decode(WireUser.self, from: fixture("user-get")).toDomain()
    #expect(
      linus
        == Member(
          id: "user_01Lp3Wq7Er9Ty2Ui4Op6As8Df", email: "linus@acme.example", name: "Linus Park",
          role: .billing, addedAt: utc("2026-03-30T12:00:00")))
    let invites = try WireDecoding.decode(
      WireIDPage<WireInvite>.self, from: fixture("invites-list"))
    #expect(!invites.hasMore)
    #expect(
      invites.data.map { $0.toDomain() } == [
        Invite(
          id: "invite_015gWxCN9Hfg2QhZwTK7Mdeu", email: "edsger@acme.example", role: .developer,
          status: .pending, invitedAt: utc("2026-11-04T10:00:00"),
          expiresAt: utc("2026-11-25T10:00:00"))
      ])
  }

  @Test func workspacesAndMembers() throws {
    let page = try WireDecoding.decode(
      WireIDPage<WireWorkspace>.self, from: fixture("workspaces-list"))
    let workspaces = page.data.map { $0.toDomain() }
    #expect(workspaces.map(\.name) == ["production", "staging"])
    #expect(workspaces[0].displayColor == "#D97757")
    #expect(isClose(workspaces[1].createdAt, utc("2026-02-03T08:15:22"), plus: 0.5))
    let defaultWorkspace = try WireDecoding.decode(
      WireWorkspace.self, from: fixture("workspace-get")
    )
    .toDomain()
    #expect(defaultWorkspace.name == "Default")
    #expect(defaultWorkspace.archivedAt == nil)
    let members = try WireDecoding.decode(
      WireIDPage<WireWorkspaceMember>.self, from: fixture("workspace-members"))
    #expect(members.data.map { $0.toDomain().role } == [.admin, .developer])
    #expect(members.lastId == "user_01Ht8RkQ2mVn5Xc7Bd9Fg3Jp")
  }

  @Test func rateLimits() throws {
    let page = try WireDecoding.decode(
      WireCursorPage<WireRateLimit>.self, from: fixture("rate-limits"))
    #expect(page.nextPage == nil)
    let groups = try page.data.map { try $0.toDomain() }
    #expect(groups.map(\.groupType) == ["model_group", "model_group", "batch", "web_search"])
    #expect(groups[0].displayName == "Claude Sonnet 4.x")
    #expect(groups[0].groupID == "rlg_01VPTCmyiu5ZLsWkcxYG2pY8")
    #expect(groups[0].id == "rl_01Nq4Wm7Ek2Rj9Tb5Yc8Ud3V")
    #expect(groups[0].models.contains("claude-sonnet-4-6"))
    #expect(groups[0].value(of: "input_tokens_per_minute") == 2_000_000)
    #expect(groups[2].models.isEmpty)
    #expect(groups[2].value(of: "enqueued_batch_requests") == 500_000)
    #expect(groups[3].value(of: "tool_uses_per_second") == 30)

    let workspacePage = try WireDecoding.decode(
      WireCursorPage<WireWorkspaceRateLimit>.self, from: fixture("workspace-rate-limits"))
    #expect(workspacePage.nextPage == "page_MQ")
    let entry = try #require(try workspacePage.data.first?.toDomain())
    #expect(entry.rateLimitID == "rl_01Nq4Wm7Ek2Rj9Tb5Yc8Ud3V")
    #expect(
      entry.limits == [
        .init(type: "requests_per_minute", value: 2000, orgLimit: 4000, source: .workspace),
        .init(
          type: "input_tokens_per_minute", value: 2_000_000, orgLimit: 2_000_000,
          source: .organization),
      ])
  }

  @Test func spendLimits() throws {
    let page = try WireDecoding.decode(
      WireCursorPage<WireSpendLimit>.self, from: fixture("spend-limits"))
    let limits = try page.data.map { try $0.toDomain() }
    // "org cap $5,000.00/month; production workspace cap $1,500.00/month; tier cap $200,000.00".
    #expect(
      limits.map { $0.amount?.majorUnits } == [Decimal(5000), Decimal(1500), Decimal(200_000)])
    #expect(
      limits.map(\.scope) == [
        .organization, .workspace(id: "wrkspc_01JwQvzr7rXLA5AGx3HKfFUJ"), .usageTier,
      ])
    #expect(limits.allSatisfy { $0.period == .monthly && $0.isEnabled })
  }

  @Test func analyticsUsage() throws {
    let page = try WireDecoding.decode(
      WireReportPage<WireAnalyticsUsageRow>.self, from: fixture("analytics-usage"))
    #expect(page.continuation == "page_Mg")
    #expect(page.dataRefreshedAt == utc("2026-11-20T10:12:00"))
    let rows = page.data.map { $0.toDomain() }
    #expect(rows[0].apiKeyID == "apikey_01Rj2N8SVvo6BePZj99NhmiT")
    #expect(rows[0].model == "claude-sonnet-4-6")
    #expect(rows[0].requests == 52311)
    #expect(rows[0].tokens.uncachedInput == 18_234_117)
    #expect(rows[0].tokens.cacheCreation5m == 1_203_300)
    // The reference's total_tokens is the sum of every token type.
    #expect(rows[0].tokens.total == 113_769_244)
    #expect(rows[1].tokens.total == 9_792_344)
    #expect(rows[1].tokens.webSearchRequests == 12)
    #expect(rows[1].end == utc("2026-11-20T10:00:00"))
  }

  @Test func analyticsCost() throws {
    let page = try WireDecoding.decode(
      WireReportPage<WireAnalyticsCostRow>.self, from: fixture("analytics-cost"))
    let row = try #require(try page.data.first?.toDomain())
    // "14808.376" = $148.08376
    #expect(
      row.amount.majorUnits
        == Decimal(string: "148.08376", locale: Locale(identifier: "en_US_POSIX")))
    #expect(row.apiKeyID == "apikey_01Rj2N8SVvo6BePZj99NhmiT")
    #expect(page.continuation == "page_MQ")
  }

  @Test func legacyUsage() throws {
    let page = try WireDecoding.decode(
      WireReportPage<WireLegacyBucket<WireLegacyUsageRow>>.self, from: fixture("legacy-usage"))
    #expect(page.continuation == "page_Mg")
    #expect(page.dataRefreshedAt == nil)
    let rows = page.data.flatMap { $0.usageRows() }
    #expect(rows.count == 2)
    #expect(rows[0].tokens.total == 1_021_330 + 60120 + 4_980_210 + 230_514)
    #expect(rows[0].requests == nil)
    #expect(rows[1].apiKeyID == nil)
    #expect(rows[1].model == "claude-haiku-4-5-20251001")
    #expect(page.data[1].results?.isEmpty == true)
  }

  @Test func legacyCost() throws {
    let page = try WireDecoding.decode(
      WireReportPage<WireLegacyBucket<WireLegacyCostRow>>.self, from: fixture("legacy-cost"))
    let rows = try page.data.flatMap { try $0.costRows() }
    // "The first row is $3.06399 and the second $0.37."
    let posix = Locale(identifier: "en_US_POSIX")
    #expect(
      rows.map(\.amount.majorUnits) == [
        Decimal(string: "3.06399", locale: posix), Decimal(string: "0.37", locale: posix),
      ])
    #expect(rows.allSatisfy { $0.apiKeyID == nil })
    #expect(rows.map(\.model) == ["claude-sonnet-4-6", nil])
  }

  @Test func errorEnvelopes() throws {
    let notFound = try WireDecoding.decode(WireErrorEnvelope.self, from: fixture("error-not-found"))
    #expect(APIErrorType(wire: notFound.error.type) == .notFound)
    #expect(notFound.requestId == "req_011CVa7pQ2mZ9s8W3kE4rT6y")
    let orgType = try WireDecoding.decode(WireErrorEnvelope.self, from: fixture("error-org-type"))
    #expect(orgType.error.details?.errorCode == "organization_type_not_supported")
    #expect(APIErrorType(wire: orgType.error.type) == .invalidRequest)
  }

  @Test func pageEnvelopes() throws {
    let idPage = try WireDecoding.decode(WireIDPage<WireAPIKey>.self, from: fixture("envelope-id"))
    #expect(idPage.hasMore && idPage.data.isEmpty)
    let cursor = try WireDecoding.decode(
      WireCursorPage<WireRateLimit>.self, from: fixture("envelope-cursor"))
    #expect(cursor.nextPage == "page_MjA")
    let report = try WireDecoding.decode(
      WireReportPage<WireAnalyticsUsageRow>.self, from: fixture("envelope-report"))
    #expect(report.continuation == "page_MjA")
    #expect(report.dataRefreshedAt == utc("2026-11-20T09:55:00"))
    let legacy = try WireDecoding.decode(
      WireReportPage<WireLegacyBucket<WireLegacyUsageRow>>.self, from: fixture("envelope-legacy"))
    #expect(legacy.continuation == nil)
  }
}
