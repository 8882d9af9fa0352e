#!/usr/bin/env bash
# Exports check: every figure of `orgtop snapshot` (JSON, CSV, Prometheus) against sums that
# conformance/check_exports.py computes itself from the raw Admin API of the simulator.
#
#   bash conformance/exports.sh        # venv + build + one simulator per world + every check
#
# Creates (or reuses) .venv-exports/ at the repo root, installs the pinned
# conformance/exports-requirements.txt, builds orgtop, starts one `orgtop simulate --port 0
# --frozen` per world of check_exports.WORLDS (seeds, key counts, analytics or legacy reports),
# runs conformance/check_exports.py against them and always stops them. Needs no stdin.
# The last line is `N passed, N failed`; the exit status is non-zero on any failure.
#
# Environment overrides:
#   ORGTOP_BIN    use this orgtop binary instead of building one
#   EXPORTS_JOBS  worlds checked at once (default 2)
#   PYTHON        interpreter used to create the venv (default: python3)
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

VENV="$PWD/.venv-exports"
REQUIREMENTS="conformance/exports-requirements.txt"
SIM_LOGS=()
SIM_PIDS=()

abort() {
  echo "exports: $*" >&2
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

started=$SECONDS

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
worlds=$("$VENV/bin/python" conformance/check_exports.py --list-worlds </dev/null) \
  || abort "cannot read the worlds from check_exports.py"

# Start every simulator first (they build their worlds in parallel), then read their lines.
names=()
logs=()
while read -r name options; do
  [ -n "$name" ] || continue
  log=$(mktemp)
  SIM_LOGS+=("$log")
  # shellcheck disable=SC2086 # option list
  "$BIN" simulate --port 0 --frozen $options </dev/null >"$log" 2>&1 &
  SIM_PIDS+=("$!")
  names+=("$name")
  logs+=("$log")
done <<<"$worlds"
[ ${#names[@]} -gt 0 ] || abort "no worlds"

world_args=()
for i in "${!names[@]}"; do
  name=${names[$i]} log=${logs[$i]} pid=${SIM_PIDS[$i]} url="" key=""
  for _ in $(seq 1 600); do
    url=$(sed -n 's/^base_url=//p' "$log" | head -n 1)
    key=$(sed -n 's/^admin_key=//p' "$log" | head -n 1)
    [ -n "$url" ] && [ -n "$key" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if [ -z "$url" ] || [ -z "$key" ]; then
    grep -v '^admin_key=' "$log" | head -n 20 >&2
    abort "the $name simulator did not print base_url= and admin_key="
  fi
  echo "== $name simulator (pid $pid) at $url"
  world_args+=(--world "$name" "$url")
  # The key travels in the environment (exported by the shell builtin), never in argv or the output.
  env_name="EXPORTS_ADMIN_KEY_$(tr 'a-z-' 'A-Z_' <<<"$name" | tr -c 'A-Z0-9_\n' '_')"
  export "$env_name=$key"
done

# ---------------------------------------------------------------- the check
echo "== checking (set-up took $((SECONDS - started)) s)"
env -u ANTHROPIC_ADMIN_API_KEY -u ORGTOP_BASE_URL -u ANTHROPIC_BASE_URL ORGTOP_BIN="$BIN" \
  "$VENV/bin/python" conformance/check_exports.py --jobs "${EXPORTS_JOBS:-2}" "${world_args[@]}" </dev/null
exit $?
