import Foundation
import OrgTopCore

/// A small, realistic organization built in code, with hostile text (escape sequences, CJK,
/// emoji, accents, a very long name) for the UI's sanitizing and width tests. Its reports are
/// generated for whatever window is asked, from fixed per-key usage profiles, so the reducer's
/// real queries get consistent answers. Everything is deterministic.
package enum Fixtures {
  /// The instant the fixture is "now": Friday 20 November 2026, 14:52:07 UTC.
  package static let now = UTCCalendar.date(
    year: 2026, month: 11, day: 20, hour: 14, minute: 52, second: 7)

  package static let configuration = DashboardConfiguration(
    mode: .demo, sourceLabel: "simulator 127.0.0.1:41234", budget: 2500)

  package static let organization = Organization(
    id: "5f3c2a1e-8b7d-4c6e-9a0f-1d2e3f4a5b6c", name: "Acme Robotics")

  static func day(_ month: Int, _ day: Int, _ year: Int = 2026) -> Date {
    UTCCalendar.date(year: year, month: month, day: day, hour: 9, minute: 30)
  }

  package static let defaultWorkspaceID = "wrkspc_01DefaultDefaultDefault00"
  package static let workspaces: [Workspace] = [
    Workspace(id: defaultWorkspaceID, name: "Default", createdAt: day(1, 8)),
    Workspace(id: "wrkspc_01Production000000000001", name: "production", createdAt: day(2, 1)),
    Workspace(id: "wrkspc_01Staging00000000000002", name: "staging", createdAt: day(2, 1)),
    Workspace(id: "wrkspc_01Research0000000000003", name: "研究チーム", createdAt: day(4, 12)),
    Workspace(
      id: "wrkspc_01Archived0000000000004", name: "Café ☕ experiments", createdAt: day(3, 3),
      archivedAt: day(9, 30)),
  ]

  package static let members: [Member] = [
    Member(
      id: "user_01Ada00000000000000000001", email: "ada@acme.example", name: "Ada Lovelace",
      role: .admin, addedAt: day(1, 8)),
    Member(
      id: "user_01Grace0000000000000000002", email: "grace@acme.example", name: "Grace Hopper",
      role: .developer, addedAt: day(2, 2)),
    Member(
      id: "user_01Jose00000000000000000003", email: "jose@acme.example", name: "José Álvarez",
      role: .developer, addedAt: day(3, 5)),
    Member(
      id: "user_01Li0000000000000000000004", email: "li@acme.example", name: "李小龙",
      role: .user, addedAt: day(4, 12)),
    Member(
      id: "user_01Evil00000000000000000005", email: "mallory@acme.example",
      name: "\u{1B}[2J\u{1B}[HMallory\u{07}", role: .developer, addedAt: day(5, 20)),
    Member(
      id: "user_01NoName000000000000000006", email: "ops@acme.example", name: "",
      role: .billing, addedAt: day(6, 1)),
  ]

  package static let invites: [Invite] = [
    Invite(
      id: "invite_01Pending00000000000001", email: "new.hire@acme.example", role: .developer,
      status: .pending, invitedAt: day(11, 17), expiresAt: day(12, 8)),
    Invite(
      id: "invite_01Pending00000000000002", email: "contractor@example.org", role: .user,
      status: .pending, invitedAt: day(11, 19), expiresAt: day(12, 10)),
  ]

  static func user(_ index: Int) -> Actor { Actor(id: members[index].id, kind: .user) }

  /// The keys: one of every status, every creator kind, hostile names.
  package static let apiKeys: [APIKey] = [
    APIKey(
      id: "apikey_01ProdBackend000000000001", name: "prod-backend", status: .active,
      createdAt: day(3, 14), createdBy: user(0), partialKeyHint: "sk-ant-api03-R2D...AA",
      workspaceID: workspaces[1].id),
    APIKey(
      id: "apikey_01StagingCI00000000000002", name: "staging-ci", status: .active,
      createdAt: day(5, 2), createdBy: user(1), partialKeyHint: "sk-ant-api03-Xk9...Qw",
      workspaceID: workspaces[2].id),
    APIKey(
      id: "apikey_01DataPipeline0000000003", name: "data-pipeline", status: .active,
      createdAt: day(6, 9),
      createdBy: Actor(id: "svac_01Pipeline0000000000001", kind: .serviceAccount),
      partialKeyHint: "sk-ant-api03-p1P...zz",
      principal: Actor(id: "svac_01Pipeline0000000000001", kind: .serviceAccount),
      workspaceID: defaultWorkspaceID),
    APIKey(
      id: "apikey_01LaunchBot000000000000004", name: "🚀 launch-bot", status: .active,
      createdAt: day(10, 1), createdBy: user(2), expiresAt: day(11, 24),
      partialKeyHint: "sk-ant-api03-L4u...bt", workspaceID: workspaces[1].id),
    APIKey(
      id: "apikey_01Research000000000000005", name: "日本語のキー", status: .active,
      createdAt: day(7, 7), createdBy: user(3), partialKeyHint: "sk-ant-api03-J4p...nn",
      workspaceID: workspaces[3].id),
    APIKey(
      id: "apikey_01RedAlert00000000000006", name: "\u{1B}[31mred alert\u{1B}[0m",
      status: .inactive, createdAt: day(8, 8), createdBy: user(4),
      partialKeyHint: "sk-ant-api03-\u{1B}[5m...", workspaceID: workspaces[2].id),
    APIKey(
      id: "apikey_01CafeProd000000000000007", name: "Café-prod (ñ, ü, ø)", status: .archived,
      createdAt: day(3, 20), createdBy: user(0), partialKeyHint: "sk-ant-api03-C4f...e1",
      workspaceID: workspaces[4].id),
    APIKey(
      id: "apikey_01OldIntern00000000000008", name: "old-intern-key", status: .expired,
      createdAt: day(2, 1), createdBy: user(1), expiresAt: day(6, 30),
      partialKeyHint: "sk-ant-api03-0ld...in", workspaceID: defaultWorkspaceID),
    APIKey(
      id: "apikey_01Legacy00000000000000009", name: "legacy-key", status: .active,
      createdAt: day(1, 10), partialKeyHint: nil, workspaceID: nil),
    APIKey(
      id: "apikey_01UnusedNew0000000000010", name: "unused-new", status: .active,
      createdAt: day(11, 18), createdBy: user(5), partialKeyHint: "sk-ant-api03-Nw1...00",
      workspaceID: workspaces[1].id),
    APIKey(
      id: "apikey_01LongName0000000000000011",
      name: "a-very-long-key-name-that-will-never-fit-in-any-reasonable-column-width-at-all",
      status: .active, createdAt: day(9, 9), createdBy: user(1),
      partialKeyHint: "sk-ant-api03-Lng...gg", workspaceID: workspaces[2].id),
    APIKey(
      id: "apikey_01Suspended00000000000012", name: "suspended-key",
      status: .unknown("suspended"), createdAt: day(4, 4), createdBy: user(0),
      partialKeyHint: "sk-ant-api03-Sus...pd", workspaceID: workspaces[1].id),
  ]

  package static let rateLimits: [RateLimitGroup] = [
    RateLimitGroup(
      id: "rl_01Sonnet00000000000000001", groupType: "model_group",
      groupID: "rlg_01VPTCmyiu5ZLsWkcxYG2pY8", displayName: "Claude Sonnet 4.x",
      models: ["claude-sonnet-4-5", "claude-sonnet-4-5-20250929", "claude-sonnet-4-6"],
      limits: [
        .init(type: "requests_per_minute", value: 4000),
        .init(type: "input_tokens_per_minute", value: 2_000_000),
        .init(type: "output_tokens_per_minute", value: 400_000),
      ]),
    RateLimitGroup(
      id: "rl_01Haiku000000000000000002", groupType: "model_group",
      groupID: "rlg_01Jt6Yw8Zx1Av3Bc5De7Fg9H", displayName: "Claude Haiku 4.x",
      models: ["claude-haiku-4-5", "claude-haiku-4-5-20251001"],
      limits: [
        .init(type: "requests_per_minute", value: 4000),
        .init(type: "input_tokens_per_minute", value: 4_000_000),
        .init(type: "output_tokens_per_minute", value: 800_000),
      ]),
    RateLimitGroup(
      id: "rl_01Batch000000000000000003", groupType: "batch",
      groupID: "rlg_01Mb5Nc7Vx9Zl2Kj4Hg6Fd8S", displayName: nil, models: [],
      limits: [.init(type: "enqueued_batch_requests", value: 500_000)]),
  ]

  package static let spendLimits: [SpendLimit] = [
    SpendLimit(
      id: "spl_01Org00000000000000000001", amount: Money(minorUnits: 500_000), isEnabled: true,
      period: .monthly, scope: .organization),
    SpendLimit(
      id: "spl_01Workspace000000000000002", amount: Money(minorUnits: 150_000), isEnabled: true,
      period: .monthly, scope: .workspace(id: workspaces[1].id)),
    SpendLimit(
      id: "spl_01Tier0000000000000000003", amount: Money(minorUnits: 20_000_000), isEnabled: true,
      period: .monthly, scope: .usageTier),
  ]
}
