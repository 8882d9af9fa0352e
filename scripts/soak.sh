#!/usr/bin/env bash
# Soak: the dashboard as a wall screen runs it for weeks, compressed into a window. A release
# build at 120x40 in tmux reads `orgtop simulate --keys N` (a live world: usage keeps growing)
# over loopback with a short refresh, and is sampled every 30 s:
#   - resident memory (VmRSS) and open file descriptors: they must stay flat,
#   - CPU time (user and system, /proc/PID/stat: exited threads included),
#   - every request the simulator served, timestamped, so that a missed refresh shows as a gap
#     longer than twice a path's refresh period between two of its requests (the reports: the
#     refresh interval; keys, members, invites, workspaces, spend limits: 5 min; organization
#     and rate limits: 10 min; the hourly per-key report for key flags: 15 min).
# Usage: bash scripts/soak.sh [minutes=30] [keys=10000] [refresh=15]
#        ORGTOP_BIN=path/to/orgtop bash scripts/soak.sh ...   (instead of the release build)
set -euo pipefail
cd "$(dirname "$0")/.."
minutes="${1:-30}"
keys="${2:-10000}"
refresh="${3:-15}"

if [ -n "${ORGTOP_BIN:-}" ]; then
  binary="$ORGTOP_BIN"
else
  swift build -c release --product orgtop >/dev/null
  binary="$(swift build -c release --show-bin-path)/orgtop"
fi
work="$(mktemp -d)"
socket="orgtop-soak-$$"
sim_pid=""
cleanup() {
  tmux -L "$socket" kill-server 2>/dev/null || true
  if [ -n "$sim_pid" ]; then kill "$sim_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# The simulator's request log, one line per request, stamped with the time it was printed.
cat >"$work/stamp.py" <<'PY'
import sys, time
for line in sys.stdin:
    sys.stdout.write(f"{time.time():.3f} {line}")
    sys.stdout.flush()
PY
# The stamper through a process substitution, not a pipe: `$!` is then the simulator itself,
# which the cleanup must stop (killing the last stage of a pipe left it running for good).
"$binary" simulate --port 0 --keys "$keys" --log 2>"$work/sim.err" \
  > >(python3 -u "$work/stamp.py" >"$work/sim.out") &
sim_pid=$!
for _ in $(seq 1 600); do
  grep -q ' admin_key=' "$work/sim.out" 2>/dev/null && break
  sleep 0.1
done
base_url=$(sed -n 's/^[0-9.]* base_url=//p' "$work/sim.out" | head -1)
# The key reaches the dashboard through a file its shell reads into the environment: never argv.
sed -n 's/^[0-9.]* admin_key=//p' "$work/sim.out" | head -1 >"$work/key"
chmod 600 "$work/key"

tmux -L "$socket" -f /dev/null new-session -d -s s -x 120 -y 40 "bash --norc --noprofile"
tmux -L "$socket" send-keys -t s \
  "export TERM=tmux-256color ANTHROPIC_ADMIN_KEY=\$(cat $work/key); exec $binary --base-url $base_url --refresh $refresh" Enter
sleep 2
pid=$(tmux -L "$socket" display-message -p -t s '#{pane_pid}')
# The process's user and system time from /proc/PID/stat, which keeps the time of threads that
# have exited (a sum of the live threads' schedstat loses it: Dispatch's pool threads come and
# go over a long run). Clock ticks (10 ms) are fine enough over minutes.
tick_ms=$((1000 / $(getconf CLK_TCK)))
cpu_ms() { awk -v t="$tick_ms" '{printf "%.0f", ($14 + $15) * t}' /proc/"$1"/stat; }

echo "soak: $minutes min, $keys keys, --refresh $refresh, pid $pid"
printf 'elapsed_s\trss_kib\tfds\tthreads\tcpu_ms\n' | tee "$work/samples.tsv"
start=$(date +%s)
end=$((start + minutes * 60))
while [ "$(date +%s)" -lt "$end" ]; do
  [ -d "/proc/$pid" ] || { echo "the dashboard exited"; exit 1; }
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  threads=$(awk '/Threads/ {print $2}' "/proc/$pid/status")
  fds=$(ls "/proc/$pid/fd" | wc -l)
  printf '%d\t%d\t%d\t%d\t%d\n' $(($(date +%s) - start)) "$rss" "$fds" "$threads" \
    "$(cpu_ms "$pid")" | tee -a "$work/samples.tsv"
  sleep 30
done
tmux -L "$socket" capture-pane -p -t s | tail -2

python3 - "$work/samples.tsv" "$work/sim.out" "$refresh" <<'PY'
import sys, collections
samples = [l.split("\t") for l in open(sys.argv[1]).read().splitlines()[1:]]
rows = [(int(a), int(b), int(c), int(d), int(e)) for a, b, c, d, e in samples]
warm = [r for r in rows if r[0] >= 120] or rows
rss = [r[1] for r in warm]
fds = [r[2] for r in warm]
print(f"resident memory after 2 min: first {rss[0]/1024:.1f} MiB, last {rss[-1]/1024:.1f} MiB, "
      f"min {min(rss)/1024:.1f}, max {max(rss)/1024:.1f} MiB")
print(f"open file descriptors after 2 min: min {min(fds)}, max {max(fds)}, last {fds[-1]}")
span = rows[-1][0] - rows[0][0]
cpu = rows[-1][4] - rows[0][4]
print(f"cpu: {cpu} ms over {span} s = {cpu / 10 / max(span, 1):.3f} % of one core")
refresh = float(sys.argv[3])
# Each path's refresh period (RefreshPolicy): the reports every refresh interval, the lists
# every 5 min, the organization and rate limits every 10 min, the hourly report every 15 min.
periods = {
    "/v1/organizations/api_keys": 300, "/v1/organizations/users": 300,
    "/v1/organizations/invites": 300, "/v1/organizations/workspaces": 300,
    "/v1/organizations/spend_limits": 300, "/v1/organizations/me": 600,
    "/v1/organizations/rate_limits": 600, "/v1/organizations/usage_report/messages": 900,
}
times = collections.defaultdict(list)
for line in open(sys.argv[2]):
    parts = line.split()
    if len(parts) > 2 and parts[1] == "GET":
        times[parts[2].split("?")[0]].append(float(parts[0]))
print("requests by path (count, largest gap between two requests after the first minute, period):")
first = min(t for ts in times.values() for t in ts)
missed = 0
for path, ts in sorted(times.items(), key=lambda kv: -len(kv[1])):
    late = [t for t in ts if t - first > 60]
    gap = max((b - a for a, b in zip(late, late[1:])), default=0)
    period = periods.get(path, refresh)
    flag = ""
    if span > 2 * period and gap > 2 * period:
        missed += 1
        flag = "  <- a refresh missed"
    print(f"  {len(ts):6d}  {gap:7.1f} s  {period:5.0f} s  {path}{flag}")
print(f"report paths with a missed refresh: {missed}")
PY
