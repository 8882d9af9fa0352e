import Foundation

/// The Admin API's base URL: scheme, host, optional port, and a path prefix that is kept
/// (`http://127.0.0.1:8787/proxy` + `/v1/organizations/me`, admin-api.md §1.1).
package struct AdminBaseURL: Sendable, Hashable, CustomStringConvertible {
  /// The production API.
  package static let production = AdminBaseURL(
    scheme: "https", host: "api.anthropic.com", port: nil, pathPrefix: "")
  /// The environment variable that overrides the base URL (after `--base-url`).
  package static let environmentVariable = "ORGTOP_BASE_URL"

  package let scheme: String
  /// The host as written, without IPv6 brackets.
  package let host: String
  package let port: Int?
  /// Empty, or a path starting with `/` and without a trailing slash.
  package let pathPrefix: String

  /// A short label for the screen: `host` or `host:port`.
  package let label: String
  /// `scheme://label/prefix`, the start of every request's URL. Made once: a request goes out
  /// every few seconds for weeks, and `host.contains(":")`, which resolves to Foundation's
  /// locale-aware substring search, cost about 4 % of the idle demo's CPU run for each one.
  package let description: String

  /// The full URL string for an API path such as `/v1/organizations/me`.
  package func url(path: String, query: String) -> String {
    query.isEmpty ? description + path : description + path + "?" + query
  }

  /// Parses and validates a base URL: `https`, or plain `http` only to a loopback host
  /// (`localhost`, `127.0.0.0/8`, `::1`); no credentials, query or fragment.
  package init(validating text: String) throws(AdminBaseURLError) {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard let components = URLComponents(string: trimmed), let rawScheme = components.scheme,
      let rawHost = components.host, !rawHost.isEmpty
    else { throw AdminBaseURLError(text: trimmed, reason: "is not an absolute URL") }
    let scheme = rawScheme.lowercased()
    var host = rawHost.lowercased()
    if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
    guard scheme == "https" || scheme == "http" else {
      throw AdminBaseURLError(text: trimmed, reason: "must use https")
    }
    guard components.user == nil, components.password == nil else {
      throw AdminBaseURLError(text: trimmed, reason: "must not contain credentials")
    }
    guard components.query == nil, components.fragment == nil else {
      throw AdminBaseURLError(text: trimmed, reason: "must not have a query or fragment")
    }
    if scheme == "http", !Self.isLoopback(host) {
      throw AdminBaseURLError(
        text: trimmed,
        reason: "uses plain http to a non-loopback host; use https (http is allowed only "
          + "for localhost, 127.0.0.0/8 and ::1)")
    }
    if let port = components.port, !(1...65_535).contains(port) {
      throw AdminBaseURLError(text: trimmed, reason: "has an invalid port")
    }
    var path = components.percentEncodedPath
    while path.hasSuffix("/") { path.removeLast() }
    if !path.isEmpty, !path.hasPrefix("/") { path = "/" + path }
    self.init(scheme: scheme, host: host, port: components.port, pathPrefix: path)
  }

  private init(scheme: String, host: String, port: Int?, pathPrefix: String) {
    self.scheme = scheme
    self.host = host
    self.port = port
    self.pathPrefix = pathPrefix
    // An IPv6 address is bracketed; a host name has no colon.
    let shownHost = host.utf8.contains(UInt8(ascii: ":")) ? "[\(host)]" : host
    label = port.map { "\(shownHost):\($0)" } ?? shownHost
    description = "\(scheme)://\(label)\(pathPrefix)"
  }

  /// The base URL to use: the command-line flag if given, else `ORGTOP_BASE_URL`, else
  /// production. Empty values count as absent.
  package static func resolve(
    flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(AdminBaseURLError) -> AdminBaseURL {
    for candidate in [flag, environment[environmentVariable]] {
      if let candidate, !candidate.trimmingCharacters(in: .whitespaces).isEmpty {
        return try AdminBaseURL(validating: candidate)
      }
    }
    return .production
  }

  /// Whether a host names this machine: `localhost`, any `127.x.y.z`, or `::1`.
  package static func isLoopback(_ host: String) -> Bool {
    let lowered = host.lowercased()
    if lowered == "localhost" || lowered == "::1" || lowered == "0:0:0:0:0:0:0:1" { return true }
    let octets = lowered.split(separator: ".", omittingEmptySubsequences: false)
    guard octets.count == 4, octets[0] == "127" else { return false }
    return octets.allSatisfy { octet in
      !octet.isEmpty && octet.count <= 3 && octet.allSatisfy(\.isASCII)
        && Int(octet).map { (0...255).contains($0) } == true
    }
  }
}

/// A base URL that was refused, with the reason, for a clear command-line error.
package struct AdminBaseURLError: Error, Hashable, Sendable, CustomStringConvertible {
  package var text: String
  package var reason: String

  package var description: String { "Base URL '\(text)' \(reason)" }
}
