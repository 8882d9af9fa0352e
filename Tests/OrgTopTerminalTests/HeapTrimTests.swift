import CHeapTrim
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
}
