#!/usr/bin/env bash
# Measures the dashboard against a large organization: `orgtop simulate --keys N` in its own
# process, then
#   - the time to list every key through the Admin API client (`orgtop keys`, all pages),
#   - the dashboard's resident memory once it holds every key (live mode, in tmux at 120x40):
#     right after the keys show, and in the steady state a screen that runs for weeks is in
#     (sampled every second for 90 s: min, median, max).
# Usage: bash scripts/measure-keys.sh [keys=10000] [release|debug]
#   release (the default) is the plain `swift build -c release`: on Linux it links the Swift
#   runtime and Foundation statically (Package.swift).
#        ORGTOP_BIN=path/to/orgtop bash scripts/measure-keys.sh 10000   (a binary built otherwise)
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-10000}"
config="${2:-release}"

if [ -n "${ORGTOP_BIN:-}" ]; then
  binary="$ORGTOP_BIN"
else
  swift build -c "$config" --product orgtop >/dev/null 2>&1
  binary="$(swift build -c "$config" --show-bin-path)/orgtop"
fi
work="$(mktemp -d)"
socket="orgtop-keys-$$"
sim=""
cleanup() {
  tmux -L "$socket" kill-server 2>/dev/null || true
  [ -n "$sim" ] && kill "$sim" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

"$binary" simulate --port 0 --keys "$count" --frozen >"$work/sim.out" 2>&1 &
sim=$!
for _ in $(seq 1 300); do grep -q '^admin_key=' "$work/sim.out" 2>/dev/null && break; sleep 0.1; done
base_url=$(sed -n 's/^base_url=//p' "$work/sim.out")
# The simulator's throwaway key travels in the environment, never in argv: the tmux server
# started below inherits it, and so does the dashboard in its pane.
export ANTHROPIC_ADMIN_KEY
ANTHROPIC_ADMIN_KEY=$(sed -n 's/^admin_key=//p' "$work/sim.out")

for run in 1 2 3; do
  start=$(date +%s%N)
  listed=$("$binary" keys --base-url "$base_url" | wc -l)
  end=$(date +%s%N)
  echo "run $run: listed $listed keys in $(( (end - start) / 1000000 )) ms (orgtop keys, $config, whole process)"
done

tmux -L "$socket" -f /dev/null new-session -d -s k -x 120 -y 40 \
  "env TERM=tmux-256color $binary --base-url $base_url"
for _ in $(seq 1 600); do
  tmux -L "$socket" capture-pane -p -t k | grep -q "API keys ($count)" && break
  sleep 0.1
done
tmux -L "$socket" capture-pane -p -t k | grep -q "API keys ($count)" || { echo "dashboard never showed $count keys" >&2; exit 1; }
# Past the first report refresh (60 s, put off by up to 6 s): each trim drops the
# executable's code, and the ticks and the next refresh fault back what they run. Sampled
# before it, the figure would show a screen that has not refreshed yet. The figure depends on
# how much of the binary is in the page cache (the kernel maps 64 KiB around a faulting page
# when it is): right after a build, all of it is.
sleep 75
pid=$(tmux -L "$socket" display-message -p -t k '#{pane_pid}')
mib() { awk -v key="$1:" '$1 == key {printf "%.1f MiB", $2 / 1024}' /proc/"$pid"/status; }
echo "dashboard holding $count keys: $(mib VmRSS) resident ($(mib RssAnon) heap and stacks," \
  "$(mib RssFile) mapped code and data), $(mib VmHWM) peak"
# A screen that runs for weeks: resident memory sampled every second for a minute and a half
# (report refreshes come every minute; the heap is trimmed 2 s after each burst of answers,
# Sources/OrgTopTerminal/HeapTrimmer.swift).
for _ in $(seq 1 90); do
  awk '$1 == "VmRSS:" {r = $2} $1 == "RssAnon:" {a = $2} END {print r, a}' /proc/"$pid"/status
  sleep 1
done >"$work/samples"
sort -n "$work/samples" | awk '{r[NR] = $1; a[NR] = $2} END {
  printf "steady, %d samples over 90 s: resident min %.1f MiB, median %.1f MiB, max %.1f MiB;", NR, r[1] / 1024, r[int((NR + 1) / 2)] / 1024, r[NR] / 1024
  printf " heap and stacks at the median %.1f MiB\n", a[int((NR + 1) / 2)] / 1024 }'
