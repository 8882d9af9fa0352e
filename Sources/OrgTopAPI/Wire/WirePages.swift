import Foundation

/// An ID-cursor page (`SyncPage`): api_keys, users, invites, workspaces, members.
struct WireIDPage<Element: Decodable & Sendable>: Decodable, Sendable {
  var data: [Element]
  var hasMore: Bool
  var firstId: String?
  var lastId: String?

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    data = try container.decode([Element].self, forKey: .data)
    // Lenient: a missing has_more is treated as "no more", never as an endless walk.
    hasMore = try container.decodeIfPresent(Bool.self, forKey: .hasMore) ?? false
    firstId = try container.decodeIfPresent(String.self, forKey: .firstId)
    lastId = try container.decodeIfPresent(String.self, forKey: .lastId)
  }

  private enum CodingKeys: String, CodingKey {
    case data
    case hasMore = "has_more"
    case firstId = "first_id"
    case lastId = "last_id"
  }
}

/// An opaque-cursor page (`SyncPageCursor`): rate limits and spend limits. Only `next_page`
/// decides whether to go on.
struct WireCursorPage<Element: Decodable & Sendable>: Decodable, Sendable {
  var data: [Element]
  var nextPage: String?

  private enum CodingKeys: String, CodingKey {
    case data
    case nextPage = "next_page"
  }
}

/// A report page: analytics (with `data_refreshed_at`) and the legacy reports.
struct WireReportPage<Element: Decodable & Sendable>: Decodable, Sendable {
  var data: [Element]
  var nextPage: String?
  var hasMore: Bool?
  var dataRefreshedAt: Date?

  private enum CodingKeys: String, CodingKey {
    case data
    case nextPage = "next_page"
    case hasMore = "has_more"
    case dataRefreshedAt = "data_refreshed_at"
  }

  /// Whether another page follows: `has_more` must not be false and `next_page` must be set.
  var continuation: String? {
    guard hasMore != false, let nextPage, !nextPage.isEmpty else { return nil }
    return nextPage
  }
}

/// The error envelope every error response carries (admin-api.md §3.1).
struct WireErrorEnvelope: Decodable, Sendable {
  /// The `error` object.
  struct Body: Decodable, Sendable {
    /// `error.details`, present only with a stable cause.
    struct Details: Decodable, Sendable {
      var errorCode: String?

      private enum CodingKeys: String, CodingKey {
        case errorCode = "error_code"
      }
    }
    var type: String
    var message: String?
    var details: Details?
  }
  var type: String?
  var error: Body
  var requestId: String?

  private enum CodingKeys: String, CodingKey {
    case type, error
    case requestId = "request_id"
  }
}
