import Foundation

/// Something that happened, fed to the reducer. Named in the past tense; every action that
/// depends on time carries the instant, so the reducer reads no clock.
package enum Action: Sendable {
  /// The program started; the first frame is about to be drawn.
  case started(at: Date)
  case keyPressed(KeyPress, at: Date)
  /// The terminal changed size; `pageSizes` is how many rows each list pane shows (the page
  /// size for PgUp/PgDn and the scroll window), computed by the UI's layout.
  case layoutChanged(size: TerminalSize, pageSizes: PageSizes)
  /// A wake-up the reducer asked for (``Effect/wake(at:)``) came due. The screen's clock does
  /// not come through here: redrawing the passing seconds is the host's.
  case clockTicked(Date)
  case fetchCompleted(DataSlot, Result<DataResponse, FetchFailure>, at: Date)
  /// A fetch of one key of a ``KeyedSlot`` (``Effect/fetchKeyed(_:key:_:)``) answered.
  case keyedFetchCompleted(KeyedSlot, key: String, Result<DataResponse, FetchFailure>, at: Date)
  /// The API answered a key write (``Effect/updateKey(_:)``): the updated key, or why not.
  case keyUpdateCompleted(KeyUpdate, Result<APIKey, FetchFailure>, at: Date)
  /// The host could not open the profile asked for (``Effect/switchProfile(_:)``).
  case profileSwitchFailed(String, reason: String)
  /// SIGINT, SIGTERM or SIGHUP: leave now.
  case terminationRequested
}

/// Something the reducer asks the world to do; the program loop carries it out.
package enum Effect: Hashable, Sendable {
  /// Call the data source and feed the result back as ``Action/fetchCompleted(_:_:at:)``.
  case fetch(DataSlot, DataRequest)
  /// Call the data source for one key of a keyed resource (one workspace's members) and feed
  /// the result back as ``Action/keyedFetchCompleted(_:key:_:at:)``.
  case fetchKeyed(KeyedSlot, key: String, DataRequest)
  /// Send ``Action/clockTicked(_:)`` at (or just after) this instant. The loop keeps one timer,
  /// at the earliest pending instant: the idle program sleeps between wake-ups, never polls.
  case wake(at: Date)
  /// Send this one write to the data source (never retried) and feed the answer back as
  /// ``Action/keyUpdateCompleted(_:_:at:)``. Never returned in read-only mode.
  case updateKey(KeyUpdate)
  /// Restore the terminal and exit.
  case quit
  /// Month-to-date spend crossed a threshold: ring the bell if the user asked for it.
  case alert(ThresholdAlert)
  /// Read the named profile's organization instead: the host opens its connection and starts
  /// the program afresh on it (nothing of the current organization stays on screen).
  case switchProfile(String)
}
