import Foundation

/// The one description of a data resource: where its value lives in the state, how long a
/// successful fetch stays fresh, which request fills it at an instant, and the few facts the
/// scheduler needs about it. The generic code (scheduler, store, status, refresh periods) reads
/// these instead of switching on ``DataSlot``; the catalog is `DataSlot.resource`.
package struct Resource<Value: Hashable & Sendable>: AnyResource {
  /// The slot in the state that holds the last good value and its fetch bookkeeping.
  package let slot: WritableKeyPath<DashboardState, Loadable<Value>> & Sendable
  /// The refresh period, as a field of the ``RefreshPolicy`` (so settings can change it).
  package let period: KeyPath<RefreshPolicy, TimeInterval> & Sendable
  private let makeRequest: @Sendable (Date) -> DataRequest
  /// The value kept from a response, `nil` when the response is not this resource's kind.
  private let keep: @Sendable (DataResponse) -> Value?
  /// For a report whose window starts at the month's start: the start of a kept value's window.
  private let windowStart: (@Sendable (Value) -> Date)?
  package let unreadableWhen: Set<FetchFailure.Kind>

  /// A resource kept as the data source returns it.
  package init(
    _ slot: WritableKeyPath<DashboardState, Loadable<Value>> & Sendable,
    period: KeyPath<RefreshPolicy, TimeInterval> & Sendable,
    request: @escaping @Sendable (Date) -> DataRequest,
    unreadableWhen: Set<FetchFailure.Kind> = []
  ) {
    self.init(
      slot, period: period, request: request, keep: { $0.payload(as: Value.self) },
      windowStart: nil, unreadableWhen: unreadableWhen)
  }

  /// A resource that keeps something derived from the response (e.g. a summary instead of a
  /// whole report), and, for a month-to-date report, the start of a kept value's window.
  package init(
    _ slot: WritableKeyPath<DashboardState, Loadable<Value>> & Sendable,
    period: KeyPath<RefreshPolicy, TimeInterval> & Sendable,
    request: @escaping @Sendable (Date) -> DataRequest,
    keep: @escaping @Sendable (DataResponse) -> Value?,
    windowStart: (@Sendable (Value) -> Date)? = nil,
    unreadableWhen: Set<FetchFailure.Kind> = []
  ) {
    self.slot = slot
    self.period = period
    self.makeRequest = request
    self.keep = keep
    self.windowStart = windowStart
    self.unreadableWhen = unreadableWhen
  }

  package var isMonthToDate: Bool { windowStart != nil }

  package func request(at now: Date) -> DataRequest { makeRequest(now) }

  package func status(in state: DashboardState) -> SlotStatus { state[keyPath: slot].status }

  package func setStatus(_ status: SlotStatus, in state: inout DashboardState) {
    state[keyPath: slot].status = status
  }

  package func hasValue(in state: DashboardState) -> Bool { state[keyPath: slot].value != nil }

  package func store(_ response: DataResponse, in state: inout DashboardState) -> Bool {
    guard let value = keep(response) else { return false }
    state[keyPath: slot].value = value
    return true
  }

  package func dropValue(before monthStart: Date, in state: inout DashboardState) {
    guard let windowStart, let value = state[keyPath: slot].value, windowStart(value) < monthStart
    else { return }
    state[keyPath: slot].value = nil
    state[keyPath: slot].status.nextAttempt = nil
  }
}

/// A ``Resource`` with its value type erased, so the scheduler can go through every slot.
package protocol AnyResource: Sendable {
  /// The refresh period, as a field of the ``RefreshPolicy``.
  var period: KeyPath<RefreshPolicy, TimeInterval> & Sendable { get }
  /// The failure kinds that mean the organization cannot read this resource at all (not asked
  /// again this session) rather than a failure to back off from.
  var unreadableWhen: Set<FetchFailure.Kind> { get }
  /// Whether the report window starts at the month's start: such a slot waits out the first
  /// minute of a month (an empty range is a 400) and is dropped and refetched when it turns.
  var isMonthToDate: Bool { get }
  /// The request that fills the slot at `now`.
  func request(at now: Date) -> DataRequest
  func status(in state: DashboardState) -> SlotStatus
  func setStatus(_ status: SlotStatus, in state: inout DashboardState)
  /// Whether the slot holds a value (fresh or stale).
  func hasValue(in state: DashboardState) -> Bool
  /// Stores a response in the slot; `false` when the response is not this resource's kind.
  func store(_ response: DataResponse, in state: inout DashboardState) -> Bool
  /// Drops a month-to-date value whose window began before `monthStart` and makes the slot due.
  func dropValue(before monthStart: Date, in state: inout DashboardState)
}
