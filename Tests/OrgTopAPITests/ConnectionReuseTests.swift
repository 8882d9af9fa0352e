import OrgTopAPI
import OrgTopCore
import Testing

/// The client keeps its connection between report refreshes: a connection closed in between
/// is opened again every minute (and, against the API, handshakes TLS again).
@Suite("Admin client: connection reuse")
struct ConnectionReuseTests {
  @Test func anIdleConnectionOutlastsTheDefaultReportRefreshAndItsJitter() {
    let policy = RefreshPolicy(jitterSeed: .max)
    let latest =
      policy.refreshInterval
      + min(policy.refreshInterval * policy.refreshJitterShare, policy.refreshJitterCap)
    #expect(AdminClient.Configuration().idleConnectionTimeout > latest)
  }
}
