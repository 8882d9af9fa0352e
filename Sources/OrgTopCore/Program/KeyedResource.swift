import Foundation

/// The one description of a resource kept per key (a ``KeyedSlot``): where its values live in
/// the state (a dictionary of ``Loadable`` by key), which keys the screen wants now, the
/// request for a key and how long a value stays fresh. Like ``Resource``, the value's type is
/// known only to the initialiser, which turns the typed dictionary into closures.
package final class KeyedResource: Sendable {
  /// Which of the ``RefreshPolicy``'s periods says how long a key's value stays fresh.
  package let period: RefreshPolicy.Period
  private let wantedKeys: @Sendable (DashboardState, Deriver) -> [String]
  private let makeRequest: @Sendable (String) -> DataRequest
  private let readKeys: @Sendable (DashboardState) -> [String]
  private let readStatus: @Sendable (DashboardState, String) -> SlotStatus
  private let writeStatus: @Sendable (inout DashboardState, String, SlotStatus) -> Void
  private let storeResponse: @Sendable (DataResponse, String, inout DashboardState) -> Bool

  /// Describes a resource kept in the dictionary `slot` (read by `read`, the same property).
  /// - Parameters:
  ///   - wanted: the keys the screen needs now, most wanted first (none when its view is not
  ///     shown: nothing is fetched for a screen nobody looks at).
  ///   - request: the request for one key.
  ///   - keep: the value kept from a response, `nil` when it is not this resource's kind.
  package init<Value: Hashable & Sendable>(
    _ slot: WritableKeyPath<DashboardState, [String: Loadable<Value>]> & Sendable,
    read: @escaping @Sendable (DashboardState) -> [String: Loadable<Value>],
    period: RefreshPolicy.Period,
    wanted: @escaping @Sendable (DashboardState, Deriver) -> [String],
    request: @escaping @Sendable (String) -> DataRequest,
    keep: @escaping @Sendable (DataResponse) -> Value? = { $0.payload(as: Value.self) }
  ) {
    self.period = period
    wantedKeys = wanted
    makeRequest = request
    readKeys = { Array(read($0).keys) }
    readStatus = { state, key in read(state)[key]?.status ?? SlotStatus() }
    writeStatus = { state, key, status in
      state[keyPath: slot][key, default: Loadable()].status = status
    }
    storeResponse = { response, key, state in
      guard let value = keep(response) else { return false }
      state[keyPath: slot][key, default: Loadable()].value = value
      return true
    }
  }

  /// The keys the screen needs now, most wanted first.
  package func wanted(in state: DashboardState, deriver: Deriver) -> [String] {
    wantedKeys(state, deriver)
  }

  /// The request for one key.
  package func request(for key: String) -> DataRequest { makeRequest(key) }

  /// Every key that has a value or bookkeeping.
  package func keys(in state: DashboardState) -> [String] { readKeys(state) }

  /// A key's bookkeeping (a fresh one, due now, for a key never asked).
  package func status(of key: String, in state: DashboardState) -> SlotStatus {
    readStatus(state, key)
  }

  package func setStatus(_ status: SlotStatus, of key: String, in state: inout DashboardState) {
    writeStatus(&state, key, status)
  }

  /// Stores a response for a key; `false` when the response is not this resource's kind.
  package func store(_ response: DataResponse, for key: String, in state: inout DashboardState)
    -> Bool
  {
    storeResponse(response, key, &state)
  }
}
