import Testing

/// The two per-workspace endpoints the views read on demand, as docs/admin-api.md §10 and
/// §11.2 say: overrides only by default, every group with `include_inherited=true`, and org
/// admins members of every workspace.
@Suite("Simulator: a workspace's members and rate limits")
struct WorkspaceResourceTests {
  let harness = SimulatorHarness()

  /// The organization's value of each (rate-limit entry id, limiter type).
  private func organizationValues() -> [String: Int] {
    var values: [String: Int] = [:]
    for entry in harness.get("rate_limits").json["data"].array {
      for limit in entry["limits"].array {
        values["\(entry["id"].string ?? "")/\(limit["type"].string ?? "")"] = limit["value"].int
      }
    }
    return values
  }

  @Test func inheritedListsEveryGroupAndOverridesOnlyTheirOwn() throws {
    let organization = organizationValues()
    let workspaces = harness.get("workspaces").json["data"].array
    var overridesSeen = 0
    for workspace in workspaces {
      let id = try #require(workspace["id"].string)
      let all = harness.get("workspaces/\(id)/rate_limits", "include_inherited=true").json
      // Every organization limiter, once.
      var listed: [String: Int] = [:]
      var own: Set<String> = []
      for entry in all["data"].array {
        #expect(entry["workspace_id"].string == id)
        for limit in entry["limits"].array {
          let key = "\(entry["rate_limit_id"].string ?? "")/\(limit["type"].string ?? "")"
          listed[key] = limit["value"].int
          #expect(limit["org_limit"].int == organization[key])
          switch limit["source"]["type"].string {
          case "workspace": own.insert(key)
          case "organization": #expect(limit["value"].int == organization[key])
          default: Issue.record("source.type must be workspace or organization")
          }
        }
      }
      #expect(Set(listed.keys) == Set(organization.keys))
      overridesSeen += own.count
      // Without include_inherited: exactly the workspace's own limiters, same values.
      var defaultListed: [String: Int] = [:]
      for entry in harness.get("workspaces/\(id)/rate_limits").json["data"].array {
        for limit in entry["limits"].array {
          let key = "\(entry["rate_limit_id"].string ?? "")/\(limit["type"].string ?? "")"
          defaultListed[key] = limit["value"].int
          #expect(limit["source"]["type"].string == "workspace")
        }
      }
      #expect(Set(defaultListed.keys) == own)
      for key in own { #expect(defaultListed[key] == listed[key]) }
    }
    #expect(overridesSeen > 0, "the world has overrides to show")
  }

  @Test func organizationAdminsAreAdminsOfEveryWorkspace() throws {
    let admins = Set(
      harness.walkIDPages("users", "x=1", limit: 1000).filter { $0["role"].string == "admin" }
        .compactMap { $0["id"].string })
    #expect(!admins.isEmpty)
    for workspace in harness.get("workspaces").json["data"].array {
      let id = try #require(workspace["id"].string)
      let members = harness.walkIDPages("workspaces/\(id)/members", "x=1", limit: 1000)
      let asAdmin = Set(
        members.filter { $0["workspace_role"].string == "workspace_admin" }
          .compactMap { $0["user_id"].string })
      #expect(admins.isSubset(of: asAdmin))
    }
  }
}
