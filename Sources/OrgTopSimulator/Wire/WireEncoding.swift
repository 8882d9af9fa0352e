/// The wire shapes of the Admin API objects (SDK 2.10.0), with exactly the documented keys:
/// nullable keys always present, `null` when empty, and nothing extra.
package enum WireEncoding {
  package static func time(_ micros: Int64) -> JSONValue {
    .string(WireTime.format(micros: micros))
  }

  package static func organization(_ organization: SimWorld.Organization) -> JSONValue {
    .object([
      ("id", .string(organization.id)), ("name", .string(organization.name)),
      ("type", .string("organization")),
    ])
  }

  package static func apiKey(_ key: SimWorld.Key, now: Int64) -> JSONValue {
    let createdBy: JSONValue =
      key.createdBy.map { actor in
        .object([
          ("id", .string(actor.id)),
          ("type", .string(actor.isServiceAccount ? "service_account" : "user")),
        ])
      } ?? .null
    let principal: JSONValue =
      key.principal.map { actor in
        actor.isServiceAccount
          ? .object([
            ("type", .string("service_account_actor")), ("service_account_id", .string(actor.id)),
          ])
          : .object([("type", .string("user_actor")), ("user_id", .string(actor.id))])
      } ?? .null
    let scope: JSONValue =
      key.workspaceID.map {
        .object([("type", .string("workspace")), ("workspace_id", .string($0))])
      }
      ?? .object([("type", .string("organization"))])
    return .object([
      ("id", .string(key.id)), ("type", .string("api_key")), ("name", .string(key.name)),
      ("status", .string(key.status(at: now))), ("created_at", time(key.createdAt)),
      ("created_by", createdBy), ("expires_at", key.expiresAt.map(time) ?? .null),
      ("partial_key_hint", .optional(key.partialKeyHint)), ("principal", principal),
      ("scope", scope),
    ])
  }

  package static func user(_ user: SimWorld.User) -> JSONValue {
    .object([
      ("id", .string(user.id)), ("type", .string("user")), ("email", .string(user.email)),
      ("name", .string(user.name)), ("role", .string(user.role)), ("added_at", time(user.addedAt)),
    ])
  }

  package static func invite(_ invite: SimWorld.Invite, now: Int64) -> JSONValue {
    .object([
      ("id", .string(invite.id)), ("type", .string("invite")), ("email", .string(invite.email)),
      ("role", .string(invite.role)), ("status", .string(inviteStatus(invite, now: now))),
      ("invited_at", time(invite.invitedAt)), ("expires_at", time(invite.expiresAt)),
      ("accepted_at", invite.acceptedAt.map(time) ?? .null), ("rbac_group_ids", .array([])),
    ])
  }

  /// A pending invite past its expiry reads `expired`.
  package static func inviteStatus(_ invite: SimWorld.Invite, now: Int64) -> String {
    invite.status == "pending" && invite.expiresAt <= now ? "expired" : invite.status
  }

  package static func workspace(_ workspace: SimWorld.Workspace) -> JSONValue {
    .object([
      ("id", .string(workspace.id)), ("type", .string("workspace")),
      ("name", .string(workspace.name)), ("created_at", time(workspace.createdAt)),
      ("archived_at", workspace.archivedAt.map(time) ?? .null),
      ("display_color", .string(workspace.displayColor)),
      ("compartment_id", .string(workspace.compartmentID)), ("external_key_id", .null),
      (
        "data_residency",
        .object([
          ("workspace_geo", .string("us")),
          ("default_inference_geo", .string(workspace.defaultInferenceGeo)),
          (
            "allowed_inference_geos",
            workspace.allowedInferenceGeos.map { .array($0.map(JSONValue.string)) }
              ?? .string("unrestricted")
          ),
        ])
      ),
      ("tags", .object(workspace.tags.map { ($0.0, .string($0.1)) })),
      ("user_profile_id", .null),
    ])
  }

  package static func member(_ membership: SimWorld.Membership, workspaceID: String) -> JSONValue {
    .object([
      ("type", .string("workspace_member")), ("user_id", .string(membership.userID)),
      ("workspace_id", .string(workspaceID)), ("workspace_role", .string(membership.role)),
    ])
  }

  package static func group(_ limit: SimWorld.RateLimit) -> JSONValue {
    var members: [(String, JSONValue)] = [("type", .string(limit.groupType))]
    members.append(("id", .string(limit.groupID)))
    if let name = limit.displayName { members.append(("display_name", .string(name))) }
    return .object(members)
  }

  package static func models(_ limit: SimWorld.RateLimit) -> JSONValue {
    limit.models.map { .array($0.map(JSONValue.string)) } ?? .null
  }

  package static func rateLimit(_ limit: SimWorld.RateLimit) -> JSONValue {
    .object([
      ("id", .string(limit.id)), ("type", .string("rate_limit")), ("group", group(limit)),
      ("models", models(limit)),
      (
        "limits",
        .array(
          limit.limits.map { .object([("type", .string($0.type)), ("value", .int($0.value))]) })
      ),
    ])
  }

  package static func spendLimit(_ limit: SimWorld.SpendLimit) -> JSONValue {
    var scope: [(String, JSONValue)] = [("type", .string(limit.scopeType))]
    if let workspaceID = limit.workspaceID { scope.append(("workspace_id", .string(workspaceID))) }
    return .object([
      ("id", .string(limit.id)), ("type", .string("spend_limit")),
      ("amount", limit.amountCents.map { .string(String($0)) } ?? .null),
      ("currency", .string("USD")), ("is_enabled", .bool(limit.isEnabled)),
      ("period", .string(limit.period)), ("scope", .object(scope)),
      ("created_at", time(limit.createdAt)), ("updated_at", time(limit.updatedAt)),
    ])
  }
}
