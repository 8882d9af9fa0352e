// Times Screen.render on the sample dashboard. Built and run by render-benchmark.sh against the
// release build of OrgTopCore, OrgTopUI and OrgTopTestSupport; not part of the test suite.
import Glibc
import OrgTopCore
import OrgTopTestSupport
import OrgTopUI

let cases: [(String, DashboardViewModel, TerminalSize, RenderOptions)] = [
  ("dashboard 200x60", SampleDashboard.dashboard(), TerminalSize(columns: 200, rows: 60), .unicode),
  ("dashboard 300x80", SampleDashboard.dashboard(), TerminalSize(columns: 300, rows: 80), .unicode),
  ("dashboard 80x24", SampleDashboard.dashboard(), TerminalSize(columns: 80, rows: 24), .unicode),
  (
    "dashboard 200x60 ascii", SampleDashboard.dashboard(), TerminalSize(columns: 200, rows: 60),
    .ascii
  ),
  (
    "key detail 200x60",
    {
      var model = SampleDashboard.dashboard()
      model.overlay = .keyDetail(SampleDashboard.keyDetail())
      return model
    }(), TerminalSize(columns: 200, rows: 60), .unicode
  ),
]

let iterations = 2_000
let clock = ContinuousClock()
var checksum = 0

/// CPU time of this thread in microseconds: unlike wall time, not inflated by other processes
/// on a busy machine.
func threadCPUMicroseconds() -> Double {
  var spec = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
  return Double(spec.tv_sec) * 1e6 + Double(spec.tv_nsec) / 1e3
}

for (name, model, size, options) in cases {
  // Warm up, then time.
  for _ in 0..<50 { checksum &+= Screen.render(model, size: size, options: options).cells.count }
  let cpuStart = threadCPUMicroseconds()
  let elapsed = clock.measure {
    for _ in 0..<iterations {
      checksum &+= Screen.render(model, size: size, options: options).cells.count
    }
  }
  let cpu = (threadCPUMicroseconds() - cpuStart) / Double(iterations)
  let perFrame = elapsed / iterations
  let wall =
    Double(perFrame.components.attoseconds) / 1e12 + Double(perFrame.components.seconds) * 1e6
  print(
    "\(name): \(Int(cpu.rounded())) µs CPU, \(Int(wall.rounded())) µs wall per frame"
      + " (\(iterations) frames)")
}
print("checksum \(checksum)")
