import Foundation
import OrgTopCore

/// Where an ID-cursor walk starts: after an id (forwards) or before one (backwards).
package enum IDCursor: Hashable, Sendable {
  case after(String)
  case before(String)
}

/// The rows of a whole report walk and how fresh the data is.
package struct ReportRows<Row: Hashable & Sendable>: Hashable, Sendable {
  package var rows: [Row]
  /// The oldest `data_refreshed_at` of the pages (analytics); `nil` when the source omits it.
  package var dataRefreshedAt: Date?

  package init(rows: [Row], dataRefreshedAt: Date?) {
    self.rows = rows
    self.dataRefreshedAt = dataRefreshedAt
  }
}

extension AdminClient {
  /// Follows an ID-cursor list to its end (admin-api.md §2). Forwards sends
  /// `after_id=<last_id>`; a walk started with `before_id` goes backwards with
  /// `before_id=<first_id>`, and its pages are prepended so the result keeps the list order.
  /// Stops when `has_more` is false, `data` is empty, or the needed id is null or empty.
  func walkIDPages<Element: Decodable & Sendable, Item>(
    path: String, query: QueryParameters, cursor: IDCursor?,
    map: (Element) throws(MalformedWire) -> Item
  ) async throws(AdminClientError) -> [Item] {
    var pages: [[Item]] = []
    var next: IDCursor? = cursor
    var fetched = 0
    while true {
      var pageQuery = query
      switch next {
      case .after(let id): pageQuery = query.setting("after_id", id)
      case .before(let id): pageQuery = query.setting("before_id", id)
      case nil: break
      }
      try checkPageBound(&fetched, path: path)
      let response = try await send(Request(path: path, query: pageQuery))
      let page = try decode(WireIDPage<Element>.self, from: response)
      pages.append(try mapAll(page.data, response: response, map))

      guard page.hasMore, !page.data.isEmpty else { break }
      let backwards = if case .before = cursor { true } else { false }
      guard let nextID = backwards ? page.firstId : page.lastId, !nextID.isEmpty else { break }
      next = backwards ? .before(nextID) : .after(nextID)
    }
    if case .before = cursor { return pages.reversed().flatMap { $0 } }
    return pages.flatMap { $0 }
  }

  /// Follows an opaque-cursor list (`next_page`) to its end. An empty `data` with a
  /// `next_page` means "fetch again"; `has_more` is not read.
  func walkCursorPages<Element: Decodable & Sendable, Item>(
    path: String, query: QueryParameters, beta: String? = nil,
    map: (Element) throws(MalformedWire) -> Item
  ) async throws(AdminClientError) -> [Item] {
    var items: [Item] = []
    var pageQuery = query
    var fetched = 0
    while true {
      try checkPageBound(&fetched, path: path)
      let response = try await send(Request(path: path, query: pageQuery, beta: beta))
      let page = try decode(WireCursorPage<Element>.self, from: response)
      items += try mapAll(page.data, response: response, map)
      guard let next = page.nextPage, !next.isEmpty else { return items }
      pageQuery = query.setting("page", next)
    }
  }

  /// Follows a report cursor (`has_more` + `next_page`) to its end. When a later page's cursor
  /// has expired (HTTP 410), the walk restarts from the first page, once.
  func walkReportPages<Element: Decodable & Sendable, Item: Hashable & Sendable & InterningRow>(
    path: String, query: QueryParameters, beta: String? = nil,
    map: (Element) throws(MalformedWire) -> [Item]
  ) async throws(AdminClientError) -> ReportRows<Item> {
    var restarted = false
    var items: [Item] = []
    var interner = StringInterner()
    var refreshedAt: Date?
    var pageQuery = query
    var onFirstPage = true
    var fetched = 0
    while true {
      try checkPageBound(&fetched, path: path)
      let response: Response
      do {
        response = try await send(Request(path: path, query: pageQuery, beta: beta))
      } catch {
        guard case .api(let apiError) = error, apiError.status == 410, !onFirstPage, !restarted
        else { throw error }
        restarted = true
        (items, refreshedAt, pageQuery, onFirstPage, fetched) = ([], nil, query, true, 0)
        continue
      }
      let page = try decode(WireReportPage<Element>.self, from: response)
      for element in page.data {
        do {
          for var item in try map(element) {
            item.intern(with: &interner)
            items.append(item)
          }
        } catch {
          throw .malformedResponse(
            status: response.status, detail: error.detail, requestID: response.requestID)
        }
      }
      if let stamp = page.dataRefreshedAt {
        refreshedAt = min(refreshedAt ?? stamp, stamp)
      }
      guard let next = page.continuation else {
        // Copied to an exact fit: the grown array can be nearly twice the rows, and a report
        // stays in the state for a minute or more.
        var rows: [Item] = []
        rows.reserveCapacity(items.count)
        rows.append(contentsOf: items)
        return ReportRows(rows: rows, dataRefreshedAt: refreshedAt)
      }
      pageQuery = query.setting("page", next)
      onFirstPage = false
    }
  }

  private func checkPageBound(_ fetched: inout Int, path: String) throws(AdminClientError) {
    fetched += 1
    if fetched > configuration.maxPages {
      throw .tooManyPages(path: path, maxPages: configuration.maxPages)
    }
  }

  private func mapAll<Element, Item>(
    _ elements: [Element], response: Response, _ map: (Element) throws(MalformedWire) -> Item
  ) throws(AdminClientError) -> [Item] {
    var items: [Item] = []
    items.reserveCapacity(elements.count)
    for element in elements {
      do {
        items.append(try map(element))
      } catch {
        throw .malformedResponse(
          status: response.status, detail: error.detail, requestID: response.requestID)
      }
    }
    return items
  }
}
