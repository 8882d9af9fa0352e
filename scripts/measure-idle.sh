#!/usr/bin/env bash
# Measures the idle dashboard the way a wall screen runs it: a release build at 120x40 in tmux,
# left alone for five minutes. Reports
#   - time from exec to the first frame on the terminal (the header text in the byte stream),
#   - CPU time used by the dashboard process over the window (/proc/PID/stat: every thread,
#     those that exited during it included), as % of
#     one core (the target: at most a fifth of htop's, below),
#   - bytes written to the terminal over the window (tmux pipe-pane), clock updates included,
#   - resident memory at the end,
# and the same CPU and byte figures, over the same window, for `htop -d 15` (a refresh every
# 1.5 s) in a second tmux session of the same size, with the ratios orgtop / htop: machines
# and loads differ, a ratio from one run does not.
#
# Usage: bash scripts/measure-idle.sh [--live] [seconds=300] [extra orgtop args...]
#        ORGTOP_BIN=path/to/orgtop bash scripts/measure-idle.sh ...   (instead of the release build)
#   default  the demo: the embedded simulator runs in the dashboard's process and is counted.
#   --live   the live path alone: `orgtop simulate --frozen` runs as a separate process (not
#            counted; its CPU is printed apart) and the dashboard talks to it over loopback
#            with `--base-url`; the simulator's throwaway key reaches the dashboard through
#            the environment, never argv.
# The window starts 15 s after launch, once the start-up fetches are done, so it holds the
# steady state: 60 clock ticks and one report refresh a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
live=0
if [ "${1:-}" = "--live" ]; then
  live=1
  shift
fi
window="${1:-300}"
shift || true
command -v htop >/dev/null || {
  echo "needs htop for the comparison: apt-get install htop" >&2
  exit 1
}

if [ -n "${ORGTOP_BIN:-}" ]; then
  binary="$ORGTOP_BIN" # a binary built otherwise
else
  swift build -c release --product orgtop >/dev/null
  binary="$(swift build -c release --show-bin-path)/orgtop"
fi
socket="orgtop-measure-$$"
work="$(mktemp -d)"
sim_pid=""
cleanup() {
  tmux -L "$socket" kill-server 2>/dev/null || true
  tmux -L "$socket-htop" kill-server 2>/dev/null || true
  if [ -n "$sim_pid" ]; then kill "$sim_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# Nanoseconds on CPU of a process: user and system time from /proc/PID/stat, which keeps the
# time of threads that have exited. A sum of the live threads' schedstat is finer but loses
# them, and the dashboard's refresh runs on Dispatch pool threads that come and go (eight in
# 140 s of the demo): it read the demo's CPU low. The ticks are 10 ms, hence the long default
# window: each end is off by less than a tick.
tick_ns=$((1000000000 / $(getconf CLK_TCK)))
cpu_ns() { awk -v t="$tick_ns" '{printf "%.0f", ($14 + $15) * t}' /proc/"$1"/stat; }

launch_env="TERM=tmux-256color"
extra_args=("$@")
if [ "$live" = 1 ]; then
  "$binary" simulate --port 0 --frozen >"$work/sim.out" 2>"$work/sim.err" &
  sim_pid=$!
  for _ in $(seq 1 200); do
    grep -q '^admin_key=' "$work/sim.out" 2>/dev/null && break
    sleep 0.05
  done
  base_url=$(sed -n 's/^base_url=//p' "$work/sim.out" | head -1)
  # The key goes into a file the pane's shell reads into its environment: never argv.
  sed -n 's/^admin_key=//p' "$work/sim.out" | head -1 >"$work/key"
  chmod 600 "$work/key"
  launch_env="$launch_env ANTHROPIC_ADMIN_KEY=\$(cat $work/key)"
  extra_args=(--base-url "$base_url" "${extra_args[@]}")
fi

# A byte counter that stamps the first frame: the header text drawn after curses switched to
# the alternate screen (the echoed command line holds "orgtop" too, in the binary's path).
cat >"$work/count.py" <<'PY'
import sys, time, os
out = sys.argv[1]
first = None
total = 0
buf = b""
while True:
    chunk = os.read(0, 65536)
    if not chunk:
        break
    now = time.time()
    total += len(chunk)
    if first is None:
        buf += chunk
        screen = buf.find(b"\x1b[?1049h")
        if screen >= 0 and b"orgtop" in buf[screen:]:
            first = now
    with open(out + ".tmp", "w") as f:
        f.write(f"{first or 0} {total}\n")
    os.replace(out + ".tmp", out)
PY

tmux -L "$socket" -f /dev/null new-session -d -s m -x 120 -y 40 "bash --norc --noprofile"
tmux -L "$socket" pipe-pane -t m -o "python3 $work/count.py $work/bytes"
sleep 0.2
start_ns=$(date +%s%N)
# `export` keeps the key out of the dashboard's argv (it is in the shell's command line only
# as `$(cat file)`, expanded inside the shell).
tmux -L "$socket" send-keys -t m "export $launch_env; exec $binary ${extra_args[*]}" Enter

for _ in $(seq 1 200); do
  [ -s "$work/bytes" ] && [ "$(cut -d' ' -f1 "$work/bytes" | head -1)" != "0" ] && break
  sleep 0.02
done
first=$(head -1 "$work/bytes" | cut -d' ' -f1)
python3 -c "print(f'first frame: {($first - $start_ns/1e9)*1000:.0f} ms after send-keys (includes tmux and shell exec)')"

pid=$(tmux -L "$socket" display-message -p -t m '#{pane_pid}')
# htop at the same size on its own tmux server, counted the same way.
tmux -L "$socket-htop" -f /dev/null new-session -d -s h -x 120 -y 40 \
  "exec env TERM=tmux-256color htop -d 15"
tmux -L "$socket-htop" pipe-pane -t h -o "python3 $work/count.py $work/htop-bytes"
htop_pid=$(tmux -L "$socket-htop" display-message -p -t h '#{pane_pid}')
# Let start-up fetches finish, then measure a quiet window.
sleep 15
b0=$(head -1 "$work/bytes" | cut -d' ' -f2)
h0=$(head -1 "$work/htop-bytes" | cut -d' ' -f2)
t0=$(cpu_ns "$pid")
u0=$(cpu_ns "$htop_pid")
s0=0
if [ -n "$sim_pid" ]; then s0=$(cpu_ns "$sim_pid"); fi
sleep "$window"
t1=$(cpu_ns "$pid")
u1=$(cpu_ns "$htop_pid")
h1=$(head -1 "$work/htop-bytes" | cut -d' ' -f2)
s1=0
if [ -n "$sim_pid" ]; then s1=$(cpu_ns "$sim_pid"); fi
b1=$(head -1 "$work/bytes" | cut -d' ' -f2)
rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
mode=demo
[ "$live" = 1 ] && mode="live (external simulator)"
python3 - <<PY
ns = $t1 - $t0
window = $window
print("mode: $mode, 120x40")
print(f"cpu: {ns / 1e6:.1f} ms over {window} s = {ns / 1e9 / window * 100:.4f} % of one core")
print(f"bytes written: {$b1 - $b0} over {window} s = {($b1 - $b0) * 60 / window:.0f} bytes/min")
print(f"resident memory: {$rss / 1024:.1f} MiB")
if $live:
    print(f"external simulator cpu (not counted): {($s1 - $s0) / 1e6:.1f} ms")
htop_ns = $u1 - $u0
htop_bytes = $h1 - $h0
print(f"htop -d 15, same window and size: cpu {htop_ns / 1e6:.1f} ms = "
      f"{htop_ns / 1e9 / window * 100:.4f} % of one core, "
      f"{htop_bytes * 60 / window:.0f} bytes/min")
print(f"orgtop / htop: cpu {ns / max(htop_ns, 1):.3f}, bytes {($b1 - $b0) / max(htop_bytes, 1):.3f}")
PY
