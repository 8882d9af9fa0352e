import Testing

/// The test parser itself tells the JSON types apart (the wire-type checks rely on it).
@Suite struct JSONNodeTests {
  @Test func distinguishesTypes() throws {
    let node = try JSONNode.parse(
      Array(#"{"a":true,"b":1,"c":1.5,"d":"2","e":null,"f":0,"g":false}"#.utf8))
    #expect(node["a"] == .bool(true) && node["g"] == .bool(false))
    #expect(node["b"] == .int(1) && node["f"] == .int(0))
    #expect(node["c"] == .double(1.5))
    #expect(node["d"] == .string("2") && node["e"].isNull)
  }
}
