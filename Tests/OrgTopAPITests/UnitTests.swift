import Foundation
import OrgTopCore
import Testing

@testable import OrgTopAPI

@Suite struct RFC3339Tests {
  @Test(arguments: [
    ("2026-10-28T09:14:05Z", 0.0),
    ("2026-10-28T09:14:05.5Z", 0.5),
    ("2026-10-28T09:14:05.25Z", 0.25),
    ("2026-10-28T09:14:05.125Z", 0.125),
    ("2026-10-28T09:14:05.0625Z", 0.0625),
    ("2026-10-28T09:14:05.03125Z", 0.03125),
    ("2026-10-28T09:14:05.229541Z", 0.229541),
  ])
  func fractionDigitsZeroToSix(_ text: String, _ fraction: Double) throws {
    let date = try #require(RFC3339.parse(text))
    #expect(isClose(date, utc("2026-10-28T09:14:05"), plus: fraction))
  }

  @Test func offsetsAreApplied() throws {
    #expect(RFC3339.parse("2026-11-01T02:00:00+02:00") == utc("2026-11-01T00:00:00"))
    #expect(RFC3339.parse("2026-10-31T19:30:00-04:30") == utc("2026-11-01T00:00:00"))
    #expect(RFC3339.parse("2026-11-01t00:00:00z") == utc("2026-11-01T00:00:00"))
    #expect(RFC3339.parse("2028-02-29T23:59:59Z") == utc("2028-02-29T23:59:59"))
    #expect(RFC3339.parse("1969-12-31T23:59:59Z") == Date(timeIntervalSince1970: -1))
  }

  @Test(arguments: [
    "", "2026-11-01", "2026-11-01T00:00:00", "2026-11-01T00:00Z", "2026-02-30T00:00:00Z",
    "2026-11-01T24:00:00Z", "2026-11-01T00:00:00.Z", "2026-11-01T00:00:00+0200",
    "2026-11-01T00:00:00Zjunk", "26-11-01T00:00:00Z", "2026-11-01T00:00:00.1234567890Z",
  ])
  func invalidTimestampsAreRejected(_ text: String) {
    #expect(RFC3339.parse(text) == nil)
  }

  @Test func formatsUTCWithZ() {
    #expect(RFC3339.format(utc("2026-11-01T00:00:00")) == "2026-11-01T00:00:00Z")
    #expect(
      RFC3339.format(utc("2026-02-03T08:15:22").addingTimeInterval(0.9)) == "2026-02-03T08:15:22Z")
    #expect(RFC3339.format(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
  }

  @Test func roundTripsAcrossYears() throws {
    var instant = utc("2000-02-28T12:34:56")
    for _ in 0..<400 {
      let text = RFC3339.format(instant)
      #expect(RFC3339.parse(text) == instant)
      instant.addTimeInterval(86_400 * 37 + 3_601)
    }
  }
}

@Suite struct QueryParametersTests {
  @Test func encodesArraysTimestampsAndReservedCharacters() {
    var query = QueryParameters()
    query.add(array: "group_by", ["model", "api_key_id"])
    query.add("starting_at", utc("2026-11-01T00:00:00"))
    query.add("email", "a+b@x.example")
    query.add("include_default", true)
    query.add("limit", 1000)
    query.add("skipped", nil as String?)
    #expect(
      query.encoded
        == "group_by%5B%5D=model&group_by%5B%5D=api_key_id&starting_at=2026-11-01T00%3A00%3A00Z"
        + "&email=a%2Bb%40x.example&include_default=true&limit=1000")
  }

  @Test func settingReplacesTheCursorAndKeepsTheRest() {
    var query = QueryParameters()
    query.add("limit", 2)
    let first = query.setting("page", "p1")
    let second = first.setting("page", "p/2=")
    #expect(second.encoded == "limit=2&page=p%2F2%3D")
  }

  @Test func encodesNonASCII() {
    #expect(QueryParameters.percentEncode("é ~") == "%C3%A9%20~")
  }
}

@Suite struct RetryPolicyTests {
  @Test func shouldRetryHeaderOverridesStatus() {
    #expect(RetryPolicy.shouldRetry(status: 500, shouldRetryHeader: "false") == false)
    #expect(RetryPolicy.shouldRetry(status: 400, shouldRetryHeader: "true"))
    #expect(RetryPolicy.shouldRetry(status: 429, shouldRetryHeader: nil))
    #expect(RetryPolicy.shouldRetry(status: 408, shouldRetryHeader: nil))
    #expect(RetryPolicy.shouldRetry(status: 409, shouldRetryHeader: nil))
    #expect(RetryPolicy.shouldRetry(status: 529, shouldRetryHeader: nil))
    #expect(RetryPolicy.shouldRetry(status: 503, shouldRetryHeader: "maybe"))
    for status in [400, 401, 403, 404, 410, 413] {
      #expect(!RetryPolicy.shouldRetry(status: status, shouldRetryHeader: nil))
    }
  }

  @Test func serverDelayPrecedence() {
    let now = utc("2026-11-20T10:00:00")
    #expect(
      RetryPolicy.serverDelay(retryAfterMilliseconds: "1500", retryAfter: "9", now: now) == 1.5)
    #expect(
      RetryPolicy.serverDelay(retryAfterMilliseconds: "x", retryAfter: "2.5", now: now) == 2.5)
    #expect(
      RetryPolicy.serverDelay(
        retryAfterMilliseconds: nil, retryAfter: "Fri, 20 Nov 2026 10:00:07 GMT", now: now) == 7)
    #expect(RetryPolicy.serverDelay(retryAfterMilliseconds: "0", retryAfter: "-3", now: now) == nil)
    #expect(
      RetryPolicy.serverDelay(
        retryAfterMilliseconds: nil, retryAfter: "Fri, 20 Nov 2026 09:00:00 GMT", now: now) == nil)
    #expect(RetryPolicy.serverDelay(retryAfterMilliseconds: nil, retryAfter: nil, now: now) == nil)
  }

  @Test func exponentialBackoffWithJitter() {
    let full = RetryPolicy(jitter: { 1 })
    #expect((0..<6).map(full.backoff) == [0.5, 1, 2, 4, 8, 8])
    let low = RetryPolicy(jitter: { 0.75 })
    #expect(low.backoff(retry: 0) == 0.375)
    let wild = RetryPolicy(jitter: { 3 })
    #expect(wild.backoff(retry: 1) == 1)
  }
}

@Suite struct AdminKeyTests {
  @Test func readsTheDocumentedVariablesInOrder() throws {
    let primary = try AdminKey.fromEnvironment([
      "ANTHROPIC_ADMIN_KEY": "  sk-ant-admin01-primary-key-0000000000wxyz\n",
      "ANTHROPIC_ADMIN_API_KEY": "sk-ant-admin01-fallback-000000000000abcd",
    ])
    #expect(primary.masked == "sk-ant-admin01-…wxyz")
    let fallback = try AdminKey.fromEnvironment([
      "ANTHROPIC_ADMIN_KEY": "   ",
      "ANTHROPIC_ADMIN_API_KEY": "sk-ant-admin01-fallback-000000000000abcd",
    ])
    #expect(fallback.masked == "sk-ant-admin01-…abcd")
    #expect(throws: AdminKeyError.missing) { try AdminKey.fromEnvironment(["OTHER": "x"]) }
    #expect(throws: AdminKeyError.invalid(variable: "ANTHROPIC_ADMIN_KEY")) {
      try AdminKey.fromEnvironment(["ANTHROPIC_ADMIN_KEY": "sk-ant bad key"])
    }
  }

  @Test func everyTextualFormIsMasked() throws {
    let key = try #require(AdminKey(testSecret))
    var dumped = ""
    dump(key, to: &dumped)
    let forms = [
      "\(key)", String(describing: key), String(reflecting: key), key.debugDescription, dumped,
      "\([key])", "\(Optional(key) as Any)",
    ]
    for form in forms {
      #expect(!form.contains(testSecret))
      #expect(!form.contains("TESTSECRET"))
      #expect(form.contains("sk-ant-admin01-…WXYZ"))
    }
  }

  @Test func shortOrOddKeysRevealLess() throws {
    #expect(try #require(AdminKey("short-key")).masked == "…")
    #expect(try #require(AdminKey("nodashesatallbutlongenough1234")).masked == "…1234")
  }
}

@Suite struct AdminBaseURLTests {
  @Test func acceptsHTTPSAndLoopbackHTTP() throws {
    #expect(try AdminBaseURL(validating: "https://api.anthropic.com").label == "api.anthropic.com")
    let proxy = try AdminBaseURL(validating: "http://127.0.0.1:8787/proxy/")
    #expect(
      proxy.url(path: "/v1/organizations/me", query: "")
        == "http://127.0.0.1:8787/proxy/v1/organizations/me")
    #expect(proxy.label == "127.0.0.1:8787")
    #expect(try AdminBaseURL(validating: "http://localhost:9000").label == "localhost:9000")
    #expect(try AdminBaseURL(validating: "http://[::1]:9000").label == "[::1]:9000")
    #expect(try AdminBaseURL(validating: "http://127.10.20.30").host == "127.10.20.30")
  }

  @Test(arguments: [
    "http://api.anthropic.com", "http://10.0.0.1:8080", "http://128.0.0.1", "ftp://x",
    "api.anthropic.com", "https://user:pw@api.anthropic.com", "https://api.anthropic.com/?a=1",
    "http://127.0.0.1.evil.example", "http://localhost.evil.example",
  ])
  func refusesUnsafeOrInvalidURLs(_ text: String) {
    #expect(throws: AdminBaseURLError.self) { try AdminBaseURL(validating: text) }
  }

  @Test func resolutionOrder() throws {
    let environment = ["ORGTOP_BASE_URL": "http://127.0.0.1:1234"]
    #expect(try AdminBaseURL.resolve(flag: nil, environment: [:]) == .production)
    #expect(try AdminBaseURL.resolve(flag: nil, environment: environment).port == 1234)
    #expect(
      try AdminBaseURL.resolve(flag: "http://localhost:5", environment: environment).port == 5)
    #expect(try AdminBaseURL.resolve(flag: "", environment: environment).port == 1234)
  }

  @Test func errorMessageExplains() {
    do {
      _ = try AdminBaseURL(validating: "http://example.com")
      Issue.record("expected a refusal")
    } catch {
      #expect(error.description.contains("https"))
      #expect(error.description.contains("example.com"))
    }
  }
}
