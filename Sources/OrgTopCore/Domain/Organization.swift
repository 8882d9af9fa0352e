/// The organization the admin key belongs to (`GET /v1/organizations/me`).
///
/// The API has no plan, tier name, billing or balance: those are shown as not available.
package struct Organization: Hashable, Sendable {
  package var id: String
  package var name: String

  package init(id: String, name: String) {
    self.id = id
    self.name = name
  }
}
