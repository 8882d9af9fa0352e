import Foundation

/// One member of the organization as the members view shows it (`GET /v1/organizations/users`),
/// with the keys they created and what those keys cost this month.
///
/// A figure whose data is not loaded is `nil`, never 0: no key list means no key counts, and a
/// cost report that cannot split cost by key (legacy) means no cost.
package struct MemberRow: Hashable, Sendable, Identifiable {
  package var id: String
  package var name: String
  package var email: String
  /// The organization role as the API sent it: unknown roles stay `.unknown(raw)`, shown by
  /// their wire name (`role.wire`).
  package var role: MemberRole
  /// When the member joined the organization (`added_at`).
  package var addedAt: Date
  /// Keys whose `created_by` is this user, of any status; `nil` while the keys are not loaded.
  package var keysCreated: Int?
  /// Of ``keysCreated``, those with status `active`.
  package var activeKeysCreated: Int?
  /// Month-to-date cost of the keys this user created (the cost report's per-key amounts);
  /// `nil` while the report is not loaded or when it has no per-key cost (legacy).
  package var monthCost: Money?

  package init(
    id: String, name: String, email: String, role: MemberRole, addedAt: Date,
    keysCreated: Int?, activeKeysCreated: Int?, monthCost: Money?
  ) {
    self.id = id
    self.name = name
    self.email = email
    self.role = role
    self.addedAt = addedAt
    self.keysCreated = keysCreated
    self.activeKeysCreated = activeKeysCreated
    self.monthCost = monthCost
  }
}

extension MemberRow {
  /// The rows of every member in the list's order (empty while members are not loaded), the
  /// month's cost summed from scratch.
  package static func rows(state: DashboardState) -> [MemberRow] {
    rows(
      members: state.members.value ?? [], keys: state.apiKeys.value,
      cost: Derivation.costSummary(state))
  }

  /// The rows from the facts: one pass over the keys into per-creator tallies, then one
  /// dictionary look-up per member (cheap at 10,000 keys).
  package static func rows(members: [Member], keys: [APIKey]?, cost: CostSummary?) -> [MemberRow] {
    let perKeyCost = cost.flatMap { $0.isPerKeyAvailable ? $0.byKey : nil }
    var tallies: [String: (total: Int, active: Int, cost: Money)] = [:]
    for key in keys ?? [] {
      // Only users create keys that a member row can own; a service account's keys are
      // nobody's here.
      guard let creator = key.createdBy, creator.kind == .user else { continue }
      var tally = tallies[creator.id] ?? (0, 0, .zero())
      tally.total += 1
      if key.status == .active { tally.active += 1 }
      if let amount = perKeyCost?[key.id] { tally.cost = tally.cost + amount }
      tallies[creator.id] = tally
    }
    return members.map { member in
      let tally = tallies[member.id]
      return MemberRow(
        id: member.id, name: member.name, email: member.email, role: member.role,
        addedAt: member.addedAt,
        keysCreated: keys == nil ? nil : tally?.total ?? 0,
        activeKeysCreated: keys == nil ? nil : tally?.active ?? 0,
        // A key absent from a loaded per-key report had no cost this month: zero is known.
        monthCost: keys == nil || perKeyCost == nil ? nil : tally?.cost ?? .zero())
    }
  }
}
