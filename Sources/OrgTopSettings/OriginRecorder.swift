import Configuration
import Synchronization

/// Learns which layer answered each lookup of a `ConfigReader` over the layers: the reader
/// reports every access with the providers' results in order, and the first that holds a
/// value is the layer the setting came from (`orgtop info` prints it).
final class OriginRecorder: AccessReporter, Sendable {
  private let answers = Mutex<[String: Int]>([:])

  func report(_ event: AccessEvent) {
    let index = event.providerResults.firstIndex { result in
      if case .success(let lookup) = result.result { return lookup.value != nil }
      return false
    }
    answers.withLock { $0[event.metadata.key.description] = index }
  }

  /// The index of the provider that answered the last lookup of `key`; `nil` when none did.
  func provider(answering key: AbsoluteConfigKey) -> Int? {
    answers.withLock { $0[key.description] ?? nil }
  }
}
