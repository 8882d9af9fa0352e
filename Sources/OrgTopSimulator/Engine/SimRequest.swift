/// One HTTP request as the engine sees it, independent of the server library.
package struct SimRequest: Sendable {
  package var method: String
  package var path: String
  /// The raw query string (without `?`), still percent-encoded.
  package var query: String
  /// Header names lowercased.
  package var headers: [String: String]
  package var body: [UInt8]

  package init(
    method: String, path: String, query: String = "", headers: [String: String] = [:],
    body: [UInt8] = []
  ) {
    self.method = method
    self.path = path
    self.query = query
    self.headers = Dictionary(
      headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { _, last in last })
    self.body = body
  }
}

/// One HTTP response produced by the engine.
package struct SimResponse: Sendable {
  /// How the body must be (mis)delivered, for fault injection.
  package enum Delivery: Sendable, Equatable {
    case normal
    case truncated
    case malformed
    case closed
  }

  package var status: Int
  /// Header names lowercased, in the order written.
  package var headers: [(String, String)]
  package var body: [UInt8]
  package var delivery: Delivery = .normal
  /// Added latency, in milliseconds.
  package var delayMilliseconds: Int = 0

  /// The value of a header, by lowercase name.
  package func header(_ name: String) -> String? {
    headers.first { $0.0 == name }?.1
  }
}

/// An API error: the status, `error.type`, the message and an optional `error_code`.
package struct APIError: Error, Sendable {
  package var status: Int
  package var type: String
  package var message: String
  package var errorCode: String?
  package var extraHeaders: [(String, String)] = []

  /// 400 `invalid_request_error`.
  package static func invalid(_ message: String, code: String? = nil) -> APIError {
    APIError(status: 400, type: "invalid_request_error", message: message, errorCode: code)
  }

  /// 404 `not_found_error`.
  package static func notFound(_ message: String) -> APIError {
    APIError(status: 404, type: "not_found_error", message: message)
  }
}
