/// The dashboard's current connection, replaced when the user switches profiles: the old one
/// is closed once the new one is open, and the last one when the dashboard ends.
actor OpenConnection {
  private var current: Connection

  init(_ connection: Connection) {
    current = connection
  }

  /// Makes `connection` the current one and closes the previous one.
  func replace(with connection: Connection) async {
    let previous = current
    current = connection
    await previous.close()
  }

  /// Closes the current connection.
  func close() async {
    await current.close()
  }
}
