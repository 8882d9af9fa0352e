import Foundation

/// Builds the simulated organization from a seed, anchored at a start instant: the same seed
/// and start always give the same world.
package enum WorldBuilder {
  private static let second = WireTime.microsPerSecond
  private static let day = 86_400 * WireTime.microsPerSecond

  /// The world for `seed` with `keyCount` keys, as it stands at `now` (microseconds).
  package static func build(seed: UInt64, keyCount: Int, now: Int64) -> SimWorld {
    var random = SeededGenerator(seed: seed)
    let nowMinute = Int(WireTime.floorDiv(now, 60 * second))
    let startMinute = WireTime.monthStartMinute(containing: nowMinute, monthOffset: -1)
    let startMicros = Int64(startMinute) * 60 * second
    let (orgName, domain) = random.pick(NameCatalog.organizations)
    let orgCreated = startMicros - Int64(random.int(in: 120...300)) * day + jitter(&random)
    let organization = SimWorld.Organization(
      id: random.uuidV4(), name: orgName, createdAt: orgCreated)

    var workspaces = [
      SimWorld.Workspace(
        id: random.entityID("wrkspc_"), name: "Default", createdAt: orgCreated, archivedAt: nil,
        displayColor: "#6B6B6B", compartmentID: random.entityID("cmpt_"),
        defaultInferenceGeo: "global", allowedInferenceGeos: nil, tags: [], isDefault: true)
    ]
    for (index, spec) in NameCatalog.workspaces.enumerated() {
      let created = orgCreated + Int64(index + 1) * 9 * day + jitter(&random)
      workspaces.append(
        SimWorld.Workspace(
          id: random.entityID("wrkspc_"), name: spec.0, createdAt: created,
          archivedAt: spec.5 ? startMicros - 20 * day + jitter(&random) : nil,
          displayColor: spec.1, compartmentID: random.entityID("cmpt_"),
          defaultInferenceGeo: spec.2, allowedInferenceGeos: spec.3, tags: spec.4,
          isDefault: false))
    }

    var users: [SimWorld.User] = []
    for (index, spec) in NameCatalog.users.enumerated() {
      users.append(
        SimWorld.User(
          id: random.entityID("user_"), email: spec.1 + "@" + domain, name: spec.0, role: spec.2,
          addedAt: orgCreated + Int64(index) * 6 * day + jitter(&random)))
    }
    let invites = NameCatalog.invites.map { spec in
      let invited = now - Int64(spec.2) * day + jitter(&random)
      return SimWorld.Invite(
        id: random.entityID("invite_"), email: spec.0 + "@" + domain, role: spec.1,
        status: spec.3, invitedAt: invited,
        acceptedAt: spec.3 == "accepted" ? invited + 2 * day + jitter(&random) : nil)
    }
    let serviceAccounts = (0..<3).map { _ in random.entityID("svac_") }

    let keys = buildKeys(
      count: max(1, keyCount), random: &random, now: now, orgCreated: orgCreated,
      workspaces: workspaces, users: users, serviceAccounts: serviceAccounts)
    let rateLimits = ModelCatalog.groups.map { group in
      SimWorld.RateLimit(
        id: random.entityID("rl_"), groupType: group.type, groupID: group.groupID,
        displayName: group.displayName, models: group.models,
        limits: group.limits.map { SimWorld.Limiter(type: $0.0, value: $0.1) })
    }
    let overrides = [
      SimWorld.RateLimitOverride(
        workspaceID: workspaces[1].id, rateLimitID: rateLimits[0].id,
        limiterType: "requests_per_minute", value: 2000),
      SimWorld.RateLimitOverride(
        workspaceID: workspaces[2].id, rateLimitID: rateLimits[1].id,
        limiterType: "input_tokens_per_minute", value: 500_000),
    ]
    let orgLimitCreated = orgCreated + 30 * day + jitter(&random)
    let spendLimits = [
      SimWorld.SpendLimit(
        id: random.entityID("spl_"), amountCents: 150_000, isEnabled: true, period: "monthly",
        scopeType: "workspace", workspaceID: workspaces[1].id, createdAt: orgLimitCreated + day,
        updatedAt: orgLimitCreated + day),
      SimWorld.SpendLimit(
        id: random.entityID("spl_"), amountCents: 500_000, isEnabled: true, period: "monthly",
        scopeType: "organization", workspaceID: nil, createdAt: orgLimitCreated,
        updatedAt: orgLimitCreated + 12 * day),
      SimWorld.SpendLimit(
        id: random.entityID("spl_"), amountCents: 20_000_000, isEnabled: true, period: "monthly",
        scopeType: "usage_tier", workspaceID: nil, createdAt: orgCreated, updatedAt: orgCreated),
    ]
    var memberships: [String: [SimWorld.Membership]] = [:]
    for workspace in workspaces {
      memberships[workspace.id] = users.reversed().compactMap { user in
        switch user.role {
        case "admin": return SimWorld.Membership(userID: user.id, role: "workspace_admin")
        case "billing": return SimWorld.Membership(userID: user.id, role: "workspace_billing")
        default:
          guard workspace.isDefault || random.chance(0.6) else { return nil }
          let role =
            user.role == "developer"
            ? random.pick(["workspace_developer", "workspace_restricted_developer"])
            : "workspace_user"
          return SimWorld.Membership(userID: user.id, role: role)
        }
      }
    }
    var world = SimWorld(
      organization: organization, workspaces: workspaces.reversed(), users: users.reversed(),
      invites: invites.sorted { $0.invitedAt > $1.invitedAt }, keys: keys, keyIndex: [:],
      serviceAccountIDs: serviceAccounts, rateLimits: rateLimits, rateLimitOverrides: overrides,
      spendLimits: spendLimits, memberships: memberships,
      usage: UsageModel(series: [], startMinute: startMinute))
    for (index, key) in world.keys.enumerated() { world.keyIndex[key.id] = index }
    world.usage.series = buildSeries(world: world, random: &random, startMinute: startMinute)
    return world
  }

  private static func jitter(_ random: inout SeededGenerator) -> Int64 {
    Int64(random.int(in: 0...86_399_999_999))
  }

  // swiftlint:disable:next function_parameter_count
  private static func buildKeys(
    count: Int, random: inout SeededGenerator, now: Int64, orgCreated: Int64,
    workspaces: [SimWorld.Workspace], users: [SimWorld.User], serviceAccounts: [String]
  ) -> [SimWorld.Key] {
    let creators = users.filter { ["admin", "developer"].contains($0.role) }
    let liveWorkspaces = workspaces.filter { $0.archivedAt == nil }
    let minuteMicros = 60 * second
    var keys: [SimWorld.Key] = []
    keys.reserveCapacity(count)
    for index in 0..<count {
      let created = orgCreated + Int64(random.unit() * Double(now - orgCreated - 3600 * second))
      let createdMinute = Int(WireTime.floorDiv(created, minuteMicros)) + 1
      let nowMinute = Int(WireTime.floorDiv(now, minuteMicros))
      func pastMinute() -> Int {
        createdMinute + Int(random.unit() * Double(max(1, nowMinute - createdMinute)))
      }
      var status = "active"
      var expires: Int64?
      var active = [createdMinute..<Int.max]
      let roll = random.unit()
      // The first keys cover every status deterministically; the rest are drawn.
      let pick = index < 6 ? [0.1, 0.7, 0.8, 0.9, 0.95, 0.5][index] : roll
      switch pick {
      case ..<0.62:
        if random.chance(0.2) { expires = now + Int64(random.int(in: 5...200)) * day }
      case ..<0.74:
        status = "inactive"
        active = [createdMinute..<pastMinute()]
      case ..<0.86:
        status = "archived"
        active = [createdMinute..<pastMinute()]
      case ..<0.94:
        let end = pastMinute()
        status = "expired"
        expires = Int64(end) * minuteMicros
        active = [createdMinute..<end]
      default:
        // Expires soon after start-up, so a watcher sees it flip to expired.
        let end = nowMinute + random.int(in: 15...90)
        expires = Int64(end) * minuteMicros
        active = [createdMinute..<end]
      }
      var createdBy: SimWorld.Actor?
      var principal: SimWorld.Actor?
      let creatorRoll = random.unit()
      if creatorRoll < 0.7 {
        createdBy = SimWorld.Actor(id: random.pick(creators).id, isServiceAccount: false)
        if random.chance(0.15) { principal = createdBy }
      } else if creatorRoll < 0.9 {
        let account = SimWorld.Actor(id: random.pick(serviceAccounts), isServiceAccount: true)
        createdBy = account
        principal = account
      }
      var workspaceID: String? = random.pick(liveWorkspaces).id
      if index == 7, principal != nil { workspaceID = nil }
      let hint =
        status == "archived" && random.chance(0.5)
        ? nil : "sk-ant-api03-" + random.base62(3) + "..." + random.base62(2)
      keys.append(
        SimWorld.Key(
          id: random.entityID("apikey_"), name: NameCatalog.keyName(index, generator: &random),
          storedStatus: status, createdAt: created, createdBy: createdBy, expiresAt: expires,
          partialKeyHint: hint, principal: principal, workspaceID: workspaceID,
          activeMinutes: active))
    }
    return keys.sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }
  }

  private static func buildSeries(
    world: SimWorld, random: inout SeededGenerator, startMinute: Int
  ) -> [UsageModel.Series] {
    var series: [UsageModel.Series] = []
    let modelWeights = [0.45, 0.15, 0.25, 0.1, 0.05]
    func drawModel() -> Int {
      var roll = random.unit()
      for (index, weight) in modelWeights.enumerated() {
        roll -= weight
        if roll < 0 { return index }
      }
      return 0
    }
    func addSeries(keyIndex: Int?, workspaceIndex: Int, userIndex: Int?, heavy: Bool) {
      var models = Set([drawModel()])
      while random.chance(0.45), models.count < 3 { models.insert(drawModel()) }
      for model in models.sorted() {
        let exponent = heavy ? 6.0 + random.unit() * 0.3 : 3.3 + random.unit() * 2.0
        let input = Int(pow(10, exponent))
        let caching = random.chance(0.6)
        let peak = UsageCounts(
          uncachedInput: input, output: Int(Double(input) * (0.08 + random.unit() * 0.35)),
          cacheRead: caching ? Int(Double(input) * random.unit() * 4) : 0,
          cacheWrite5m: caching ? Int(Double(input) * (0.03 + random.unit() * 0.15)) : 0,
          cacheWrite1h: caching && random.chance(0.3)
            ? Int(Double(input) * random.unit() * 0.1) : 0,
          webSearchRequests: random.chance(0.25) ? random.int(in: 2...40) : 0,
          requests: max(1, input / random.int(in: 1500...12_000)))
        series.append(
          UsageModel.Series(
            keyIndex: keyIndex, modelIndex: model, workspaceIndex: workspaceIndex,
            userIndex: userIndex, seed: random.next(), peak: peak, phase: random.int(in: -3...9),
            activity: heavy ? 1 : 0.35 + random.unit() * 0.65))
      }
    }
    let workspacePosition = Dictionary(
      uniqueKeysWithValues: world.workspaces.enumerated().map { ($1.id, $0) })
    let defaultIndex = world.workspaces.firstIndex(where: \.isDefault) ?? 0
    var keysWithUsage = 0
    // The oldest keys are the busiest; a huge organization still has a bounded number of series.
    for (index, key) in world.keys.enumerated().reversed() {
      guard keysWithUsage < 150,
        key.activeMinutes.contains(where: { $0.upperBound > startMinute }),
        random.chance(0.7)
      else { continue }
      let workspaceIndex = key.workspaceID.flatMap { workspacePosition[$0] } ?? defaultIndex
      addSeries(
        keyIndex: index, workspaceIndex: workspaceIndex, userIndex: nil,
        heavy: keysWithUsage == 0)
      keysWithUsage += 1
    }
    let consoleUsers = world.users.indices.filter {
      ["developer", "admin"].contains(world.users[$0].role)
    }
    for userIndex in consoleUsers.prefix(2) {
      addSeries(keyIndex: nil, workspaceIndex: defaultIndex, userIndex: userIndex, heavy: false)
    }
    return series
  }
}
