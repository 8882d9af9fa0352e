/// The organization the admin key belongs to (`GET /v1/organizations/me`).
///
/// The API has no plan, tier name, billing or balance: those are shown as not available.
package struct Organization: Hashable, Sendable {
  package var id: String
  package var name: String
  /// The API's `type`: `"organization"` today, kept as sent.
  package var type: String

  package init(id: String, name: String, type: String = "organization") {
    self.id = id
    self.name = name
    self.type = type
  }
}
