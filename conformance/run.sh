#!/usr/bin/env bash
# Conformance check: orgtop's Admin API simulator against the official Anthropic Python SDK.
#
#   bash conformance/run.sh            # venv + build + simulator + every check
#
# Creates (or reuses) .venv-conformance/ at the repo root, installs the pinned requirements,
# builds orgtop, starts `orgtop simulate` on a free loopback port, runs
# conformance/check_simulator.py against it and always stops the simulator. Needs no stdin.
# The last line is `N passed, N failed`; the exit status is non-zero on any failure.
#
# Environment overrides:
#   ORGTOP_BIN             use this orgtop binary instead of building one
#   CONFORMANCE_SIM_ARGS   simulator options (default: --port 0 --seed 42 --frozen)
#   PYTHON                 interpreter used to create the venv (default: python3)
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

VENV="$PWD/.venv-conformance"
REQUIREMENTS="conformance/requirements.txt"
SIM_ARGS=${CONFORMANCE_SIM_ARGS:---port 0 --seed 42 --frozen}
SIM_LOG=""
SIM_PID=""

abort() {
  echo "conformance: $*" >&2
  echo "0 passed, 1 failed"
  exit 1
}

cleanup() {
  if [ -n "$SIM_PID" ] && kill -0 "$SIM_PID" 2>/dev/null; then
    kill "$SIM_PID" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$SIM_PID" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$SIM_PID" 2>/dev/null && kill -9 "$SIM_PID" 2>/dev/null
    wait "$SIM_PID" 2>/dev/null
  fi
  [ -n "$SIM_LOG" ] && rm -f "$SIM_LOG"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- Python environment
if [ ! -x "$VENV/bin/python" ]; then
  echo "== creating $VENV"
  "${PYTHON:-python3}" -m venv "$VENV" </dev/null || abort "cannot create a virtual environment"
fi
want=$(sha256sum "$REQUIREMENTS" | cut -d' ' -f1)
if [ "$(cat "$VENV/.requirements.sha256" 2>/dev/null)" != "$want" ]; then
  echo "== installing $REQUIREMENTS"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$REQUIREMENTS" </dev/null \
    || abort "pip install failed"
  echo "$want" >"$VENV/.requirements.sha256"
fi

# ---------------------------------------------------------------- orgtop binary
if [ -n "${ORGTOP_BIN:-}" ]; then
  BIN="$ORGTOP_BIN"
else
  echo "== swift build --product orgtop"
  swift build --product orgtop </dev/null 2>&1 | tail -n 5
  [ "${PIPESTATUS[0]}" -eq 0 ] || abort "swift build failed"
  BIN="$(swift build --show-bin-path)/orgtop"
fi
[ -x "$BIN" ] || abort "no orgtop binary at $BIN"

# ---------------------------------------------------------------- simulator
SIM_LOG=$(mktemp)
# shellcheck disable=SC2086 # SIM_ARGS is a list of options
"$BIN" simulate $SIM_ARGS </dev/null >"$SIM_LOG" 2>&1 &
SIM_PID=$!
base_url=""
admin_key=""
for _ in $(seq 1 300); do
  base_url=$(sed -n 's/^base_url=//p' "$SIM_LOG" | head -n 1)
  admin_key=$(sed -n 's/^admin_key=//p' "$SIM_LOG" | head -n 1)
  [ -n "$base_url" ] && [ -n "$admin_key" ] && break
  kill -0 "$SIM_PID" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$base_url" ] || [ -z "$admin_key" ]; then
  # Show what the simulator said, without its key line.
  grep -v '^admin_key=' "$SIM_LOG" | head -n 20 >&2
  abort "the simulator did not print base_url= and admin_key= (options: $SIM_ARGS)"
fi
echo "== simulator pid $SIM_PID at $base_url"

# ---------------------------------------------------------------- the check
# The key travels in the environment, never in argv or the output.
env -u ANTHROPIC_API_KEY -u ANTHROPIC_AUTH_TOKEN -u ANTHROPIC_BASE_URL \
  CONFORMANCE_ADMIN_KEY="$admin_key" \
  "$VENV/bin/python" conformance/check_simulator.py --base-url "$base_url" </dev/null
status=$?
exit "$status"
