import Foundation
import OrgTopCore

/// The `error.type` of the Admin API's error envelope (an open set, admin-api.md §3.2).
package enum APIErrorType: OpenEnum {
  case invalidRequest, authentication, billing, permission, notFound, conflict, requestTooLarge,
    rateLimit, api, timeout, overloaded
  case unknown(String)

  package static let known: [(APIErrorType, String)] = [
    (.invalidRequest, "invalid_request_error"), (.authentication, "authentication_error"),
    (.billing, "billing_error"), (.permission, "permission_error"),
    (.notFound, "not_found_error"), (.conflict, "conflict_error"),
    (.requestTooLarge, "request_too_large"), (.rateLimit, "rate_limit_error"),
    (.api, "api_error"), (.timeout, "timeout_error"), (.overloaded, "overloaded_error"),
  ]

  package var unknownValue: String? {
    if case .unknown(let raw) = self { return raw }
    return nil
  }
}

/// An error response of the Admin API, decoded from its envelope (admin-api.md §3.1).
package struct APIError: Error, Hashable, Sendable {
  package var status: Int
  package var type: APIErrorType
  /// The server's human text, sanitized to one line; for display and heuristics only.
  package var message: String
  /// `error.details.error_code`, when the server gives a stable cause.
  package var errorCode: String?
  /// From the `request-id` header, else from the body.
  package var requestID: String?
  /// The delay the server asked for (`retry-after-ms` / `retry-after`), in seconds.
  package var retryAfter: TimeInterval?

  package init(
    status: Int, type: APIErrorType, message: String, errorCode: String? = nil,
    requestID: String? = nil, retryAfter: TimeInterval? = nil
  ) {
    self.status = status
    self.type = type
    self.message = message
    self.errorCode = errorCode
    self.requestID = requestID
    self.retryAfter = retryAfter
  }
}

/// Everything an ``AdminClient`` call can fail with. ``fetchFailure`` phrases it for the user.
package enum AdminClientError: Error, Hashable, Sendable {
  /// The API answered with an error status.
  case api(APIError)
  /// The body was not the documented JSON (or was cut short, or too large).
  case malformedResponse(status: Int, detail: String, requestID: String?)
  /// Connection refused, reset, DNS or TLS failure; `detail` never contains the key.
  case network(detail: String)
  /// No response within the configured time.
  case timeout(seconds: TimeInterval)
  /// A paginated walk needed more pages than the configured maximum.
  case tooManyPages(path: String, maxPages: Int)
  /// The caller asked for something that cannot be sent (e.g. an empty path id).
  case invalidRequest(detail: String)
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
    case .network(let detail):
      return FetchFailure(
        kind: .network, message: "Cannot reach \(host): \(detail)",
        remedy: "Check the network connection and the base URL")
    case .timeout(let seconds):
      return FetchFailure(
        kind: .timeout, message: "\(host) did not answer within \(Self.seconds(seconds))",
        remedy: "Check the network; retrying automatically")
    case .tooManyPages(let path, let maxPages):
      return FetchFailure(
        kind: .malformedResponse,
        message: "\(path) kept paging past \(maxPages) pages; stopped rather than truncate",
        remedy: "Report a bug; the list may be larger than orgtop expects")
    case .invalidRequest(let detail):
      return FetchFailure(
        kind: .badRequest, message: "Request not sent: \(detail)",
        remedy: "This is an orgtop bug: please report it")
    case .cancelled:
      return FetchFailure(kind: .cancelled, message: "Cancelled", remedy: "")
    }
  }

  static func seconds(_ value: TimeInterval) -> String {
    value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
  }
}

extension APIError {
  /// The user-facing failure for this status, with its remedy.
  package var fetchFailure: FetchFailure {
    let suffix = message.isEmpty ? "" : ": \(message)"
    let (kind, text, remedy): (FetchFailure.Kind, String, String)
    switch status {
    case 401:
      (kind, text, remedy) = (
        .unauthorized, "Admin key rejected (401): wrong, revoked or expired",
        "Check ANTHROPIC_ADMIN_KEY: it must be a current Admin key (sk-ant-admin01-…)"
      )
    case 403:
      (kind, text, remedy) = (
        .forbidden, "Permission denied (403): not an admin key, or it lacks permission\(suffix)",
        "Use an Admin key from Console → Settings → Admin keys (created by an org admin)"
      )
    case 404:
      (kind, text, remedy) = (
        .notFound, "Not found (404)\(suffix)",
        "Check the base URL; the resource may not exist for this organization"
      )
    case 429:
      let wait = retryAfter.map { "Rate limited, retrying in \(Self.wholeSeconds($0)) s" }
      (kind, text, remedy) = (
        .rateLimited, "Rate limited by the Admin API (429)",
        wait ?? "Rate limited, retrying automatically"
      )
    case 529:
      (kind, text, remedy) = (
        .overloaded, "The Anthropic API is overloaded (529)",
        "Temporary: retrying automatically; try again in a few minutes"
      )
    case 500...:
      (kind, text, remedy) = (
        .serverError, "Anthropic API server error (\(status))\(suffix)",
        "A fault on Anthropic's side: retrying automatically"
      )
    case 408:
      (kind, text, remedy) = (
        .timeout, "The API timed out the request (408)", "Retrying automatically"
      )
    default:
      (kind, text, remedy) = (
        .badRequest, "Request refused (\(status))\(suffix)",
        "The API refused orgtop's request: please report it if it persists"
      )
    }
    return FetchFailure(
      kind: kind, status: status, message: text, remedy: remedy, requestID: requestID,
      retryAfter: retryAfter)
  }

  private static func wholeSeconds(_ value: TimeInterval) -> Int {
    max(1, Int(value.rounded(.up)))
  }
}
