import AsyncHTTPClient
import NIOCore
import OrgTopAPI
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Transport errors said in words: the library's own texts ("connection reset (error set):
/// Connection refused (errno: 111)") call a refusal a reset and carry stray parentheses.
@Suite("Network problems in words")
struct NetworkProblemTests {
  @Test func theErrorsTheLibrariesThrowAreNamedForWhatTheyAre() {
    // The exact error NIO throws for a refused connection: its reason says "reset".
    let refused = IOError(errnoCode: ECONNREFUSED, reason: "connection reset (error set)")
    #expect(NetworkProblem(refused) == .refused)
    #expect(NetworkProblem(IOError(errnoCode: ECONNRESET, reason: "read(descriptor:)")) == .reset)
    #expect(NetworkProblem(IOError(errnoCode: EPIPE, reason: "write")) == .reset)
    #expect(NetworkProblem(IOError(errnoCode: EHOSTUNREACH, reason: "connect")) == .unreachable)
    #expect(NetworkProblem(HTTPClientError.remoteConnectionClosed) == .reset)
    #expect(NetworkProblem(ChannelError.eof) == .reset)
    #expect(NetworkProblem(IOError(errnoCode: EACCES, reason: "x")) == .other("permission denied"))
  }

  @Test func eachIsOneSentenceWithoutTheLibrarysText() {
    let problems: [NetworkProblem] = [
      .refused, .reset, .hostNotFound, .unreachable, .tls, .other("permission denied"),
    ]
    let sentences = problems.map { $0.sentence(host: "api.anthropic.com") }
    #expect(Set(sentences).count == problems.count)
    for sentence in sentences {
      #expect(sentence.contains("api.anthropic.com"))
      #expect(!sentence.contains("errno") && !sentence.contains("error set"))
      #expect(sentence.filter { $0 == "(" }.count == sentence.filter { $0 == ")" }.count)
    }
    #expect(Set(problems.map(\.remedy)).count >= 5)
  }
}
