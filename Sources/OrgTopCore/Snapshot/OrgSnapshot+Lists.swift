import Foundation

extension OrgSnapshot {
  /// Every key in the table's order (`rows`, ``KeyRows``: with no filter, every key,
  /// by default by cost, highest first), with the facts the table shows and the month's tokens
  /// and cost by model.
  static func keys(
    state: DashboardState, rows: [KeyRowFacts], figures: DashboardFigures,
    breakdown: MonthBreakdown, now: Date
  ) -> [Key]? {
    guard state.apiKeys.value != nil else { return nil }
    let flagContext = KeyFlagContext(state, activity: figures.activity, now: now)
    let rules = state.configuration.keyFlagRules
    let perKeyCost = figures.cost?.isPerKeyAvailable == true
    let costByModel = figures.cost?.byKeyAndModel ?? [:]
    let hasUsage = state.monthUsage.value != nil
    return rows.map { row in
      let key = row.key
      let tokensByModel = breakdown.tokensByKeyAndModel[key.id] ?? [:]
      let models = Set(tokensByModel.keys).union(
        perKeyCost ? Array((costByModel[key.id] ?? [:]).keys) : [])
      var lastActive: Date?
      let activity: String
      switch row.lastActive {
      case .day(let day):
        lastActive = day
        activity = "day"
      case .beforeWindow: activity = "before_window"
      case .never: activity = "never"
      case .unknown: activity = "unknown"
      }
      return Key(
        id: key.id, name: key.name, status: key.status.wire, workspaceID: key.workspaceID,
        workspaceName: key.workspaceID == nil ? nil : row.workspaceName,
        createdBy: key.createdBy.map { creator(for: $0, in: state) },
        createdAt: key.createdAt, expiresAt: key.expiresAt, lastActive: lastActive,
        lastActiveState: activity,
        flags: KeyFlags.evaluate(
          flagContext.facts(for: key, lastActive: row.lastActive), rules: rules, now: now
        ).map { Flag(code: $0.code, reason: $0.reason) },
        costUSD: row.costMTD.map(Dollars.init),
        tokens: hasUsage ? Tokens(breakdown.tokensByKey[key.id] ?? TokenCounts()) : nil,
        byModel: models.sorted().map { model in
          ModelCost(
            model: model,
            costUSD: perKeyCost ? Dollars(costByModel[key.id]?[model] ?? .zero()) : nil,
            tokens: hasUsage ? Tokens(tokensByModel[model] ?? TokenCounts()) : nil)
        })
    }
  }

  private static func creator(for actor: Actor, in state: DashboardState) -> Creator {
    let type: String =
      switch actor.kind {
      case .user: "user"
      case .serviceAccount: "service_account"
      case .unknown(let raw): raw
      }
    let member = state.members.value?.first { $0.id == actor.id }
    return Creator(
      id: actor.id, type: type,
      name: member.map { $0.name.isEmpty ? $0.email : $0.name })
  }

  /// Every workspace, with its keys and its month's cost and tokens, usage with no key included.
  static func workspaces(state: DashboardState, breakdown: MonthBreakdown) -> [WorkspaceFacts]? {
    guard let list = state.workspaces.value else { return nil }
    let keys = state.apiKeys.value ?? []
    var total: [String: Int] = [:]
    var active: [String: Int] = [:]
    // An organization-scoped key (no workspace id) belongs to no workspace.
    for key in keys {
      guard let id = key.workspaceID else { continue }
      total[id, default: 0] += 1
      if key.status == .active { active[id, default: 0] += 1 }
    }
    let hasUsage = state.monthUsage.value != nil
    var result = list.map { workspace in
      WorkspaceFacts(
        id: workspace.id, name: workspace.name, isDefault: workspace.isDefault,
        archived: workspace.archivedAt != nil, keys: total[workspace.id] ?? 0,
        activeKeys: active[workspace.id] ?? 0,
        costUSD: breakdown.costByWorkspace.map { Dollars($0[workspace.id] ?? .zero()) },
        noKeyCostUSD: breakdown.costWithNoKeyByWorkspace.map {
          Dollars($0[workspace.id] ?? .zero())
        },
        tokens: hasUsage ? Tokens(breakdown.tokensByWorkspace[workspace.id] ?? TokenCounts()) : nil)
    }
    // Usage in a workspace the list does not hold (the Default workspace before its id is
    // known): listed as its own row, so the workspaces still add up to the total.
    let listed = Set(list.map(\.id))
    let unlisted = Set(breakdown.tokensByWorkspace.keys).union(
      Array(breakdown.costByWorkspace?.keys ?? [:].keys)
    )
    .subtracting(listed)
    for id in unlisted.sorted() {
      result.append(
        WorkspaceFacts(
          id: id, name: id == MonthBreakdown.defaultWorkspaceKey ? "Default" : id,
          isDefault: id == MonthBreakdown.defaultWorkspaceKey, archived: false, keys: 0,
          activeKeys: 0, costUSD: breakdown.costByWorkspace.map { Dollars($0[id] ?? .zero()) },
          noKeyCostUSD: breakdown.costWithNoKeyByWorkspace.map { Dollars($0[id] ?? .zero()) },
          tokens: hasUsage ? Tokens(breakdown.tokensByWorkspace[id] ?? TokenCounts()) : nil))
    }
    return result
  }

  /// Every member, with the keys they created and those keys' month-to-date cost.
  static func members(state: DashboardState, keys: [Key]?, perKeyCost: Bool) -> [MemberFacts]? {
    guard let list = state.members.value else { return nil }
    var count: [String: Int] = [:]
    var active: [String: Int] = [:]
    var cost: [String: Decimal] = [:]
    let costKnown = perKeyCost && keys != nil
    for key in keys ?? [] {
      guard let creator = key.createdBy, creator.type == "user" else { continue }
      count[creator.id, default: 0] += 1
      if key.status == "active" { active[creator.id, default: 0] += 1 }
      if let amount = key.costUSD?.amount { cost[creator.id, default: 0] += amount }
    }
    return list.map { member in
      MemberFacts(
        id: member.id, email: member.email, name: member.name, role: member.role.wire,
        keys: count[member.id] ?? 0, activeKeys: active[member.id] ?? 0,
        costUSD: costKnown ? Dollars(cost[member.id] ?? 0) : nil)
    }
  }

  /// Every rate-limit group with each limiter's value, and the last hour's peak against it.
  static func rateLimits(state: DashboardState, figures: DashboardFigures) -> [RateLimit]? {
    guard let groups = state.rateLimits.value else { return nil }
    let peaks = Dictionary(
      figures.headroom.map { ($0.groupName, $0) }, uniquingKeysWith: { first, _ in first })
    return groups.map { group in
      let peak = peaks[group.displayName ?? group.groupID]
      return RateLimit(
        groupType: group.groupType, groupID: group.groupID, name: group.displayName,
        models: group.models,
        limits: group.limits.map { limit in
          let measured: Int? =
            switch limit.type {
            case "input_tokens_per_minute": peak?.peakInput
            case "output_tokens_per_minute": peak?.peakOutput
            case "requests_per_minute": peak?.peakRequests
            default: nil
            }
          let headroom: Double? =
            switch limit.type {
            case "input_tokens_per_minute": peak?.input
            case "output_tokens_per_minute": peak?.output
            case "requests_per_minute": peak?.requests
            default: nil
            }
          return Limiter(
            type: limit.type, value: limit.value, peakLastHour: measured, headroom: headroom)
        })
    }
  }

  /// The usage with no key, per workspace and model, tokens and (analytics) cost.
  static func noKeyUsage(state: DashboardState, breakdown: MonthBreakdown) -> [NoKeyUsage]? {
    guard state.monthUsage.value != nil || state.monthCost.value != nil else { return nil }
    let tokens = breakdown.tokensWithNoKeyByWorkspaceAndModel
    let cost = breakdown.costWithNoKeyByWorkspaceAndModel
    var pairs = Set<[String]>()
    for (workspace, models) in tokens {
      for model in models.keys { pairs.insert([workspace, model]) }
    }
    for (workspace, models) in cost ?? [:] {
      for model in models.keys { pairs.insert([workspace, model]) }
    }
    let hasUsage = state.monthUsage.value != nil
    return pairs.sorted { $0.lexicographicallyPrecedes($1) }.map { pair in
      let (workspace, model) = (pair[0], pair[1])
      return NoKeyUsage(
        workspaceID: workspace,
        workspaceName: workspace == MonthBreakdown.defaultWorkspaceKey
          ? "Default" : state.workspaceName(for: workspace),
        model: model, costUSD: cost.map { Dollars($0[workspace]?[model] ?? .zero()) },
        tokens: hasUsage ? Tokens(tokens[workspace]?[model] ?? TokenCounts()) : nil)
    }
  }
}
