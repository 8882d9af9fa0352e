#!/usr/bin/env bash
# Counts the instructions of the dashboard's idle tick, a figure that does not depend on the
# machine's load: scripts/TickBenchmark.swift (the fixture organization with N more keys at
# 120x40; per tick what `Program.tick` does: the clock's cells alone when the plan of steady
# ticks holds it, else the projector at the second, the "anything to draw?" check, the
# incremental render in place and the next plan; then the backend's diff of the redrawn rows)
# runs under `valgrind --tool=callgrind --toggle-collect=<the tick loop>`, and the loop's
# instructions are divided by the ticks. Not counted: the timer, the inbox, the main-actor
# hop and curses' output of the changed cells (valgrind 3.19 cannot run the whole dashboard:
# it cannot read the binary's DWARF 5 and crashes in the concurrency runtime's signals once
# stripped).
#
# Instructions become time with the rate of the same loop on this machine: the benchmark also
# runs natively and measures its thread's CPU time per tick; instructions per tick over CPU
# seconds per tick is the rate (a thread's CPU time is barely changed by other load).
#
# Usage: bash scripts/measure-tick.sh [extra keys=10000] [ticks=300]
# Needs valgrind (apt-get install valgrind).
set -euo pipefail
cd "$(dirname "$0")/.."
keys="${1:-10000}"
ticks="${2:-300}"
command -v valgrind >/dev/null || { echo "needs valgrind: apt-get install valgrind" >&2; exit 1; }

swift build -c release --target OrgTopTestSupport >/dev/null 2>&1
bin=$(swift build -c release --show-bin-path)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# SwiftPM names the root package after its directory; `package` symbols need the same name.
package_name=$(basename "$PWD" | tr 'A-Z' 'a-z' | tr -c 'a-z0-9\n' '_')
# -gnone and the strip: valgrind 3.19 cannot read the DWARF 5 the toolchain writes by default.
swiftc -O -gnone -package-name "$package_name" -I "$bin/Modules" scripts/TickBenchmark.swift \
  $(sh scripts/target-objects.sh "$bin" OrgTopCore OrgTopRuntime OrgTopUI OrgTopTestSupport) \
  -o "$work/tick"
objcopy --strip-debug "$work/tick"

# Natively: CPU time per tick (more ticks, for a steadier figure).
native=$("$work/tick" "$keys" $((ticks * 4)))
echo "native:    $native"
valgrind --tool=callgrind --toggle-collect='*runIdleTicks*' \
  --callgrind-out-file="$work/callgrind.out" "$work/tick" "$keys" "$ticks" >"$work/counted" \
  2>"$work/valgrind.log"
echo "callgrind: $(cat "$work/counted")"
ir=$(awk '/^(totals|summary):/ {print $2}' "$work/callgrind.out" | tail -1)
us=$(echo "$native" | sed -n 's/.*cpu_us_per_tick \([0-9.]*\).*/\1/p')
python3 - <<PY
ir, ticks, us = $ir, $ticks, $us
per_tick = ir / ticks
rate = per_tick / (us / 1e6)
print(f"instructions per idle tick ({$keys} extra keys, 120x40): {per_tick:,.0f}")
print(f"rate on this machine (same loop natively): {rate / 1e9:.2f} G instructions per CPU second")
print(f"idle tick: {per_tick / rate * 1000:.3f} ms = {us:.1f} µs of CPU")
PY
if [ -n "${TICK_PROFILE:-}" ]; then
  cp "$work/callgrind.out" "$TICK_PROFILE"
  callgrind_annotate --inclusive=yes "$work/callgrind.out" 2>/dev/null | head -60 | cut -c1-220
fi
