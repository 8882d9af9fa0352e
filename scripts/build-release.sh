#!/usr/bin/env bash
# Builds the lean release binary for a screen that runs for weeks (the one scripts/measure-keys.sh
# measures): the Swift runtime and Foundation linked statically (no shared-library pages, faster
# start), linked by lld with packed relative relocations where glibc can load them (>= 2.36),
# which keeps about 3 MB of relocation tables out of memory.
# Usage: bash scripts/build-release.sh   -> prints the binary's path on its last line
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=.build-lean
flags=(-c release --static-swift-stdlib --scratch-path "$scratch" --product orgtop)
glibc=$(getconf GNU_LIBC_VERSION 2>/dev/null | awk '{print $2}')
if [ -n "$glibc" ] && [ "$(printf '%s\n' 2.36 "$glibc" | sort -V | head -1)" = 2.36 ]; then
  flags+=(-Xswiftc -use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs)
fi
swift build "${flags[@]}" >&2
echo "$(swift build "${flags[@]}" --show-bin-path)/orgtop"
