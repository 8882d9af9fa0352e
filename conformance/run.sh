#!/usr/bin/env bash
# Conformance check: orgtop's Admin API simulator against the official Anthropic Python SDK.
#
#   bash conformance/run.sh            # venv + build + simulator + every check
#
# Creates (or reuses) .venv-conformance/ at the repo root, installs the pinned requirements,
# builds orgtop, starts two `orgtop simulate` on free loopback ports (the main one, and a
# variant with switches and fault injection), runs conformance/check_simulator.py against
# them and always stops both. Needs no stdin.
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
SIM_LOGS=()
SIM_PIDS=()

abort() {
  echo "conformance: $*" >&2
  echo "0 passed, 1 failed"
  exit 1
}

cleanup() {
  local pid
  for pid in "${SIM_PIDS[@]}"; do
    kill "$pid" 2>/dev/null
  done
  for pid in "${SIM_PIDS[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  done
  [ ${#SIM_LOGS[@]} -gt 0 ] && rm -f "${SIM_LOGS[@]}"
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
  build_log=$(mktemp)
  SIM_LOGS+=("$build_log")
  if ! swift build --product orgtop </dev/null >"$build_log" 2>&1; then
    grep -E "error:" "$build_log" | sort -u | head -n 10 >&2
    abort "swift build failed"
  fi
  tail -n 1 "$build_log"
  BIN="$(swift build --show-bin-path)/orgtop"
fi
[ -x "$BIN" ] || abort "no orgtop binary at $BIN"

# ---------------------------------------------------------------- simulators
# start_simulator NAME OPTIONS...: starts `orgtop simulate` in the background and sets
# NAME_url / NAME_key from the base_url= / admin_key= lines it prints first.
start_simulator() {
  local name=$1 log pid url="" key=""
  shift
  log=$(mktemp)
  SIM_LOGS+=("$log")
  "$BIN" simulate "$@" </dev/null >"$log" 2>&1 &
  pid=$!
  SIM_PIDS+=("$pid")
  for _ in $(seq 1 300); do
    url=$(sed -n 's/^base_url=//p' "$log" | head -n 1)
    key=$(sed -n 's/^admin_key=//p' "$log" | head -n 1)
    [ -n "$url" ] && [ -n "$key" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if [ -z "$url" ] || [ -z "$key" ]; then
    # Show what the simulator said, without its key line.
    grep -v '^admin_key=' "$log" | head -n 20 >&2
    abort "the $name simulator did not print base_url= and admin_key= (options: $*)"
  fi
  printf -v "${name}_url" '%s' "$url"
  printf -v "${name}_key" '%s' "$key"
  echo "== $name simulator (pid $pid) at $url"
}

# shellcheck disable=SC2086 # option lists
start_simulator main $SIM_ARGS
variant_args=$(cd conformance && "$VENV/bin/python" -c 'from checks_variant import VARIANT_ARGS; print(VARIANT_ARGS)') \
  || abort "cannot read the variant simulator options"
# shellcheck disable=SC2086
start_simulator variant --port 0 --seed 42 --frozen $variant_args

# ---------------------------------------------------------------- the check
# The key travels in the environment, never in argv or the output.
env -u ANTHROPIC_API_KEY -u ANTHROPIC_AUTH_TOKEN -u ANTHROPIC_BASE_URL \
  CONFORMANCE_ADMIN_KEY="$main_key" CONFORMANCE_VARIANT_ADMIN_KEY="$variant_key" \
  "$VENV/bin/python" conformance/check_simulator.py --base-url "$main_url" --variant-base-url "$variant_url" \
  </dev/null
status=$?
exit "$status"
