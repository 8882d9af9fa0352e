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
        "Temporary, on Anthropic's side: nothing to change here"
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
