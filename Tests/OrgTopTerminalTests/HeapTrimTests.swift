import CHeapTrim
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// ``heap_trim()`` really hands pages back where the C library is glibc: for a long time it
/// compiled to `return 0` (its glibc test came before any header that defines `__GLIBC__`),
/// and the dashboard's trims did nothing.
@Suite struct HeapTrimTests {
  @Test func freedPagesBetweenLiveBlocksAreReleased() {
    // 16 MiB in 4 KiB blocks (below the mmap threshold, above the per-thread cache), one in
    // 64 kept: the freed runs between the kept blocks hold whole pages, which only a trim
    // returns (glibc's automatic trim takes the top of the heap alone).
    let blocks = (0..<4096).map { _ in malloc(4096) }
    for (index, block) in blocks.enumerated() where index % 64 != 0 { free(block) }
    #if canImport(Glibc)
      #expect(heap_trim() == 1)
    #else
      #expect(heap_trim() == 0)
    #endif
    for (index, block) in blocks.enumerated() where index % 64 == 0 { free(block) }
  }

  /// ``code_trim()`` drops the executable's resident code, and the code still runs: it faults
  /// back in from the file.
  @Test func theExecutablesResidentCodeIsDroppedAndFaultsBackIn() throws {
    #if os(Linux)
      let before = try Self.residentCodeKiB()
      #expect(before > 0)
      #expect(code_trim() > 0)
      #expect(try Self.residentCodeKiB() < before)
      #expect([3, 1, 2].sorted() == [1, 2, 3])
    #else
      #expect(code_trim() == 0)
    #endif
  }

  /// The resident KiB of this executable's code mappings (`r-xp`), from /proc/self/smaps.
  private static func residentCodeKiB() throws -> Int {
    let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    var inCode = false
    var total = 0
    for line in try String(contentsOfFile: "/proc/self/smaps", encoding: .utf8).split(
      separator: "\n")
    {
      let fields = line.split(separator: " ", omittingEmptySubsequences: true)
      if let first = fields.first, first.contains("-"), fields.count >= 5 {
        inCode =
          fields[1] == "r-xp" && fields.count >= 6
          && fields[5...].joined(separator: " ") == executable
      } else if inCode, fields.first == "Rss:", fields.count >= 2, let kib = Int(fields[1]) {
        total += kib
      }
    }
    return total
  }
}
