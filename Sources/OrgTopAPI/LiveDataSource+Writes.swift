import Foundation
import Logging
import OrgTopCore

extension LiveDataSource {
  /// `POST /v1/organizations/api_keys/{id}`, sent once. Each write is logged when asked,
  /// answered and refused, with the key's id and name and the admin key masked (the secret
  /// itself only ever travels in a header, which is never logged).
  package func updateAPIKey(_ update: KeyUpdate) async throws -> APIKey {
    let logger = client.configuration.logger
    let who = "admin key \(client.key.masked)"
    let what = "\(update.logDescription) key \(update.keyID) \"\(update.keyName)\""
    logger.notice("key action requested: \(what) (\(who))")
    let name: String?
    let status: APIKeyStatus?
    switch update.change {
    case .rename(let newName): (name, status) = (newName, nil)
    case .status(let newStatus): (name, status) = (nil, newStatus)
    }
    do {
      let key = try await client.updateAPIKey(id: update.keyID, name: name, status: status)
      logger.notice(
        "key action succeeded: \(what) (\(who)); now \"\(key.name)\", \(key.status.wire)")
      return key
    } catch {
      let failure = error.keyUpdateFailure(host: label)
      logger.error(
        "key action failed: \(what) (\(who)): \(failure.message). \(failure.remedy)",
        metadata: failure.requestID.map { ["request-id": "\($0)"] } ?? [:])
      throw failure
    }
  }
}

extension AdminClientError {
  /// A failed key write in words: the API's message, and a remedy that fits a write (a 403
  /// means the admin key lacks the permission; a key limit means another key must go first;
  /// a lost answer means the change may or may not have been made).
  package func keyUpdateFailure(host: String) -> FetchFailure {
    var failure = fetchFailure(host: host)
    switch self {
    case .api(let error):
      switch error.status {
      case 403:
        failure.remedy =
          "The admin key lacks permission to change keys: use an Admin key that has it"
      case 400
      where ["org_api_key_limit_exceeded", "workspace_api_key_limit_exceeded"].contains(
        error.errorCode ?? ""):
        let scope =
          error.errorCode == "workspace_api_key_limit_exceeded" ? "workspace" : "organization"
        failure.remedy =
          "The \(scope) is at its limit of active keys: deactivate or archive another key first"
      case 400:
        failure.remedy =
          "The API refused this change (archived and expired keys cannot change status); press r to refresh the key"
      case 404:
        failure.remedy = "The key no longer exists: press r to refresh the list"
      case 401:
        break
      default:
        failure.remedy =
          "Not changed unless the list says so after r; try again in a moment"
      }
    case .network, .timeout, .malformedResponse:
      failure.remedy =
        "The change may or may not have been made: press r to refresh and check the key"
    case .tooManyPages, .invalidRequest, .readOnly, .cancelled:
      break
    }
    return failure
  }
}
