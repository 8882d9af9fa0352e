#!/usr/bin/env bash
# Measures the dashboard against a large organization: `orgtop simulate --keys N` in its own
# process, then
#   - the time to list every key through the Admin API client (`orgtop keys`, all pages),
#   - the dashboard's resident memory once it holds every key (live mode, in tmux at 120x40):
#     right after the keys show, and in the steady state a screen that runs for weeks is in,
#     after its first heap trim (Sources/OrgTopTerminal/HeapTrimmer.swift, 60 s after start).
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
# The simulator's throwaway key travels in the environment, never in argv.
export ANTHROPIC_ADMIN_KEY
ANTHROPIC_ADMIN_KEY=$(sed -n 's/^admin_key=//p' "$work/sim.out")

for run in 1 2 3; do
  start=$(date +%s%N)
  listed=$("$binary" keys --base-url "$base_url" | wc -l)
  end=$(date +%s%N)
  echo "run $run: listed $listed keys in $(( (end - start) / 1000000 )) ms (orgtop keys, $config, whole process)"
done

tmux -L "$socket" -f /dev/null new-session -d -s k -x 120 -y 40 \
  "env TERM=tmux-256color ANTHROPIC_ADMIN_KEY=\$ANTHROPIC_ADMIN_KEY $binary --base-url $base_url"
for _ in $(seq 1 600); do
  tmux -L "$socket" capture-pane -p -t k | grep -q "API keys ($count)" && break
  sleep 0.1
done
tmux -L "$socket" capture-pane -p -t k | grep -q "API keys ($count)" || { echo "dashboard never showed $count keys" >&2; exit 1; }
sleep 5 # let the remaining reports arrive
pid=$(tmux -L "$socket" display-message -p -t k '#{pane_pid}')
mib() { awk -v key="$1:" '$1 == key {printf "%.1f MiB", $2 / 1024}' /proc/"$pid"/status; }
echo "dashboard holding $count keys: $(mib VmRSS) resident ($(mib RssAnon) heap and stacks," \
  "$(mib RssFile) mapped code and data), $(mib VmHWM) peak"
started=$(($(date +%s) - $(stat -c %Y /proc/"$pid")))
sleep $((started < 70 ? 70 - started : 0))
echo "steady, after the first heap trim: $(mib VmRSS) resident ($(mib RssAnon) heap and stacks," \
  "$(mib RssFile) mapped code and data)"
