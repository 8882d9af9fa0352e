import Foundation
import Testing

@testable import OrgTopSettings

@Suite("SecretKey never shows the key")
struct SecretKeyTests {
  static let key = "sk-ant-admin01-" + String(repeating: "s3cr3t", count: 14) + "-abcd"

  @Test func everyTextualFormIsMasked() {
    let secret = SecretKey(Self.key)
    #expect(secret.reveal() == Self.key)
    #expect(secret.description == "sk-ant-admin01-…abcd")
    #expect(String(describing: secret) == "sk-ant-admin01-…abcd")
    #expect("\(secret)" == "sk-ant-admin01-…abcd")
    #expect(String(reflecting: secret) == "SecretKey(sk-ant-admin01-…abcd)")
    var dumped = ""
    dump(secret, to: &dumped)
    var nested = ""
    dump(["key": [secret]], to: &nested)
    let mirrored = Mirror(reflecting: secret).children.map { "\($0.value)" }.joined()
    for text in [dumped, nested, mirrored, "\([secret])", "\(Optional(secret) as Any)"] {
      #expect(!text.contains("s3cr3t"), "\(text)")
    }
  }

  @Test func shortOrOddKeysShowLess() {
    #expect(SecretKey("sk-ant-admin01-short").description == "sk-ant-admin01-…hort")
    #expect(SecretKey("tooshort").description == "…")
    #expect(SecretKey("sk-ant-admin01").description == "…")
    // A key whose prefix is not made of short groups shows its tail alone.
    #expect(SecretKey("averyveryverylongprefix-rest-of-it-wxyz").description == "…wxyz")
  }
}
