import Foundation

/// The one description of a data resource: where its value lives in the state, how long a
/// successful fetch stays fresh, which request fills it at an instant, and the few facts the
/// scheduler needs about it. The generic code (scheduler, store, status, refresh periods) reads
/// these instead of switching on ``DataSlot``; the catalog is `DataSlot.resource`.
///
/// The value's type is known only to the initialiser: it turns the typed slot into closures
/// over the state, and the catalog gives the slot twice, as a key path (for writes) and as a
/// closure (for reads): a key path read of a property with observers (`DashboardState` had
/// `didSet`s that derived its rows) copied the whole state, and a frame reads every slot's
/// status several times.
/// Measured with `scripts/measure-tick.sh` (idle tick, 10,000 keys): 0.805 M instructions with
/// the `switch`es this replaced, 1.56 M with key path reads, 0.816 M with these closures.
package final class Resource: Sendable {
  /// Which of the ``RefreshPolicy``'s periods says how long a fetch stays fresh.
  package let period: RefreshPolicy.Period
  /// The failure kinds that mean the organization cannot read this resource at all (not asked
  /// again this session) rather than a failure to back off from.
  package let unreadableWhen: Set<FetchFailure.Kind>
  /// Whether the report window starts at the month's start: such a slot waits out the first
  /// minute of a month (an empty range is a 400) and is dropped and refetched when it turns.
  package let isMonthToDate: Bool
  private let makeRequest: @Sendable (Date, DashboardState) -> DataRequest
  private let readStatus: @Sendable (DashboardState) -> SlotStatus
  private let writeStatus: @Sendable (inout DashboardState, SlotStatus) -> Void
  private let readHasValue: @Sendable (DashboardState) -> Bool
  private let storeResponse: @Sendable (DataResponse, inout DashboardState) -> Bool
  private let dropOld: @Sendable (Date, inout DashboardState) -> Void

  /// Describes a resource kept in `slot` (read by `read`, the same property).
  /// - Parameters:
  ///   - period: which of the ``RefreshPolicy``'s periods says how long a fetch stays fresh.
  ///   - request: the request that fills the slot at an instant.
  ///   - keep: the value kept from a response, `nil` when the response is not this resource's
  ///     kind; by default the response's value itself.
  ///   - windowStart: for a report whose window starts at the month's start, the start of a
  ///     kept value's window (to drop last month's value when the month turns).
  ///   - unreadableWhen: see ``unreadableWhen``.
  ///   - update: for a resource fetched in part once it holds a value, the request at an
  ///     instant given the held value, and how an answer is folded into the held value.
  package init<Value: Hashable & Sendable>(
    _ slot: WritableKeyPath<DashboardState, Loadable<Value>> & Sendable,
    read: @escaping @Sendable (DashboardState) -> Loadable<Value>,
    period: RefreshPolicy.Period,
    request: @escaping @Sendable (Date) -> DataRequest,
    keep: @escaping @Sendable (DataResponse) -> Value? = { $0.payload(as: Value.self) },
    windowStart: (@Sendable (Value) -> Date)? = nil,
    unreadableWhen: Set<FetchFailure.Kind> = [],
    update: ResourceUpdate<Value>? = nil
  ) {
    self.period = period
    self.unreadableWhen = unreadableWhen
    isMonthToDate = windowStart != nil
    makeRequest = { now, state in
      guard let update, let held = read(state).value else { return request(now) }
      return update.request(now, held)
    }
    readStatus = { read($0).status }
    writeStatus = { state, status in state[keyPath: slot].status = status }
    readHasValue = { read($0).value != nil }
    storeResponse = { response, state in
      guard let value = keep(response) else { return false }
      if let update, let held = read(state).value {
        state[keyPath: slot].value = update.merge(held, value)
      } else {
        state[keyPath: slot].value = value
      }
      return true
    }
    dropOld = { monthStart, state in
      guard let windowStart, let value = read(state).value, windowStart(value) < monthStart
      else { return }
      state[keyPath: slot].value = nil
      state[keyPath: slot].status.nextAttempt = nil
    }
  }

  /// The request that fills the slot at `now`: the whole value, or for a resource fetched in
  /// part, only what may have changed since the value `state` holds.
  package func request(at now: Date, in state: DashboardState) -> DataRequest {
    makeRequest(now, state)
  }

  package func status(in state: DashboardState) -> SlotStatus { readStatus(state) }

  package func setStatus(_ status: SlotStatus, in state: inout DashboardState) {
    writeStatus(&state, status)
  }

  /// Whether the slot holds a value (fresh or stale).
  package func hasValue(in state: DashboardState) -> Bool { readHasValue(state) }

  /// Stores a response in the slot; `false` when the response is not this resource's kind.
  package func store(_ response: DataResponse, in state: inout DashboardState) -> Bool {
    storeResponse(response, &state)
  }

  /// Drops a month-to-date value whose window began before `monthStart` and makes the slot due.
  package func dropValue(before monthStart: Date, in state: inout DashboardState) {
    dropOld(monthStart, &state)
  }
}

/// How a resource is fetched in part once it holds a value: `request` asks for what may have
/// changed since the held value, and `merge` folds the answer into it. The merged value must be
/// what a whole fetch at the same instant would have answered (the tests compare the two).
package struct ResourceUpdate<Value: Sendable>: Sendable {
  /// The request at an instant, given the held value.
  package var request: @Sendable (Date, Value) -> DataRequest
  /// The held value brought up to date by an answer to `request`.
  package var merge: @Sendable (_ held: Value, _ answer: Value) -> Value

  package init(
    request: @escaping @Sendable (Date, Value) -> DataRequest,
    merge: @escaping @Sendable (_ held: Value, _ answer: Value) -> Value
  ) {
    self.request = request
    self.merge = merge
  }
}
