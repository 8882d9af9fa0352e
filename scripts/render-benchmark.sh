#!/bin/sh
# Measures how long Screen.render takes for a frame, in a release build.
# Usage: scripts/render-benchmark.sh   (from the package root)
set -eu
cd "$(dirname "$0")/.."
swift build -c release --target OrgTopTestSupport
BIN=$(swift build -c release --show-bin-path)
OUT="${TMPDIR:-/tmp}/orgtop-render-benchmark"
# SwiftPM names the root package after its directory; `package` symbols need the same name.
PACKAGE_NAME=$(basename "$PWD" | tr 'A-Z' 'a-z' | tr -c 'a-z0-9\n' '_')
swiftc -O -package-name "$PACKAGE_NAME" -I "$BIN/Modules" \
  scripts/RenderBenchmark.swift \
  $(sh scripts/target-objects.sh "$BIN" OrgTopCore OrgTopRuntime OrgTopUI OrgTopTestSupport) \
  -o "$OUT"
"$OUT"
