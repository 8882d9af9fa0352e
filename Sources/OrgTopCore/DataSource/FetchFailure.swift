import Foundation

/// Why a fetch from the organization's data source failed, already phrased for the user: one
/// line saying what happened and one saying what to do. Never contains the admin key.
package struct FetchFailure: Error, Hashable, Sendable {
  /// The broad class of failure, which decides retrying and what the screen says.
  package enum Kind: String, Hashable, Sendable {
    /// 401: the key is wrong, revoked or expired. Retrying will not help.
    case unauthorized
    /// 403: not an admin key, or a scope is missing.
    case forbidden
    case notFound
    /// 400 and other 4xx: the request was refused (a client bug, or a feature the org lacks).
    case badRequest
    /// The resource exists in the API but not for this organization (e.g. spend limits on an
    /// organization type that does not support them).
    case notAvailable
    case rateLimited
    case serverError
    case overloaded
    /// Connection refused, reset, DNS, TLS.
    case network
    case timeout
    /// The response was not the JSON the API documents (truncated, malformed, wrong types).
    case malformedResponse
    case cancelled
  }

  package var kind: Kind
  /// The HTTP status, when there was a response.
  package var status: Int?
  /// What happened, one line, for the status bar.
  package var message: String
  /// What the user can do about it, one line.
  package var remedy: String
  /// The API's `request-id`, for support tickets.
  package var requestID: String?
  /// How long the server asked us to wait before trying again, in seconds.
  package var retryAfter: TimeInterval?

  package init(
    kind: Kind, status: Int? = nil, message: String, remedy: String, requestID: String? = nil,
    retryAfter: TimeInterval? = nil
  ) {
    self.kind = kind
    self.status = status
    self.message = message
    self.remedy = remedy
    self.requestID = requestID
    self.retryAfter = retryAfter
  }

  /// Whether waiting and trying again may help (rate limits, server faults, network loss).
  package var isTransient: Bool {
    switch kind {
    case .rateLimited, .serverError, .overloaded, .network, .timeout, .malformedResponse: true
    case .unauthorized, .forbidden, .notFound, .badRequest, .notAvailable, .cancelled: false
    }
  }
}
