import OrgTopTerminal
import Testing

@Suite("Terminal start-up errors")
struct TerminalSessionErrorTests {
  private let all: [TerminalSessionError] = [
    .notATerminal(stream: "standard output"), .terminalTypeNotSet,
    .unknownTerminalType("nosuchterm"), .terminalTooLimited("dumb", missing: "cup"),
    .cursesFailed("xterm"),
  ]

  @Test("each cause has its own exit status, none of them 0, 1 or a signal status")
  func distinctExitCodes() {
    let codes = all.map(\.exitCode)
    #expect(Set(codes).count == all.count)
    for code in codes {
      #expect(code > 1 && code < 126)
    }
  }

  @Test("messages are one line, name the terminal type, and keep control characters out")
  func messages() {
    for error in all {
      #expect(!error.message.contains("\n"))
    }
    #expect(TerminalSessionError.unknownTerminalType("nosuchterm").message.contains("nosuchterm"))
    #expect(
      TerminalSessionError.terminalTooLimited("dumb", missing: "cup").message.contains("dumb"))
    let hostile = TerminalSessionError.unknownTerminalType("x\u{1B}]0;pwned\u{07}")
    #expect(!hostile.message.contains("\u{1B}"))
    #expect(!hostile.message.contains("\u{07}"))
  }

  @Test("preflight refuses to start without a terminal or a TERM")
  @MainActor
  func preflightWithoutTerminal() {
    // Under `swift test` stdout is a pipe or file; if it ever is a tty, the empty TERM fails.
    #expect(throws: TerminalSessionError.self) {
      try TerminalSession.preflight(environment: [:])
    }
  }

  @Test("the locale's codeset decides Unicode or ASCII glyphs")
  func codeset() {
    #expect(TerminalSession.isUTF8("UTF-8"))
    #expect(TerminalSession.isUTF8("utf8"))
    #expect(!TerminalSession.isUTF8("ANSI_X3.4-1968"))
    #expect(!TerminalSession.isUTF8("ISO-8859-1"))
  }
}
