/// One call to the ``OrgDataSource``, as a value the reducer can return in an effect.
package enum DataRequest: Hashable, Sendable {
  case organization
  case apiKeys
  case workspaces
  case members
  case invites
  case rateLimits
  case spendLimits
  case usage(ReportQuery)
  case cost(ReportQuery)
  /// One workspace's members (a ``KeyedSlot``, docs/admin-api.md §10).
  case workspaceMembers(workspaceID: String)
  /// One workspace's rate limits, inherited values included (a ``KeyedSlot``, §11.2).
  case workspaceRateLimits(workspaceID: String)
}

/// What a ``DataRequest`` returned.
package enum DataResponse: Hashable, Sendable {
  case organization(Organization)
  case apiKeys([APIKey])
  case workspaces([Workspace])
  case members([Member])
  case invites([Invite])
  case rateLimits([RateLimitGroup])
  case spendLimits([SpendLimit])
  case usage(UsageReport)
  case cost(CostReport)
  case workspaceMembers([WorkspaceMember])
  case workspaceRateLimits([WorkspaceRateLimit])

  /// The value carried, when it is exactly of type `Value` (a ``Resource`` takes its value
  /// this way). Exactly: a cast would let an empty `[Member]` pass for an empty `[APIKey]`.
  package func payload<Value>(as type: Value.Type) -> Value? {
    switch self {
    case .organization(let value): Self.exactly(value, as: type)
    case .apiKeys(let value): Self.exactly(value, as: type)
    case .workspaces(let value): Self.exactly(value, as: type)
    case .members(let value): Self.exactly(value, as: type)
    case .invites(let value): Self.exactly(value, as: type)
    case .rateLimits(let value): Self.exactly(value, as: type)
    case .spendLimits(let value): Self.exactly(value, as: type)
    case .usage(let value): Self.exactly(value, as: type)
    case .cost(let value): Self.exactly(value, as: type)
    case .workspaceMembers(let value): Self.exactly(value, as: type)
    case .workspaceRateLimits(let value): Self.exactly(value, as: type)
    }
  }

  private static func exactly<Carried, Value>(_ value: Carried, as: Value.Type) -> Value? {
    guard ObjectIdentifier(Carried.self) == ObjectIdentifier(Value.self) else { return nil }
    return value as? Value
  }
}

extension OrgDataSource {
  /// Performs one request; any error that is not already a ``FetchFailure`` (a contract breach
  /// by the adapter) is reported as a malformed response rather than lost.
  package func perform(_ request: DataRequest) async -> Result<DataResponse, FetchFailure> {
    do {
      switch request {
      case .organization: return .success(.organization(try await organization()))
      case .apiKeys: return .success(.apiKeys(try await apiKeys()))
      case .workspaces: return .success(.workspaces(try await workspaces()))
      case .members: return .success(.members(try await members()))
      case .invites: return .success(.invites(try await invites()))
      case .rateLimits: return .success(.rateLimits(try await rateLimits()))
      case .spendLimits: return .success(.spendLimits(try await spendLimits()))
      case .usage(let query): return .success(.usage(try await usage(query)))
      case .cost(let query): return .success(.cost(try await cost(query)))
      case .workspaceMembers(let id):
        return .success(.workspaceMembers(try await workspaceMembers(workspaceID: id)))
      case .workspaceRateLimits(let id):
        return .success(.workspaceRateLimits(try await workspaceRateLimits(workspaceID: id)))
      }
    } catch let failure as FetchFailure {
      return .failure(failure)
    } catch is CancellationError {
      return .failure(FetchFailure(kind: .cancelled, message: "Cancelled", remedy: ""))
    } catch {
      return .failure(
        FetchFailure(
          kind: .malformedResponse, message: "Unexpected error from \(label)",
          remedy: "Press r to retry; report a bug if it persists"))
    }
  }
}
