#!/usr/bin/env python3
"""Conformance check of orgtop's Admin API simulator against the official Anthropic SDK.

Usage:
    CONFORMANCE_ADMIN_KEY=... python check_simulator.py --base-url http://127.0.0.1:PORT
    python check_simulator.py --self-test-only

The admin key is read from the environment (never argv, never printed). Every check prints
`PASS name` or `FAIL name: reason`; the last line is `N passed, N failed`; the exit status is
non-zero when any check failed.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import Runner, failing  # noqa: E402
from selftest import run_selftest  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--base-url", default=os.environ.get("CONFORMANCE_BASE_URL"))
    parser.add_argument("--self-test-only", action="store_true", help="only test the strict checker")
    parser.add_argument("--verbose", "-v", action="store_true", help="tracebacks for crashed checks")
    args = parser.parse_args()

    started = time.monotonic()
    runner = Runner(verbose=args.verbose)
    print("== strictness self-test (admin-api.md examples and broken variants)", flush=True)
    run_selftest(runner)

    if not args.self_test_only:
        key = os.environ.get("CONFORMANCE_ADMIN_KEY", "")
        if not args.base_url or not key:
            runner.run("setup.base_url_and_admin_key_given",
                       failing("need --base-url and CONFORMANCE_ADMIN_KEY in the environment"))
        else:
            run_live(runner, args.base_url, key)

    elapsed = time.monotonic() - started
    failures = [r for r in runner.results if not r.passed]
    if failures:
        print(f"\n== {len(failures)} failing check(s):")
        for result in failures:
            print(f"  {result.name}: {result.reason.splitlines()[0][:300]}")
    print(f"== {len(runner.results)} checks in {elapsed:.1f} s")
    print(f"{runner.passed} passed, {runner.failed} failed", flush=True)
    return 1 if runner.failed else 0


def run_live(runner: Runner, base_url: str, key: str) -> None:
    from checks_analytics import run_analytics_checks
    from checks_entities import run_entity_checks
    from checks_errors import run_error_checks, run_header_checks
    from checks_legacy import run_legacy_checks
    from checks_limits import run_limit_checks
    from live import Live

    live = Live(base_url, key)
    sections = [
        ("organization, API keys, users, invites, workspaces, members", run_entity_checks),
        ("rate limits and spend limits", run_limit_checks),
        ("usage and cost analytics", run_analytics_checks),
        ("legacy usage and cost reports", run_legacy_checks),
        ("errors and credentials", run_error_checks),
        ("headers on every response", run_header_checks),
    ]
    for title, section in sections:
        print(f"== {title}", flush=True)
        try:
            section(runner, live)
        except Exception as error:  # noqa: BLE001 - a crashed section is one failure, not a crash
            runner.run(f"section.{section.__name__}.completed",
                       failing(f"the section crashed: {type(error).__name__}: {error}"))


if __name__ == "__main__":
    sys.exit(main())
