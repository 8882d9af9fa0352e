import AsyncHTTPClient
import NIOCore
import NIOPosix

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What went wrong below HTTP, in the user's words. The networking libraries describe their
/// errors for their developers ("connection reset (error set): Connection refused (errno:
/// 111)", a refusal called a reset); an operator needs to know what happened, once, and what
/// to check.
package enum NetworkProblem: Hashable, Sendable {
  /// Nothing listens at the address: the server is down or the base URL's port is wrong.
  case refused
  /// The connection was reset or dropped while a request was under way.
  case reset
  /// The host name does not resolve.
  case hostNotFound
  /// No route to the host or its network.
  case unreachable
  /// The TLS handshake failed (certificate, protocol, or something in the way).
  case tls
  /// Anything else, by the error's type name only: its text may hold request details.
  case other(String)

  /// Classifies a transport error thrown by AsyncHTTPClient or SwiftNIO.
  package init(_ error: any Error) {
    switch error {
    case let error as IOError: self = Self.from(errno: error.errnoCode)
    case let error as NIOConnectionError:
      if error.dnsAError != nil && error.dnsAAAAError != nil {
        self = .hostNotFound
      } else if let first = error.connectionErrors.first {
        self = NetworkProblem(first.error)
      } else {
        self = .hostNotFound
      }
    case is SocketAddressError, is SocketAddressError.UnknownHost: self = .hostNotFound
    case let error as HTTPClientError where error == .remoteConnectionClosed: self = .reset
    case let error as ChannelError where error == .eof || error == .ioOnClosedChannel:
      self = .reset
    default:
      let type = String(describing: Swift.type(of: error))
      self = type.contains("SSL") || type.contains("TLS") ? .tls : .other(type)
    }
  }

  private static func from(errno code: Int32) -> NetworkProblem {
    switch code {
    case ECONNREFUSED: .refused
    case ECONNRESET, ECONNABORTED, EPIPE: .reset
    case EHOSTUNREACH, ENETUNREACH, ENETDOWN, EHOSTDOWN: .unreachable
    default: .other(String(cString: strerror(code)).lowercased())
    }
  }

  /// What happened at `host`, one clause: "connection refused (nothing is listening)".
  package func sentence(host: String) -> String {
    switch self {
    case .refused: "Cannot reach \(host): connection refused (nothing is listening there)"
    case .reset: "Lost the connection to \(host) mid-request"
    case .hostNotFound: "Cannot reach \(host): the host name does not resolve"
    case .unreachable: "Cannot reach \(host): no route to the host"
    case .tls: "Cannot reach \(host): the TLS handshake failed"
    case .other(let what): "Cannot reach \(host): \(what)"
    }
  }

  /// What to check.
  package var remedy: String {
    switch self {
    case .refused: "Check the base URL's host and port, and that the server is up"
    case .reset: "Check the network connection"
    case .hostNotFound: "Check the base URL's host name and DNS"
    case .unreachable: "Check the network connection"
    case .tls: "Check the base URL is https to the API, and any proxy in between"
    case .other: "Check the network connection and the base URL"
    }
  }
}
