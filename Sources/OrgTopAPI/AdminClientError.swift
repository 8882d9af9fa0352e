import Foundation
import OrgTopCore

/// Everything an ``AdminClient`` call can fail with. ``fetchFailure`` phrases it for the user.
package enum AdminClientError: Error, Hashable, Sendable {
  /// The API answered with an error status.
  case api(APIError)
  /// The body was not the documented JSON (or was cut short, or too large).
  case malformedResponse(status: Int, detail: String, requestID: String?)
  /// Connection refused, reset, DNS or TLS failure, in words (never the library's text).
  case network(NetworkProblem)
  /// No response within the configured time.
  case timeout(seconds: TimeInterval)
  /// A paginated walk needed more pages than the configured maximum.
  case tooManyPages(path: String, maxPages: Int)
  /// The caller asked for something that cannot be sent (e.g. an empty path id).
  case invalidRequest(detail: String)
  /// A write asked of a read-only client; refused before anything was sent.
  case readOnly(method: String, path: String)
  case cancelled
}

extension AdminClientError {
  /// The user-facing failure: one line of what happened and one of what to do.
  package func fetchFailure(host: String) -> FetchFailure {
    switch self {
    case .api(let error): return error.fetchFailure
    case .malformedResponse(let status, let detail, let requestID):
      return FetchFailure(
        kind: .malformedResponse, status: status,
        message: "Unreadable response from \(host) (HTTP \(status)): \(detail)",
        remedy: "Retrying automatically; if it persists the API may have changed: report a bug",
        requestID: requestID)
    case .network(let problem):
      return FetchFailure(
        kind: .network, message: problem.sentence(host: host), remedy: problem.remedy)
    case .timeout(let seconds):
      return FetchFailure(
        kind: .timeout, message: "\(host) did not answer within \(Self.seconds(seconds))",
        remedy: "Check the network and the base URL")
    case .tooManyPages(let path, let maxPages):
      return FetchFailure(
        kind: .malformedResponse,
        message: "\(path) kept paging past \(maxPages) pages; stopped rather than truncate",
        remedy: "Report a bug; the list may be larger than orgtop expects")
    case .invalidRequest(let detail):
      return FetchFailure(
        kind: .badRequest, message: "Request not sent: \(detail)",
        remedy: "This is an orgtop bug: please report it")
    case .readOnly:
      return .readOnly
    case .cancelled:
      return FetchFailure(kind: .cancelled, message: "Cancelled", remedy: "")
    }
  }

  static func seconds(_ value: TimeInterval) -> String {
    value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
  }
}

extension AdminClientError {
  /// A short reason for the log, e.g. `timeout after 30 s` (never a header or a body).
  var logText: String {
    switch self {
    case .api(let error): "status \(error.status)"
    case .malformedResponse(let status, let detail, _): "malformed response (\(status)): \(detail)"
    case .network(let problem): "network: \(problem)"
    case .timeout(let seconds): "timeout after \(Self.seconds(seconds))"
    case .tooManyPages(let path, _): "too many pages at \(path)"
    case .invalidRequest(let detail): "invalid request: \(detail)"
    case .readOnly(let method, let path): "refused \(method) \(path): read-only"
    case .cancelled: "cancelled"
    }
  }
}
