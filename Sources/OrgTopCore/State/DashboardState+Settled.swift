extension SlotStatus {
  /// Whether the slot's first answer is in: it loaded, failed (and may retry later), or the
  /// organization cannot read it; and no fetch is in flight.
  package var hasSettled: Bool {
    !isInFlight && (fetchedAt != nil || lastFailure != nil || isUnsupported || isBlocked)
  }
}

extension DashboardState {
  /// Whether every data slot has settled: what a one-shot command waits for before it reports.
  package var hasSettled: Bool {
    DataSlot.allCases.allSatisfy { self[status: $0].hasSettled }
  }

  /// Whether any data slot is waiting for the data source's answer.
  package var isFetching: Bool {
    DataSlot.allCases.contains { self[status: $0].isInFlight }
  }

  /// The slots that failed on their last attempt (or cannot be read), in ``DataSlot`` order.
  package var failedSlots: [DataSlot] {
    DataSlot.allCases.filter { self[status: $0].lastFailure != nil }
  }
}
