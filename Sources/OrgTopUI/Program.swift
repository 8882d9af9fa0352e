import Foundation
import OrgTopCore
import OrgTopRuntime

/// The dashboard's program loop: the one place where events become actions, actions go through
/// the reducer, effects are carried out, and frames are drawn.
///
/// Pure of curses: it talks to a ``TerminalBackend`` (ncurses in the app, a grid recorder in
/// tests) and runs on the headless ``Runtime`` (reducer, effects, clock, data source). Terminal
/// events arrive through ``send(_:)``; everything that has arrived is processed as one batch
/// and drawn once. Between events and wake-ups nothing runs: the loop waits on its inbox.
@MainActor
package final class Program<Backend: TerminalBackend, Source: OrgDataSource, Clock: WallClock> {
  private let backend: Backend
  /// The reducer, the effects, the clock and the data source.
  private let runtime: Runtime<Source, Clock, ProgramInput<Source>>
  /// Opens another profile when the user picks one; `nil` when there are no profiles.
  private let switcher: ProfileSwitcher<Source>?
  /// Told of every threshold alert (the configuration's `on_threshold` command).
  private let onAlert: AlertHandler?
  /// Told when answers have come in and no data slot is waiting for one any more (the host
  /// hands the freed heap back then).
  private let onFetchesDone: (@MainActor () -> Void)?
  private var exit: ProgramExit?
  private var size: TerminalSize
  /// Derives view models, reusing what only the state determines between ticks; it derives
  /// through the runtime's ``Deriver``, so the rows are held once.
  private var projector: DashboardProjector
  /// The last frame drawn and the view model it shows, to redraw only what changed.
  private var lastFrame: (model: DashboardViewModel, frame: DrawnFrame)?
  /// Set when the backend must be handed a frame even if nothing changed (it repaints).
  private var forceDraw = true
  /// The screen's clock: a repeating wake-up on the whole second while the clock is shown
  /// (else every 10 s, for the coarse status texts), separate from the reducer's wake-ups.
  private var clockTicks: (interval: TimeInterval, wake: ScheduledWake)?
  /// The coming ticks that move the clock alone, planned at the last tick drawn in full;
  /// any other render ends the plan.
  private var steadyTicks: SteadyTicks?
  /// How many ticks drew the clock alone, as planned (tests read it).
  package private(set) var clockOnlyTicks = 0

  /// Creates a loop over `state` (usually a fresh `DashboardState(configuration:)`).
  package init(
    backend: Backend, source: Source, clock: Clock, state: DashboardState,
    switcher: ProfileSwitcher<Source>? = nil, onAlert: AlertHandler? = nil,
    onFetchesDone: (@MainActor () -> Void)? = nil
  ) {
    self.backend = backend
    let runtime = Runtime<Source, Clock, ProgramInput<Source>>(
      source: source, clock: clock, state: state)
    self.runtime = runtime
    projector = DashboardProjector(deriver: runtime.deriver)
    self.switcher = switcher
    self.onAlert = onAlert
    self.onFetchesDone = onFetchesDone
    self.size = backend.size
  }

  /// The reducer's state; read-only outside (tests inspect it).
  package var state: DashboardState { runtime.state }

  /// Delivers terminal events (one batch, e.g. every key read in one drain); callable from any
  /// thread.
  nonisolated package func send(_ events: [TerminalEvent]) {
    runtime.send(events.map { .terminal($0) })
  }

  /// Returns once the loop waits with nothing queued and no fetch in flight (for tests).
  nonisolated package func waitUntilIdle() async {
    await runtime.waitUntilIdle()
  }

  /// Runs until the reducer asks to quit, a termination signal arrives, or input closes.
  package func run() async -> ProgramExit {
    size = backend.size
    runtime.apply(.started(at: runtime.clock.now))
    runtime.apply(
      .layoutChanged(size: size, pageSizes: Screen.pageSizes(for: size, state: runtime.state)))
    startClockTicks()
    defer { clockTicks?.wake.cancel() }
    var holdsFrame = false
    while exit == nil {
      if !holdsFrame { render() }
      var answered = false
      var onlyDataEvents = true
      for event in await runtime.next() {
        answered = answered || event.isAnswer
        onlyDataEvents = onlyDataEvents && (event.isAnswer || event.isWakeUp)
        if let input = runtime.process(event) { handle(input) }
        if exit == nil, runtime.quitRequested { exit = .quit }
        if exit != nil { break }
      }
      // A refresh's wake-up and its answers arrive milliseconds apart, and each would derive
      // the whole screen again (the wake-up's frame would only flash "refreshing"): draw once
      // the last answer is in. A key, a resize or the clock's next tick draws what has come,
      // so a fetch that hangs holds the rest back for one tick at most (a second; ten when
      // the clock is hidden).
      holdsFrame = onlyDataEvents && runtime.state.isFetching
      if answered, !runtime.state.isFetching { onFetchesDone?() }
      if let profile = runtime.takeProfileRequest() { open(profile) }
      announceAlerts()
    }
    runtime.stop()
    return exit ?? .quit
  }

  private func handle(_ input: ProgramInput<Source>) {
    switch input {
    case .terminal(let event):
      handle(event)
    case .profileOpened(let source, let configuration):
      runtime.restart(source: source, state: DashboardState(configuration: configuration))
      runtime.apply(
        .layoutChanged(size: size, pageSizes: Screen.pageSizes(for: size, state: runtime.state)))
      startClockTicks()
      forceDraw = true
    case .profileFailed(let profile, let reason):
      apply(.profileSwitchFailed(profile, reason: reason))
    }
  }

  /// Asks the host to open `profile`; the answer comes back through the inbox.
  private func open(_ profile: String) {
    guard let switcher else { return }
    let leaving = runtime.state
    let runtime = runtime
    Task.detached {
      switch await switcher(profile, leaving) {
      case .success(let (source, configuration)):
        runtime.send([.profileOpened(source, configuration)])
      case .failure(let error):
        runtime.send([.profileFailed(profile, reason: error.reason)])
      }
    }
  }

  /// Arms the screen's clock for the state's configuration, unless it already runs so.
  private func startClockTicks() {
    let interval: TimeInterval = runtime.state.configuration.showsClock ? 1 : 10
    guard clockTicks?.interval != interval else { return }
    clockTicks?.wake.cancel()
    let wake = runtime.clock.repeating(every: interval) { [weak self] in self?.tick() }
    clockTicks = (interval, wake)
  }

  /// The screen's clock ticked: what it shows of the passing time (the clock, ages,
  /// countdowns) moves on, drawn right here in the timer's handler, between two batches of
  /// the loop. The reducer is not involved, so nothing goes through the inbox: posting would
  /// wake the loop's task on another thread first, to come back here.
  ///
  /// A tick draws the state at the whole second (or ten) it is for, the instant the plan of
  /// steady ticks (``SteadyTicks``) was projected at: a planned tick draws the clock's cells
  /// alone; any other draws in full and plans the ticks after it.
  private func tick() {
    guard exit == nil, let interval = clockTicks?.interval else { return }
    let instant = UTCCalendar.floor(runtime.clock.now, to: Int(interval))
    if moveClock(at: instant) { return }
    render(at: instant)
    guard let shown = lastFrame?.model else { return }
    steadyTicks = SteadyTicks.plan(
      after: instant, every: interval, shown: shown, state: runtime.state,
      revision: runtime.revision, projector: &projector)
  }

  /// Draws the tick of `instant` as its clock alone, when it is planned for the state as it
  /// still is and the frame on the screen is the one it was planned from; `false` otherwise.
  private func moveClock(at instant: Date) -> Bool {
    guard !forceDraw, steadyTicks?.revision == runtime.revision,
      let clock = steadyTicks?.clock(at: instant), var shown = lastFrame.take()
    else { return false }
    guard shown.frame.grid.size == size,
      shown.frame.grid.glyphs == backend.renderOptions.glyphs,
      Screen.moveClock(&shown.frame, to: clock)
    else {
      lastFrame = shown
      return false
    }
    shown.model.header.clock = clock
    backend.draw(shown.frame.grid, changedRows: shown.frame.changedRows)
    lastFrame = shown
    clockOnlyTicks += 1
    return true
  }

  private func handle(_ event: TerminalEvent) {
    switch event {
    case .key(let key):
      apply(.keyPressed(key, at: runtime.clock.now))
    case .resized(let newSize):
      size = newSize
      forceDraw = true
      apply(
        .layoutChanged(
          size: newSize, pageSizes: Screen.pageSizes(for: newSize, state: runtime.state)))
    case .redrawRequested:
      // The backend repaints everything on its next draw; the loop renders after every batch.
      forceDraw = true
    case .terminationRequested(let signal):
      apply(.terminationRequested)
      exit = .signal(signal)
    case .inputClosed:
      apply(.terminationRequested)
      exit = .inputClosed
    }
  }

  private func apply(_ action: Action) {
    runtime.apply(action)
    if exit == nil, runtime.quitRequested { exit = .quit }
  }

  /// One bell per threshold crossed when the user asked for bells (`--bell`), and the alert
  /// handed to the handler (which must not block: it starts its work and returns).
  private func announceAlerts() {
    for alert in runtime.takeAlerts() {
      if runtime.state.configuration.ringsBell { backend.bell() }
      onAlert?(alert, runtime.state.configuration)
    }
  }

  /// Draws the state at `instant` (a tick's), else at this instant, and ends the plan of
  /// steady ticks. Only what changed is redrawn, and when nothing visible changed at all (a
  /// wake-up for a refresh that has not answered yet) the backend is not called.
  private func render(at instant: Date? = nil) {
    steadyTicks = nil
    let viewModel = projector.viewModel(
      state: runtime.state, now: instant ?? runtime.clock.now, revision: runtime.revision)
    let options = backend.renderOptions
    if !forceDraw, let lastFrame, lastFrame.model == viewModel, lastFrame.frame.grid.size == size,
      lastFrame.frame.grid.glyphs == options.glyphs
    {
      return
    }
    // Taken out, so that the frame's grid is redrawn where it lies rather than copied.
    var frame = lastFrame.take()?.frame
    Screen.update(&frame, to: viewModel, size: size, options: options)
    guard let frame else { return }
    backend.draw(frame.grid, changedRows: frame.changedRows)
    lastFrame = (viewModel, frame)
    forceDraw = false
  }
}

/// What the host does with a threshold alert besides the bell (remembers it, runs the
/// `on_threshold` command), given the configuration of the organization it belongs to. Called
/// on the program's actor; it must return at once.
package typealias AlertHandler = @MainActor (ThresholdAlert, DashboardConfiguration) -> Void
