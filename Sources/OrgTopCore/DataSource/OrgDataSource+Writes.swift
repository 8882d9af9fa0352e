extension OrgDataSource {
  /// Sources that only read (test doubles, fixtures) refuse every write.
  package func updateAPIKey(_ update: KeyUpdate) async throws -> APIKey {
    throw FetchFailure(
      kind: .badRequest, message: "Not sent: \(label) cannot change keys",
      remedy: "Changing keys needs the Admin API")
  }

  /// Performs one write; any error that is not a ``FetchFailure`` is reported as one rather
  /// than lost.
  package func perform(_ update: KeyUpdate) async -> Result<APIKey, FetchFailure> {
    do {
      return .success(try await updateAPIKey(update))
    } catch let failure as FetchFailure {
      return .failure(failure)
    } catch is CancellationError {
      return .failure(FetchFailure(kind: .cancelled, message: "Cancelled", remedy: ""))
    } catch {
      return .failure(
        FetchFailure(
          kind: .malformedResponse, message: "Unexpected error from \(label)",
          remedy: "Press r to refresh and check the key; report a bug if it persists"))
    }
  }
}

extension FetchFailure {
  /// The refusal of a write in read-only (or kiosk) mode, wherever it is caught.
  package static let readOnly = FetchFailure(
    kind: .badRequest, message: "Not sent: orgtop is read-only (--read-only or --kiosk)",
    remedy: "Start orgtop without --read-only or --kiosk to change keys")
}
