import Foundation
import OrgTopCore

/// What the program loop's inbox carries.
package enum ProgramEvent: Sendable {
  case terminal(TerminalEvent)
  case fetched(UUID, DataSlot, Result<DataResponse, FetchFailure>)
  /// The timer for this wake-up instant fired.
  case woke(Date)
}

/// The dashboard's program loop: the one place where events become actions, actions go through
/// the reducer, effects are carried out, and frames are drawn.
///
/// Pure of curses: it talks to a ``TerminalBackend`` (ncurses in the app, a grid recorder in
/// tests), an ``OrgDataSource`` and a ``WallClock``. Terminal events arrive through
/// ``send(_:)``; everything that has arrived is processed as one batch and drawn once. Between
/// events and wake-ups nothing runs: the loop waits on its inbox.
@MainActor
package final class Program<Backend: TerminalBackend, Source: OrgDataSource, Clock: WallClock> {
  private let backend: Backend
  let source: Source
  let clock: Clock
  let inbox = ProgramInbox<ProgramEvent>()
  /// The reducer's state; read-only outside (tests inspect it).
  package private(set) var state: DashboardState
  private var size: TerminalSize
  /// Wake-up instants the reducer asked for that have not come due yet, earliest first.
  var pendingWakes: [Date] = []
  /// The single timer, armed for `pendingWakes.first`.
  var armedWake: (deadline: Date, handle: ScheduledWake)?
  /// Fetches in flight, by id (cancelled if the loop ends first).
  var fetches: [UUID: Task<Void, Never>] = [:]
  var exit: ProgramExit?
  /// Derives view models, reusing what only the state determines between ticks.
  private var projector = DashboardProjector()
  /// The last frame drawn and the view model it shows, to redraw only what changed.
  private var lastFrame: (model: DashboardViewModel, frame: Grid)?
  /// Set when the backend must be handed a frame even if nothing changed (it repaints).
  private var forceDraw = true

  /// Creates a loop over `state` (usually a fresh `DashboardState(configuration:)`).
  package init(
    backend: Backend, source: Source, clock: Clock, state: DashboardState
  ) {
    self.backend = backend
    self.source = source
    self.clock = clock
    self.state = state
    self.size = backend.size
  }

  /// Delivers terminal events (one batch, e.g. every key read in one drain); callable from any
  /// thread.
  nonisolated package func send(_ events: [TerminalEvent]) {
    inbox.post(events.map { .terminal($0) })
  }

  /// Returns once the loop waits with nothing queued and no fetch in flight (for tests).
  nonisolated package func waitUntilIdle() async {
    await inbox.waitUntilIdle()
  }

  /// Runs until the reducer asks to quit, a termination signal arrives, or input closes.
  package func run() async -> ProgramExit {
    size = backend.size
    apply(.started(at: clock.now))
    apply(.layoutChanged(size: size, keyRowsVisible: Screen.keyRowsVisible(for: size)))
    while exit == nil {
      render()
      let batch = await inbox.next()
      for event in batch {
        handle(event)
        if exit != nil { break }
      }
    }
    stop()
    return exit ?? .quit
  }

  private func handle(_ event: ProgramEvent) {
    switch event {
    case .terminal(let terminalEvent):
      handle(terminalEvent)
    case .fetched(let id, let slot, let result):
      fetches[id] = nil
      apply(.fetchCompleted(slot, result, at: clock.now))
    case .woke(let deadline):
      wakeFired(deadline)
    }
  }

  private func handle(_ event: TerminalEvent) {
    switch event {
    case .key(let key):
      apply(.keyPressed(key, at: clock.now))
    case .resized(let newSize):
      size = newSize
      forceDraw = true
      apply(.layoutChanged(size: newSize, keyRowsVisible: Screen.keyRowsVisible(for: newSize)))
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

  func apply(_ action: Action) {
    let effects = DashboardReducer.reduce(into: &state, action: action)
    for effect in effects { perform(effect) }
  }

  /// Draws the state at this instant. An idle tick changes only the clock (and now and then
  /// the status bar): then nothing else is redrawn, and when nothing visible changed at all
  /// (a wake-up for a refresh that has not answered yet) the backend is not called.
  private func render() {
    let viewModel = projector.viewModel(state: state, now: clock.now)
    let options = backend.renderOptions
    if !forceDraw, let lastFrame, lastFrame.model == viewModel, lastFrame.frame.size == size,
      lastFrame.frame.glyphs == options.glyphs
    {
      return
    }
    let frame = Screen.render(viewModel, size: size, options: options, after: lastFrame)
    backend.draw(frame)
    lastFrame = (viewModel, frame)
    forceDraw = false
  }

  private func stop() {
    armedWake?.handle.cancel()
    armedWake = nil
    pendingWakes.removeAll()
    for task in fetches.values { task.cancel() }
    fetches.removeAll()
  }
}
