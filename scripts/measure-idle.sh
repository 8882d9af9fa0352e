#!/usr/bin/env bash
# Measures the idle dashboard the way a wall screen runs it: a release build at 120x40 in tmux,
# left alone for a minute. Reports
#   - time from exec to the first frame on the terminal (the header text in the byte stream),
#   - CPU time used over the window (schedstat, all threads) as % of one core,
#   - bytes written to the terminal over the window (tmux pipe-pane), clock updates included,
#   - resident memory at the end.
# Usage: bash scripts/measure-idle.sh [seconds=60] [extra orgtop args...]
# With ANTHROPIC_ADMIN_KEY and --base-url it measures the live path; by default the demo,
# whose embedded simulator runs in the same process and is counted too.
set -euo pipefail
cd "$(dirname "$0")/.."
window="${1:-60}"
shift || true

swift build -c release --product orgtop >/dev/null
binary="$(swift build -c release --show-bin-path)/orgtop"
socket="orgtop-measure-$$"
work="$(mktemp -d)"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

# A byte counter that stamps the first frame: it watches the stream for the header text.
cat >"$work/count.py" <<'PY'
import sys, time, os
out = sys.argv[1]
first = None
total = 0
marks = []
buf = b""
while True:
    chunk = os.read(0, 65536)
    if not chunk:
        break
    now = time.time()
    total += len(chunk)
    if first is None:
        buf += chunk
        if b"orgtop" in buf:
            first = now
    marks.append((now, total))
    with open(out, "w") as f:
        f.write(f"{first or 0} {total}\n")
        for t, n in marks[-1:]:
            f.write(f"{t} {n}\n")
PY

tmux -L "$socket" -f /dev/null new-session -d -s m -x 120 -y 40 "bash --norc --noprofile"
tmux -L "$socket" pipe-pane -t m -o "python3 $work/count.py $work/bytes"
start_ns=$(date +%s%N)
tmux -L "$socket" send-keys -t m "exec env TERM=tmux-256color $binary $*" Enter

for _ in $(seq 1 100); do
  [ -s "$work/bytes" ] && [ "$(cut -d' ' -f1 "$work/bytes" | head -1)" != "0" ] && break
  sleep 0.05
done
first=$(head -1 "$work/bytes" | cut -d' ' -f1)
python3 -c "print(f'first frame: {($first - $start_ns/1e9)*1000:.0f} ms after exec (includes tmux and shell exec)')"

pid=$(tmux -L "$socket" display-message -p -t m '#{pane_pid}')
# Let start-up fetches finish, then measure a quiet window.
sleep 15
# Nanoseconds on CPU summed over every thread (schedstat), finer than the 10 ms ticks of stat.
cpu_ns() { cat /proc/"$pid"/task/*/schedstat | awk '{s += $1} END {printf "%d", s}'; }
b0=$(head -1 "$work/bytes" | cut -d' ' -f2)
t0=$(cpu_ns)
sleep "$window"
t1=$(cpu_ns)
b1=$(head -1 "$work/bytes" | cut -d' ' -f2)
rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
python3 - <<PY
ns = $t1 - $t0
window = $window
print(f"cpu: {ns / 1e6:.1f} ms over {window} s = {ns / 1e9 / window * 100:.4f} % of one core")
print(f"bytes written: {$b1 - $b0} over {window} s = {($b1 - $b0) * 60 / window:.0f} bytes/min")
print(f"resident memory: {$rss / 1024:.1f} MiB")
PY
