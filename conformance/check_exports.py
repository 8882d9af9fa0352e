#!/usr/bin/env python3
"""Independent check of `orgtop snapshot` (JSON, CSV, Prometheus) against sums of the raw API.

Usage (normally through conformance/exports.sh, which starts one simulator per world):
    python check_exports.py --list-worlds
    EXPORTS_ADMIN_KEY_<WORLD>=... ORGTOP_BIN=... \
        python check_exports.py --world NAME URL [--world NAME URL ...]

For every world this script reads the Admin API itself (urllib, every page followed), adds
the money up with `Decimal` (cents / 100 = dollars) and the tokens with ints, asking the
server for groupings that differ from orgtop's own (orgtop: api_key_id + model +
workspace_id, one query), and asserts that every figure of `orgtop snapshot --format json`
is exactly that. The CSV (parsed with `csv`, RFC 4180) and the Prometheus text (parsed with
prometheus_client) are then checked against the JSON. Two worlds first rename some keys,
through the documented `POST /v1/organizations/api_keys/{id}`, to names with commas,
quotes, CR/LF, tabs, backslashes and escape sequences, so that both exports must round-trip
them.

Expectations come from admin-api.md (wire reference), never from orgtop's code. Admin keys are
read from the environment, never from argv, and never printed. Every check prints
`PASS world: name` or `FAIL world: name: reason`; the last line is `N passed, N failed`; the
exit status is non-zero when any check failed.
"""

from __future__ import annotations

import argparse
import copy
import csv
import io
import json
import math
import os
import re
import subprocess
import sys
import threading
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from decimal import Decimal
from typing import Any, Callable, Iterable

API_VERSION = "2026-10-21"
ANALYTICS_BETA = "analytics-usage-cost-2026-08-24"
CENTS_PER_DOLLAR = Decimal(100)
ZERO = Decimal(0)
KINDS = ("uncached_input", "cache_creation", "cache_read", "output", "total")
PART_KINDS = KINDS[:-1]
REL_TOL = 1e-9
# orgtop's label for legacy cost rows that name no model (web search, code execution).
NO_MODEL = "(no model)"
CSV_HEADER = [
    "key_id", "key_name", "workspace_id", "workspace_name", "model",
    "uncached_input_tokens", "cache_creation_tokens", "cache_read_tokens", "output_tokens",
    "total_tokens", "cost_usd",
]
CSV_TOKEN_COLUMNS = dict(zip(CSV_HEADER[5:10], KINDS))
MONEY = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")

# (name, reports family, simulator options, rename keys to HOSTILE_NAMES first).
# exports.sh starts `orgtop simulate --port 0 --frozen <options>` for each.
WORLDS = [
    ("s7-k10000", "analytics", "--seed 7 --keys 10000", False),
    ("s1-k48", "analytics", "--seed 1 --keys 48", True),
    ("s42-k300", "analytics", "--seed 42 --keys 300", False),
    ("s42-k48-legacy", "legacy", "--seed 42 --keys 48 --analytics absent", True),
    ("s1-k300-legacy", "legacy", "--seed 1 --keys 300 --analytics absent", False),
]

# Names an export must carry verbatim. The simulator's own catalogue has only one hostile
# name (terminal escapes); these are set through the update endpoint (admin-api.md §6.4).
HOSTILE_NAMES = [
    "comma, inside",
    'say "hello"',
    '"',
    ",",
    "line one\nline two",
    "crlf\r\nend",
    "lone\rcarriage return",
    "back\\slash \\n not a newline",
    "tab\there",
    "=SUM(A1:A2)",
    " padded ",
    "\u2028line separator",
    '\x1b[31mred\x1b[0m, "quoted"\n',
]
UNUSED_HOSTILE = 2  # of HOSTILE_NAMES, given to keys without usage (JSON / Prometheus only)


# ---------------------------------------------------------------------------- results


class CheckFailed(Exception):
    """An expectation did not hold; the message is the reason shown."""


@dataclass
class Result:
    world: str
    name: str
    passed: bool
    reason: str = ""


@dataclass
class Results:
    items: list[Result] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def check(self, world: str, name: str, fn: Callable[[], None]) -> bool:
        try:
            fn()
            result = Result(world, name, True)
        except CheckFailed as failure:
            result = Result(world, name, False, str(failure))
        except Exception as error:  # a crash is a failure too, with where it happened
            where = traceback.extract_tb(error.__traceback__)[-1]
            result = Result(world, name, False,
                            f"{type(error).__name__}: {error} (line {where.lineno})")
        with self.lock:
            self.items.append(result)
        return result.passed

    @property
    def passed(self) -> int:
        return sum(1 for r in self.items if r.passed)

    @property
    def failed(self) -> int:
        return sum(1 for r in self.items if not r.passed)


def expect(condition: bool, reason: str) -> None:
    if not condition:
        raise CheckFailed(reason)


def expect_none(problems: list[str], what: str = "") -> None:
    """Fail listing the first few problems, with how many there are."""
    if problems:
        shown = "; ".join(problems[:5])
        more = f" (+{len(problems) - 5} more)" if len(problems) > 5 else ""
        raise CheckFailed(f"{what}{len(problems)} mismatch(es): {shown}{more}")


def show(value: Any) -> str:
    return repr(value) if isinstance(value, str) else str(value)


def compare(problems: list[str], path: str, expected: Any, got: Any) -> None:
    if expected != got:
        problems.append(f"{path}: expected {show(expected)}, got {show(got)}")


# ---------------------------------------------------------------------------- the raw API


class Api:
    """The Admin API through urllib alone: headers of admin-api.md §1.3, every page followed."""

    def __init__(self, base_url: str, key: str) -> None:
        self.base_url = base_url.rstrip("/")
        self.key = key
        self.requests = 0

    def _call(self, method: str, path: str, params: Iterable[tuple[str, str]] = (),
              body: dict | None = None, beta: bool = False) -> Any:
        query = urllib.parse.urlencode(list(params), quote_via=urllib.parse.quote)
        headers = {"x-api-key": self.key, "anthropic-version": API_VERSION,
                   "accept": "application/json", "user-agent": "orgtop-exports-check"}
        if beta:
            headers["anthropic-beta"] = ANALYTICS_BETA
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["content-type"] = "application/json"
        url = self.base_url + path + (f"?{query}" if query else "")
        for attempt in range(4):
            self.requests += 1
            request = urllib.request.Request(url, data=data, method=method, headers=headers)
            try:
                with urllib.request.urlopen(request, timeout=60) as response:
                    return json.loads(response.read().decode("utf-8"))
            except urllib.error.HTTPError as error:
                text = error.read().decode("utf-8", "replace")
                if error.code in (429, 500, 503, 529) and attempt < 3:
                    time.sleep(0.5 * (attempt + 1))
                    continue
                raise RuntimeError(f"{method} {path}: HTTP {error.code}: {text[:300]}") from None
        raise AssertionError("unreachable")

    def get(self, path: str, params: Iterable[tuple[str, str]] = (), beta: bool = False) -> Any:
        return self._call("GET", path, params, beta=beta)

    def post(self, path: str, body: dict) -> Any:
        return self._call("POST", path, body=body)

    def id_list(self, path: str, params: list[tuple[str, str]] = ()) -> list[dict]:
        """ID-cursor list (§2): repeat the params plus after_id=<last_id> until has_more is false."""
        params = list(params) + [("limit", "1000")]
        items: list[dict] = []
        after: str | None = None
        while True:
            page = self.get(path, params + ([("after_id", after)] if after else []))
            items.extend(page["data"])
            if not page["has_more"] or not page["data"] or not page.get("last_id"):
                return items
            after = page["last_id"]

    def report(self, path: str, params: list[tuple[str, str]], beta: bool) -> list[dict]:
        """Report cursor (§2): repeat the params plus page=<next_page> until has_more is false."""
        rows: list[dict] = []
        page_token: str | None = None
        while True:
            page = self.get(path, params + ([("page", page_token)] if page_token else []), beta)
            rows.extend(page["data"])
            if not page["has_more"] or not page.get("next_page"):
                return rows
            page_token = page["next_page"]


def zero_tokens() -> dict[str, int]:
    return dict.fromkeys(KINDS, 0)


def add_tokens(into: dict[str, int], more: dict[str, int]) -> None:
    for kind in KINDS:
        into[kind] += more[kind]


def analytics_tokens(usage: dict, wire_problems: list[str]) -> dict[str, int]:
    """Tokens of one analytics usage row (§13.3): total is the row's total_tokens."""
    creation = usage["cache_creation"]
    tokens = {
        "uncached_input": usage["uncached_input_tokens"],
        "cache_creation": creation["ephemeral_5m_input_tokens"] + creation["ephemeral_1h_input_tokens"],
        "cache_read": usage["cache_read_input_tokens"],
        "output": usage["output_tokens"],
        "total": usage["total_tokens"],
    }
    parts = sum(tokens[kind] for kind in PART_KINDS)
    if parts != tokens["total"]:
        wire_problems.append(f"analytics total_tokens {tokens['total']} != sum of parts {parts}")
    return tokens


def legacy_tokens(row: dict) -> dict[str, int]:
    """Tokens of one legacy usage_report row (§13.5): no total field, so the sum of the parts."""
    creation = row["cache_creation"]
    tokens = {
        "uncached_input": row["uncached_input_tokens"],
        "cache_creation": creation["ephemeral_5m_input_tokens"] + creation["ephemeral_1h_input_tokens"],
        "cache_read": row["cache_read_input_tokens"],
        "output": row["output_tokens"],
    }
    tokens["total"] = sum(tokens.values())
    return tokens


# ---------------------------------------------------------------------------- expectations


@dataclass
class Expected:
    """Every figure of the snapshot, computed here from the raw API."""

    mode: str
    keys: list[dict]
    users: list[dict]
    workspaces: list[dict]
    default_workspace_ids: set[str]
    total_usd: Decimal
    keys_usd: Decimal | None
    no_key_usd: Decimal | None
    tokens: dict[str, int]
    model_cost: dict[str, Decimal]
    model_tokens: dict[str, dict[str, int]]
    key_cost: dict[str, Decimal] | None
    key_tokens: dict[str, dict[str, int]]
    key_model_cost: dict[tuple[str, str], Decimal] | None
    key_model_tokens: dict[tuple[str, str], dict[str, int]]
    workspace_cost: dict[str, Decimal]
    workspace_tokens: dict[str, dict[str, int]]
    workspace_no_key_cost: dict[str, Decimal] | None
    no_key_cost: dict[tuple[str, str], Decimal] | None
    no_key_tokens: dict[tuple[str, str], dict[str, int]]
    wire_problems: list[str]
    cross_problems: list[str]


def key_workspace(key: dict) -> str | None:
    """§6.1: scope.workspace_id, else the older top-level workspace_id."""
    scope = key.get("scope") or {}
    if scope.get("type") == "workspace":
        return scope.get("workspace_id")
    return key.get("workspace_id")


def fetch_entities(api: Api) -> tuple[list[dict], list[dict], list[dict], set[str]]:
    keys = api.id_list("/v1/organizations/api_keys")
    users = api.id_list("/v1/organizations/users")
    workspaces = api.id_list("/v1/organizations/workspaces",
                             [("include_default", "true"), ("include_archived", "true")])
    without_default = api.id_list("/v1/organizations/workspaces", [("include_archived", "true")])
    default_ids = {w["id"] for w in workspaces} - {w["id"] for w in without_default}
    return keys, users, workspaces, default_ids


def expect_analytics(api: Api, start: str, end: str) -> Expected:
    keys, users, workspaces, default_ids = fetch_entities(api)
    wire: list[str] = []
    cross: list[str] = []
    window = [("starting_at", start), ("ending_at", end)]

    def rows(path: str, group_by: tuple[str, ...] = (), extra: tuple = ()) -> list[dict]:
        params = window + [("group_by[]", g) for g in group_by] + list(extra) + [("limit", "1000")]
        return api.report(f"/v1/organizations/analytics/{path}", params, beta=True)

    def cost(group_by: tuple[str, ...] = (), extra: tuple = ()) -> dict[Any, Decimal]:
        sums: dict[Any, Decimal] = defaultdict(Decimal)
        for row in rows("cost", group_by, extra):
            if row["cost"]["currency"] != "USD":
                wire.append(f"currency {row['cost']['currency']!r}")
            group = tuple(row["group"][g] for g in group_by)
            sums[group[0] if len(group) == 1 else group] += Decimal(row["cost"]["amount"]) / CENTS_PER_DOLLAR
        return sums

    def usage(group_by: tuple[str, ...] = (), extra: tuple = ()) -> dict[Any, dict[str, int]]:
        sums: dict[Any, dict[str, int]] = defaultdict(zero_tokens)
        for row in rows("usage", group_by, extra):
            group = tuple(row["group"][g] for g in group_by)
            add_tokens(sums[group[0] if len(group) == 1 else group], analytics_tokens(row["usage"], wire))
        return sums

    no_key_filter = (("api_key_ids[]", ""),)  # §13.3: an empty entry matches usage without a key

    total_usd = sum(cost().values(), ZERO)
    by_key = cost(("api_key_id",))
    keys_usd = sum((v for k, v in by_key.items() if k is not None), ZERO)
    no_key_usd = sum(cost(extra=no_key_filter).values(), ZERO)
    if by_key.get(None, ZERO) != no_key_usd:
        cross.append(f"no-key cost: grouped by api_key_id {by_key.get(None, ZERO)} "
                     f"vs filtered api_key_ids[]= {no_key_usd}")
    if keys_usd + no_key_usd != total_usd:
        cross.append(f"keys {keys_usd} + no key {no_key_usd} != ungrouped total {total_usd}")
    tokens = usage().get((), zero_tokens())

    no_key_cost = {(w, m): v for (w, m), v in cost(("workspace_id", "model"), no_key_filter).items()}
    no_key_tokens = {(w, m): v for (w, m), v in usage(("workspace_id", "model"), no_key_filter).items()}
    workspace_no_key: dict[str, Decimal] = defaultdict(Decimal)
    for (workspace, _), value in no_key_cost.items():
        workspace_no_key[workspace] += value
    if sum(workspace_no_key.values(), ZERO) != no_key_usd:
        cross.append("no-key cost by workspace and model does not add up to the no-key total")

    return Expected(
        mode="analytics", keys=keys, users=users, workspaces=workspaces, default_workspace_ids=default_ids,
        total_usd=total_usd, keys_usd=keys_usd, no_key_usd=no_key_usd, tokens=tokens,
        model_cost=dict(cost(("model",))), model_tokens=dict(usage(("model",))),
        key_cost={k: v for k, v in by_key.items() if k is not None},
        key_tokens={k: v for k, v in usage(("api_key_id",)).items() if k is not None},
        key_model_cost={k: v for k, v in cost(("api_key_id", "model")).items() if k[0] is not None},
        key_model_tokens={k: v for k, v in usage(("api_key_id", "model")).items() if k[0] is not None},
        workspace_cost=dict(cost(("workspace_id",))), workspace_tokens=dict(usage(("workspace_id",))),
        workspace_no_key_cost=dict(workspace_no_key),
        no_key_cost=no_key_cost, no_key_tokens=no_key_tokens, wire_problems=wire, cross_problems=cross,
    )


def expect_legacy(api: Api, start: str, end: str) -> Expected:
    keys, users, workspaces, default_ids = fetch_entities(api)
    wire: list[str] = []
    cross: list[str] = []
    if len(default_ids) != 1:
        raise RuntimeError(f"expected one Default workspace, found {sorted(default_ids)}")
    default_id = next(iter(default_ids))
    window = [("starting_at", start), ("ending_at", end)]

    def usage(group_by: tuple[str, ...] = ()) -> dict[Any, dict[str, int]]:
        # Hourly buckets (orgtop reads daily ones): 168 per page.
        params = window + [("bucket_width", "1h")] + [("group_by[]", g) for g in group_by] + [("limit", "168")]
        sums: dict[Any, dict[str, int]] = defaultdict(zero_tokens)
        for bucket in api.report("/v1/organizations/usage_report/messages", params, beta=False):
            for row in bucket["results"]:
                group = tuple(row[g] if g != "workspace_id" else (row[g] or default_id) for g in group_by)
                add_tokens(sums[group[0] if len(group) == 1 else group], legacy_tokens(row))
        return sums

    def cost(group_by: str | None = None) -> dict[Any, Decimal]:
        params = window + ([("group_by[]", group_by)] if group_by else []) + [("limit", "31")]
        sums: dict[Any, Decimal] = defaultdict(Decimal)
        for bucket in api.report("/v1/organizations/cost_report", params, beta=False):
            for row in bucket["results"]:
                if row["currency"] != "USD":
                    wire.append(f"currency {row['currency']!r}")
                if group_by == "workspace_id":
                    group: Any = row["workspace_id"] or default_id  # §16 #10: null = Default
                elif group_by == "description":
                    group = row["model"] or NO_MODEL
                else:
                    group = None
                sums[group] += Decimal(row["amount"]) / CENTS_PER_DOLLAR
        return sums

    total_usd = sum(cost().values(), ZERO)
    by_key_model_workspace = usage(("api_key_id", "workspace_id", "model"))
    no_key_tokens = {(w, m): v for (k, w, m), v in by_key_model_workspace.items() if k is None}
    return Expected(
        mode="legacy", keys=keys, users=users, workspaces=workspaces, default_workspace_ids=default_ids,
        total_usd=total_usd, keys_usd=None, no_key_usd=None, tokens=usage().get((), zero_tokens()),
        model_cost=dict(cost("description")), model_tokens=dict(usage(("model",))),
        key_cost=None,
        key_tokens={k: v for k, v in usage(("api_key_id",)).items() if k is not None},
        key_model_cost=None,
        key_model_tokens={k: v for k, v in usage(("api_key_id", "model")).items() if k[0] is not None},
        workspace_cost=dict(cost("workspace_id")), workspace_tokens=dict(usage(("workspace_id",))),
        workspace_no_key_cost=None, no_key_cost=None, no_key_tokens=no_key_tokens,
        wire_problems=wire, cross_problems=cross,
    )


# ---------------------------------------------------------------------------- the snapshot JSON


def money(value: Any) -> Decimal | None:
    """A snapshot money field: a plain decimal string in dollars, or null."""
    if value is None:
        return None
    if not isinstance(value, str) or not MONEY.match(value):
        raise CheckFailed(f"money {value!r} is not a plain decimal string")
    return Decimal(value)


def compare_money(problems: list[str], path: str, expected: Decimal | None, got: Any) -> None:
    try:
        value = money(got)
    except CheckFailed as error:
        problems.append(f"{path}: {error}")
        return
    if expected is None or value is None:
        if expected is not value:
            problems.append(f"{path}: expected {expected}, got {got!r}")
    elif value != expected:
        problems.append(f"{path}: expected {expected}, got {got} (off by {value - expected})")


def compare_tokens(problems: list[str], path: str, expected: dict[str, int] | None, got: Any) -> None:
    if expected is None:
        if got is not None:
            problems.append(f"{path}: expected null, got {got}")
        return
    if not isinstance(got, dict):
        problems.append(f"{path}: expected {expected}, got {got!r}")
        return
    for kind in KINDS:
        value = got.get(kind)
        if type(value) is not int or value != expected[kind]:
            problems.append(f"{path}.{kind}: expected {expected[kind]}, got {value!r}")


def check_json(results: Results, world: str, mode: str, snap: dict, exp: Expected) -> None:
    def check(name: str, fn: Callable[[], None]) -> None:
        results.check(world, name, fn)

    analytics = mode == "analytics"
    cost = snap["cost"]

    def source() -> None:
        expect(snap["source"]["reports"] == mode, f"source.reports {snap['source']['reports']!r}, not {mode!r}")
        expect(snap["errors"] == [], f"errors: {snap['errors']}")

    def window() -> None:
        generated = datetime.strptime(snap["generated_at"], "%Y-%m-%dT%H:%M:%SZ")
        month_start = generated.replace(day=1, hour=0, minute=0, second=0).strftime("%Y-%m-%dT%H:%M:%SZ")
        expect(snap["window"]["start"] == month_start,
               f"window.start {snap['window']['start']}, not the month start {month_start}")

    def independent_sums_agree() -> None:
        expect_none(exp.wire_problems + exp.cross_problems, "the API disagrees with itself: ")

    def total() -> None:
        problems: list[str] = []
        compare_money(problems, "cost.total_usd", exp.total_usd, cost["total_usd"])
        expect_none(problems)

    def keys_and_no_key() -> None:
        problems: list[str] = []
        compare_money(problems, "cost.keys_usd", exp.keys_usd, cost["keys_usd"])
        compare_money(problems, "cost.no_key_usd", exp.no_key_usd, cost["no_key_usd"])
        expect_none(problems)

    def parts_add_up() -> None:
        got = money(cost["keys_usd"]) + money(cost["no_key_usd"])
        expect(got == money(cost["total_usd"]),
               f"keys_usd {cost['keys_usd']} + no_key_usd {cost['no_key_usd']} = {got} != total_usd {cost['total_usd']}")

    def workspaces_add_up() -> None:
        got = sum((money(w["cost_usd"]) for w in snap["workspaces"]), ZERO)
        expect(got == money(cost["total_usd"]), f"sum of workspaces[].cost_usd {got} != total_usd {cost['total_usd']}")

    def keys_add_up() -> None:
        got = sum((money(k["cost_usd"]) for k in snap["keys"]), ZERO)
        expect(got == money(cost["keys_usd"]), f"sum of keys[].cost_usd {got} != keys_usd {cost['keys_usd']}")

    def tokens() -> None:
        problems: list[str] = []
        compare_tokens(problems, "tokens", exp.tokens, snap["tokens"])
        expect_none(problems)

    def by_model() -> None:
        problems: list[str] = []
        got = {m["model"]: m for m in cost["by_model"]}
        expect(len(got) == len(cost["by_model"]), "a model appears twice in cost.by_model")
        models = set(exp.model_cost) | set(exp.model_tokens)
        compare(problems, "cost.by_model models", sorted(models, key=str), sorted(got, key=str))
        for model in models & set(got):
            compare_money(problems, f"cost.by_model[{model}].cost_usd", exp.model_cost.get(model, ZERO),
                          got[model]["cost_usd"])
            expected_tokens = exp.model_tokens.get(model)
            if expected_tokens is None and model != NO_MODEL:
                expected_tokens = zero_tokens()
            compare_tokens(problems, f"cost.by_model[{model}].tokens", expected_tokens, got[model]["tokens"])
        expect_none(problems)

    api_keys = {k["id"]: k for k in exp.keys}
    snap_keys = {k["id"]: k for k in snap["keys"]}
    users = {u["id"]: u for u in exp.users}
    workspace_names = {w["id"]: w["name"] for w in exp.workspaces}

    def key_set() -> None:
        expect(len(snap_keys) == len(snap["keys"]), "a key id appears twice in keys[]")
        missing = sorted(set(api_keys) - set(snap_keys))
        extra = sorted(set(snap_keys) - set(api_keys))
        expect(not missing and not extra,
               f"{len(api_keys)} keys in the API, {len(snap_keys)} in the snapshot; "
               f"missing {missing[:5]}, unknown {extra[:5]}")

    def key_fields() -> None:
        problems: list[str] = []
        for key_id in sorted(set(api_keys) & set(snap_keys)):
            want, got = api_keys[key_id], snap_keys[key_id]
            compare(problems, f"keys[{key_id}].name", want["name"], got["name"])
            compare(problems, f"keys[{key_id}].status", want["status"], got["status"])
            compare(problems, f"keys[{key_id}].workspace_id", key_workspace(want), got["workspace_id"])
            # §6.1: scope {"type": "organization"} is a key in no workspace (not the Default one),
            # so its workspace_name must name no workspace (null or empty).
            if key_workspace(want):
                compare(problems, f"keys[{key_id}].workspace_name", workspace_names.get(key_workspace(want)),
                        got.get("workspace_name"))
            elif got.get("workspace_name") not in (None, ""):
                problems.append(f"keys[{key_id}].workspace_name: scope is organization (no workspace), "
                                f"got {got.get('workspace_name')!r}")
            creator = want["created_by"]
            got_creator = got["created_by"]
            if creator is None:
                compare(problems, f"keys[{key_id}].created_by", None, got_creator)
            else:
                compare(problems, f"keys[{key_id}].created_by.id", creator["id"], (got_creator or {}).get("id"))
                compare(problems, f"keys[{key_id}].created_by.type", creator["type"], (got_creator or {}).get("type"))
                if creator["type"] == "user" and creator["id"] in users:
                    compare(problems, f"keys[{key_id}].created_by.name", users[creator["id"]]["name"],
                            (got_creator or {}).get("name"))
        expect_none(problems)

    def key_cost() -> None:
        problems: list[str] = []
        for key_id in sorted(set(api_keys) & set(snap_keys)):
            want = None if exp.key_cost is None else exp.key_cost.get(key_id, ZERO)
            compare_money(problems, f"keys[{key_id}].cost_usd", want, snap_keys[key_id]["cost_usd"])
        unknown = sorted(set(exp.key_cost or {}) - set(api_keys))
        expect(not unknown, f"cost reported for keys not in the key list: {unknown[:5]}")
        expect_none(problems)

    def key_tokens() -> None:
        problems: list[str] = []
        for key_id in sorted(set(api_keys) & set(snap_keys)):
            compare_tokens(problems, f"keys[{key_id}].tokens", exp.key_tokens.get(key_id, zero_tokens()),
                           snap_keys[key_id]["tokens"])
        expect_none(problems)

    def key_by_model() -> None:
        problems: list[str] = []
        expected: dict[str, set[str]] = defaultdict(set)
        for key_id, model in list(exp.key_model_tokens) + list(exp.key_model_cost or {}):
            expected[key_id].add(model)
        for key_id in sorted(set(api_keys) & set(snap_keys)):
            got = {m["model"]: m for m in snap_keys[key_id]["by_model"]}
            compare(problems, f"keys[{key_id}].by_model models", sorted(expected[key_id]), sorted(got))
            for model in expected[key_id] & set(got):
                pair = (key_id, model)
                want = None if exp.key_model_cost is None else exp.key_model_cost.get(pair, ZERO)
                compare_money(problems, f"keys[{key_id}].by_model[{model}].cost_usd", want, got[model]["cost_usd"])
                compare_tokens(problems, f"keys[{key_id}].by_model[{model}].tokens",
                               exp.key_model_tokens.get(pair, zero_tokens()), got[model]["tokens"])
        expect_none(problems)

    api_workspaces = {w["id"]: w for w in exp.workspaces}
    snap_workspaces = {w["id"]: w for w in snap["workspaces"]}

    def workspace_set() -> None:
        expect(len(snap_workspaces) == len(snap["workspaces"]), "a workspace id appears twice")
        compare_sets = (sorted(api_workspaces), sorted(snap_workspaces))
        expect(compare_sets[0] == compare_sets[1],
               f"workspaces in the API (Default and archived included) {compare_sets[0]}, "
               f"in the snapshot {compare_sets[1]}")

    def workspace_fields() -> None:
        problems: list[str] = []
        expect(len(exp.default_workspace_ids) == 1, f"Default workspaces: {exp.default_workspace_ids}")
        for ws_id in sorted(set(api_workspaces) & set(snap_workspaces)):
            want, got = api_workspaces[ws_id], snap_workspaces[ws_id]
            compare(problems, f"workspaces[{ws_id}].name", want["name"], got["name"])
            compare(problems, f"workspaces[{ws_id}].default", ws_id in exp.default_workspace_ids, got["default"])
            if ws_id in exp.default_workspace_ids:
                compare(problems, f"workspaces[{ws_id}] Default name", "Default", got["name"])
        expect_none(problems)

    def workspace_key_counts() -> None:
        # A key counts in the workspace of its scope; an organization-scoped key in none (§6.1).
        problems: list[str] = []
        for ws_id in sorted(set(api_workspaces) & set(snap_workspaces)):
            keys = [k for k in exp.keys if key_workspace(k) == ws_id]
            compare(problems, f"workspaces[{ws_id}].keys", len(keys), snap_workspaces[ws_id]["keys"])
            compare(problems, f"workspaces[{ws_id}].active_keys",
                    sum(1 for k in keys if k["status"] == "active"), snap_workspaces[ws_id]["active_keys"])
        expect_none(problems)

    def workspace_cost() -> None:
        problems: list[str] = []
        unknown = sorted(set(exp.workspace_cost) - set(api_workspaces), key=str)
        expect(not unknown, f"cost reported for unknown workspaces {unknown}")
        for ws_id in sorted(set(api_workspaces) & set(snap_workspaces)):
            got = snap_workspaces[ws_id]
            compare_money(problems, f"workspaces[{ws_id}].cost_usd", exp.workspace_cost.get(ws_id, ZERO),
                          got["cost_usd"])
            want_no_key = None if exp.workspace_no_key_cost is None else exp.workspace_no_key_cost.get(ws_id, ZERO)
            compare_money(problems, f"workspaces[{ws_id}].no_key_cost_usd", want_no_key, got["no_key_cost_usd"])
        expect_none(problems)

    def workspace_tokens() -> None:
        problems: list[str] = []
        for ws_id in sorted(set(api_workspaces) & set(snap_workspaces)):
            compare_tokens(problems, f"workspaces[{ws_id}].tokens", exp.workspace_tokens.get(ws_id, zero_tokens()),
                           snap_workspaces[ws_id]["tokens"])
        expect_none(problems)

    snap_members = {m["id"]: m for m in snap["members"]}

    def member_set() -> None:
        expect(sorted(users) == sorted(snap_members),
               f"users in the API {len(users)}, members in the snapshot {len(snap_members)}")

    def member_figures() -> None:
        problems: list[str] = []
        for user_id in sorted(set(users) & set(snap_members)):
            created = [k for k in exp.keys
                       if k["created_by"] and k["created_by"]["type"] == "user" and k["created_by"]["id"] == user_id]
            got = snap_members[user_id]
            compare(problems, f"members[{user_id}].keys", len(created), got["keys"])
            compare(problems, f"members[{user_id}].active_keys",
                    sum(1 for k in created if k["status"] == "active"), got["active_keys"])
            want = None if exp.key_cost is None else sum((exp.key_cost.get(k["id"], ZERO) for k in created), ZERO)
            compare_money(problems, f"members[{user_id}].cost_usd", want, got["cost_usd"])
        expect_none(problems)

    def no_key_usage() -> None:
        problems: list[str] = []
        got = {(r["workspace_id"], r["model"]): r for r in snap["no_key_usage"]}
        expect(len(got) == len(snap["no_key_usage"]), "a (workspace, model) appears twice in no_key_usage")
        pairs = set(exp.no_key_tokens) | set(exp.no_key_cost or {})
        compare(problems, "no_key_usage (workspace, model) pairs", sorted(pairs), sorted(got))
        for pair in pairs & set(got):
            want = None if exp.no_key_cost is None else exp.no_key_cost.get(pair, ZERO)
            compare_money(problems, f"no_key_usage[{pair[0]}, {pair[1]}].cost_usd", want, got[pair]["cost_usd"])
            compare_tokens(problems, f"no_key_usage[{pair[0]}, {pair[1]}].tokens",
                           exp.no_key_tokens.get(pair, zero_tokens()), got[pair]["tokens"])
            compare(problems, f"no_key_usage[{pair[0]}, {pair[1]}].workspace_name",
                    workspace_names.get(pair[0]), got[pair].get("workspace_name"))
        expect_none(problems)

    check("json: source.reports is the expected family, no errors", source)
    check("json: window.start is 00:00Z on the 1st of generated_at's month", window)
    check("api: independent groupings agree with each other", independent_sums_agree)
    check("json: cost.total_usd = ungrouped report total", total)
    check("json: tokens (5 kinds) = ungrouped usage", tokens)
    check("json: cost.by_model = cost and usage grouped by model", by_model)
    if analytics:
        check("json: keys_usd and no_key_usd = grouped by api_key_id / api_key_ids[]= filter", keys_and_no_key)
        check("json: keys_usd + no_key_usd = total_usd", parts_add_up)
        check("json: sum of keys[].cost_usd = keys_usd", keys_add_up)
    else:
        check("json: keys_usd and no_key_usd are null (legacy reports)", keys_and_no_key)
    check("json: sum of workspaces[].cost_usd = total_usd", workspaces_add_up)
    check(f"json: keys[] = the {len(api_keys)} keys of /api_keys", key_set)
    check("json: keys[] name, status, workspace_id, workspace_name, created_by", key_fields)
    check("json: keys[].cost_usd = cost grouped by api_key_id" if analytics else "json: keys[].cost_usd null",
          key_cost)
    check("json: keys[].tokens = usage grouped by api_key_id", key_tokens)
    check("json: keys[].by_model = reports grouped by api_key_id + model", key_by_model)
    check("json: workspaces[] = /workspaces with Default and archived", workspace_set)
    check("json: workspaces[] name and default flag", workspace_fields)
    check("json: workspaces[].keys and active_keys = /api_keys by scope", workspace_key_counts)
    check("json: workspaces[] cost_usd, no_key_cost_usd = cost grouped by workspace_id", workspace_cost)
    check("json: workspaces[].tokens = usage grouped by workspace_id", workspace_tokens)
    check("json: members[] = /users", member_set)
    check("json: members[] keys, active_keys, cost_usd = keys they created", member_figures)
    check("json: no_key_usage[] = reports without a key, by workspace + model", no_key_usage)


# ---------------------------------------------------------------------------- CSV


def check_csv(results: Results, world: str, snap: dict, text: str, renamed: dict[str, str]) -> None:
    def check(name: str, fn: Callable[[], None]) -> None:
        results.check(world, name, fn)

    records: list[list[str]] = []
    snap_keys = {k["id"]: k for k in snap["keys"]}
    no_key_names = {r["workspace_id"]: r["workspace_name"] or "" for r in snap["no_key_usage"]}

    def parses() -> None:
        records.extend(csv.reader(io.StringIO(text, newline=""), strict=True))
        expect(bool(records), "empty CSV")
        expect(records[0] == CSV_HEADER, f"header {records[0]}")
        widths = Counter(len(r) for r in records)
        expect(set(widths) == {len(CSV_HEADER)}, f"record widths {dict(widths)}")
        expect(text.endswith("\r\n"), "records do not end with CRLF (RFC 4180)")

    if not results.check(world, "csv: parses as RFC 4180, header and 11 fields per record", parses):
        return
    rows = [dict(zip(CSV_HEADER, r)) for r in records[1:]]
    key_rows = [r for r in rows if r["key_id"]]
    no_key_rows = [r for r in rows if not r["key_id"]]

    def row_set() -> None:
        want = Counter((k["id"], m["model"]) for k in snap["keys"] for m in k["by_model"])
        got = Counter((r["key_id"], r["model"]) for r in key_rows)
        expect(want == got, f"key x model rows: {sum(want.values())} in the JSON, {sum(got.values())} in the CSV; "
                            f"missing {sorted(want - got)[:3]}, extra {sorted(got - want)[:3]}")
        want_nk = Counter((r["workspace_id"], r["model"]) for r in snap["no_key_usage"])
        got_nk = Counter((r["workspace_id"], r["model"]) for r in no_key_rows)
        expect(want_nk == got_nk, f"no-key rows: JSON {sorted(want_nk)}, CSV {sorted(got_nk)}")
        expect(all(r["key_name"] == "" for r in no_key_rows), "a no-key row has a key name")

    def names() -> None:
        problems: list[str] = []
        for row in key_rows:
            key = snap_keys.get(row["key_id"])
            if key is not None:
                compare(problems, f"{row['key_id']} key_name", key["name"], row["key_name"])
        expect_none(problems)

    def hostile_names() -> None:
        in_csv = {r["key_id"]: r["key_name"] for r in key_rows}
        covered = [name for key_id, name in renamed.items() if key_id in in_csv]
        expect(len(covered) >= len(HOSTILE_NAMES) - UNUSED_HOSTILE,
               f"only {len(covered)} renamed keys have CSV rows")
        problems = [f"{key_id}: set {name!r}, CSV {in_csv[key_id]!r}"
                    for key_id, name in renamed.items() if key_id in in_csv and in_csv[key_id] != name]
        expect_none(problems)

    def workspaces() -> None:
        problems: list[str] = []
        for row in key_rows:
            key = snap_keys.get(row["key_id"])
            if key is not None:
                compare(problems, f"{row['key_id']} workspace_id", key["workspace_id"] or "", row["workspace_id"])
                compare(problems, f"{row['key_id']} workspace_name", key["workspace_name"] or "",
                        row["workspace_name"])
        for row in no_key_rows:
            compare(problems, f"no key {row['workspace_id']} workspace_name",
                    no_key_names.get(row["workspace_id"], ""), row["workspace_name"])
        expect_none(problems)

    def figures() -> None:
        problems: list[str] = []
        by_pair = {(k["id"], m["model"]): m for k in snap["keys"] for m in k["by_model"]}
        by_pair.update({(None, r["workspace_id"], r["model"]): r for r in snap["no_key_usage"]})
        for row in rows:
            pair = (row["key_id"], row["model"]) if row["key_id"] else (None, row["workspace_id"], row["model"])
            want = by_pair.get(pair)
            if want is None:
                continue
            label = "/".join(p for p in pair if p)
            for column, kind in CSV_TOKEN_COLUMNS.items():
                compare(problems, f"{label} {column}", str(want["tokens"][kind]), row[column])
            if want["cost_usd"] is None:
                compare(problems, f"{label} cost_usd", "", row["cost_usd"])
            elif not MONEY.match(row["cost_usd"]) or Decimal(row["cost_usd"]) != Decimal(want["cost_usd"]):
                problems.append(f"{label} cost_usd: expected {want['cost_usd']}, got {row['cost_usd']!r}")
        expect_none(problems)

    def column_sums() -> None:
        problems: list[str] = []
        for column, kind in CSV_TOKEN_COLUMNS.items():
            compare(problems, f"sum of {column}", snap["tokens"][kind], sum(int(r[column]) for r in rows))
        if snap["cost"]["keys_usd"] is not None:
            got = sum((Decimal(r["cost_usd"]) for r in rows), ZERO)
            compare(problems, "sum of cost_usd", Decimal(snap["cost"]["total_usd"]), got)
        expect_none(problems)

    check("csv: one row per key x model, plus one per no-key workspace x model", row_set)
    check("csv: every key_name equals the JSON name exactly", names)
    if renamed:
        check(f"csv: the {len(HOSTILE_NAMES)} hostile names (, \" CR LF tab \\ ESC) round-trip", hostile_names)
    check("csv: workspace_id and workspace_name per row", workspaces)
    check("csv: tokens and cost_usd per row = JSON", figures)
    check("csv: column sums = JSON tokens (and total_usd)", column_sums)


# ---------------------------------------------------------------------------- Prometheus


def check_prometheus(results: Results, world: str, snap: dict, text: str, renamed: dict[str, str]) -> None:
    from prometheus_client.parser import text_string_to_metric_families

    def check(name: str, fn: Callable[[], None]) -> None:
        results.check(world, name, fn)

    samples: dict[str, list] = defaultdict(list)

    def parses() -> None:
        seen: set = set()
        duplicates = []
        for family in text_string_to_metric_families(text):
            for sample in family.samples:
                series = (sample.name, tuple(sorted(sample.labels.items())))
                if series in seen:
                    duplicates.append(sample.name)
                seen.add(series)
                samples[sample.name].append(sample)
        expect(not duplicates, f"duplicate series: {duplicates[:5]}")
        expect(samples["orgtop_month_cost_usd"], "no orgtop_month_cost_usd")

    if not results.check(world, "prometheus: parses (prometheus_client), no duplicate series", parses):
        return
    organization = snap["organization"]

    def close(problems: list[str], path: str, expected: Decimal | int | None, value: float) -> None:
        if expected is None or not math.isclose(value, float(expected), rel_tol=REL_TOL):
            problems.append(f"{path}: expected {expected}, got {value!r}")

    def labelled(name: str, label: str) -> dict[tuple, Any]:
        out: dict[tuple, Any] = {}
        for sample in samples.get(name, []):
            out[(sample.labels.get(label), sample.labels.get("type"))] = sample
        return out

    def organization_figures() -> None:
        problems: list[str] = []
        for name in ("orgtop_month_cost_usd", "orgtop_month_no_key_cost_usd", "orgtop_month_tokens"):
            for sample in samples.get(name, []):
                compare(problems, f"{name} organization_id", organization["id"], sample.labels.get("organization_id"))
                compare(problems, f"{name} organization", organization["name"], sample.labels.get("organization"))
        compare(problems, "orgtop_snapshot_success", [1.0],
                [s.value for s in samples.get("orgtop_snapshot_success", [])])
        [total] = samples["orgtop_month_cost_usd"]
        close(problems, "orgtop_month_cost_usd", money(snap["cost"]["total_usd"]), total.value)
        no_key = samples.get("orgtop_month_no_key_cost_usd", [])
        if snap["cost"]["no_key_usd"] is None:
            compare(problems, "orgtop_month_no_key_cost_usd samples (legacy)", 0, len(no_key))
        else:
            compare(problems, "orgtop_month_no_key_cost_usd samples", 1, len(no_key))
            for sample in no_key:
                close(problems, "orgtop_month_no_key_cost_usd", money(snap["cost"]["no_key_usd"]), sample.value)
        tokens = {s.labels.get("type"): s.value for s in samples.get("orgtop_month_tokens", [])}
        expect(set(PART_KINDS) <= set(tokens) <= set(KINDS), f"orgtop_month_tokens types {sorted(tokens)}")
        for kind, value in tokens.items():
            close(problems, f"orgtop_month_tokens{{type={kind}}}", snap["tokens"][kind], value)
        expect_none(problems)

    def per_key() -> None:
        problems: list[str] = []
        costs = labelled("orgtop_key_month_cost_usd", "key_id")
        tokens = labelled("orgtop_key_month_tokens", "key_id")
        per_key_cost = snap["cost"]["keys_usd"] is not None
        compare(problems, "orgtop_key_month_cost_usd series", len(snap["keys"]) if per_key_cost else 0, len(costs))
        types = {t for (_, t) in tokens}
        expect(set(PART_KINDS) <= types <= set(KINDS), f"orgtop_key_month_tokens types {sorted(types, key=str)}")
        compare(problems, "orgtop_key_month_tokens series", len(snap["keys"]) * len(types), len(tokens))
        for key in snap["keys"]:
            if per_key_cost:
                sample = costs.get((key["id"], None))
                if sample is None:
                    problems.append(f"no orgtop_key_month_cost_usd for {key['id']}")
                else:
                    close(problems, f"orgtop_key_month_cost_usd{{key_id={key['id']}}}", money(key["cost_usd"]),
                          sample.value)
            for kind in types:
                sample = tokens.get((key["id"], kind))
                if sample is None:
                    problems.append(f"no orgtop_key_month_tokens for {key['id']} {kind}")
                else:
                    close(problems, f"orgtop_key_month_tokens{{key_id={key['id']},type={kind}}}",
                          key["tokens"][kind], sample.value)
        expect_none(problems)

    def key_labels() -> None:
        problems: list[str] = []
        snap_keys = {k["id"]: k for k in snap["keys"]}
        for name in ("orgtop_key_month_cost_usd", "orgtop_key_month_tokens"):
            for sample in samples.get(name, []):
                key = snap_keys.get(sample.labels.get("key_id"))
                if key is None:
                    problems.append(f"{name} for unknown key {sample.labels.get('key_id')}")
                    continue
                compare(problems, f"{name}{{key_id={key['id']}}} key_name", key["name"], sample.labels.get("key_name"))
                compare(problems, f"{name}{{key_id={key['id']}}} workspace_id", key["workspace_id"] or "",
                        sample.labels.get("workspace_id", ""))
        for key_id, name in renamed.items():
            compare(problems, f"{key_id} renamed in the JSON", name, snap_keys.get(key_id, {}).get("name"))
        expect_none(problems)

    def per_workspace() -> None:
        problems: list[str] = []
        costs = labelled("orgtop_workspace_month_cost_usd", "workspace_id")
        tokens = labelled("orgtop_workspace_month_tokens", "workspace_id")
        compare(problems, "orgtop_workspace_month_cost_usd series", len(snap["workspaces"]), len(costs))
        for workspace in snap["workspaces"]:
            sample = costs.get((workspace["id"], None))
            if sample is None:
                problems.append(f"no orgtop_workspace_month_cost_usd for {workspace['id']}")
            else:
                close(problems, f"orgtop_workspace_month_cost_usd{{workspace_id={workspace['id']}}}",
                      money(workspace["cost_usd"]), sample.value)
                compare(problems, f"{workspace['id']} workspace label", workspace["name"], sample.labels.get("workspace"))
            for kind in PART_KINDS:
                sample = tokens.get((workspace["id"], kind))
                if sample is None:
                    problems.append(f"no orgtop_workspace_month_tokens for {workspace['id']} {kind}")
                else:
                    close(problems, f"orgtop_workspace_month_tokens{{workspace_id={workspace['id']},type={kind}}}",
                          workspace["tokens"][kind], sample.value)
        expect_none(problems)

    def per_model() -> None:
        problems: list[str] = []
        costs = labelled("orgtop_model_month_cost_usd", "model")
        tokens = labelled("orgtop_model_month_tokens", "model")
        by_model = snap["cost"]["by_model"]
        compare(problems, "orgtop_model_month_cost_usd models", sorted(m["model"] for m in by_model),
                sorted(str(m) for (m, _) in costs))
        for model in by_model:
            sample = costs.get((model["model"], None))
            if sample is not None:
                close(problems, f"orgtop_model_month_cost_usd{{model={model['model']}}}", money(model["cost_usd"]),
                      sample.value)
            for kind in PART_KINDS:
                sample = tokens.get((model["model"], kind))
                if model["tokens"] is None:
                    if sample is not None:
                        problems.append(f"orgtop_model_month_tokens for {model['model']} whose JSON tokens are null")
                elif sample is None:
                    problems.append(f"no orgtop_model_month_tokens for {model['model']} {kind}")
                else:
                    close(problems, f"orgtop_model_month_tokens{{model={model['model']},type={kind}}}",
                          model["tokens"][kind], sample.value)
        expect_none(problems)

    check("prometheus: success, organization cost, no-key cost and tokens = JSON", organization_figures)
    check("prometheus: per-key cost and tokens = JSON (one series per key)", per_key)
    check("prometheus: key_name / workspace_id labels round-trip"
          + (" (hostile names included)" if renamed else ""), key_labels)
    check("prometheus: per-workspace cost and tokens = JSON", per_workspace)
    check("prometheus: per-model cost and tokens = JSON", per_model)


# ---------------------------------------------------------------------------- self-test


def self_test(results: Results, world: str, mode: str, snap: dict, exp: Expected, csv_text: str,
              prom_text: str, renamed: dict[str, str]) -> None:
    """Each checker must catch a one-figure change (so that a green run means something)."""

    def caught(name: str, run: Callable[[Results], None]) -> None:
        def check() -> None:
            probe = Results()
            run(probe)
            expect(probe.failed > 0, "the change went unnoticed")
        results.check(world, f"self-test: {name} is caught", check)

    def changed_json(change: Callable[[dict], None]) -> dict:
        other = copy.deepcopy(snap)
        change(other)
        return other

    used_key = next(k for k in snap["keys"] if k["by_model"])
    member = next(m for m in snap["members"] if m["keys"])
    workspace = next(w for w in snap["workspaces"] if w["keys"])

    def bump_total(s: dict) -> None:
        s["cost"]["total_usd"] = str(Decimal(s["cost"]["total_usd"]) + Decimal("0.00000001"))

    def bump_key_tokens(s: dict) -> None:
        next(k for k in s["keys"] if k["id"] == used_key["id"])["tokens"]["cache_read"] += 1

    def bump_member(s: dict) -> None:
        next(m for m in s["members"] if m["id"] == member["id"])["active_keys"] += 1

    def bump_workspace(s: dict) -> None:
        next(w for w in s["workspaces"] if w["id"] == workspace["id"])["keys"] -= 1

    caught("json: total_usd + $0.00000001", lambda r: check_json(r, world, mode, changed_json(bump_total), exp))
    caught("json: one key's cache_read + 1", lambda r: check_json(r, world, mode, changed_json(bump_key_tokens), exp))
    caught("json: one member's active_keys + 1", lambda r: check_json(r, world, mode, changed_json(bump_member), exp))
    caught("json: one workspace's keys - 1", lambda r: check_json(r, world, mode, changed_json(bump_workspace), exp))
    caught("csv: CRLF inside a name written as LF",
           lambda r: check_csv(r, world, snap, csv_text.replace('crlf\r\nend', 'crlf\nend'), renamed))
    caught("csv: a token cell + 1", lambda r: check_csv(
        r, world, snap, csv_text.replace(f",{used_key['by_model'][0]['tokens']['output']},",
                                         f",{used_key['by_model'][0]['tokens']['output'] + 1},", 1), renamed))
    line = next(ln for ln in prom_text.split("\n")
                if ln.startswith("orgtop_month_cost_usd{"))
    value = float(line.rsplit(" ", 1)[1])
    caught("prometheus: organization cost x (1 + 1e-8)",
           lambda r: check_prometheus(r, world, snap, prom_text.replace(line, line.rsplit(" ", 1)[0]
                                                                        + f" {value * (1 + 1e-8)!r}"), renamed))


# ---------------------------------------------------------------------------- one world


def run_snapshot(binary: str, url: str, key: str, fmt: str) -> tuple[int, str, str, float]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("ANTHROPIC_ADMIN_API_KEY", "ORGTOP_BASE_URL", "ANTHROPIC_BASE_URL")}
    env["ANTHROPIC_ADMIN_KEY"] = key
    started = time.monotonic()
    done = subprocess.run([binary, "snapshot", "--base-url", url, "--format", fmt],
                          env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=240)
    # Exact bytes: no newline translation, so a CR inside a name stays a CR.
    return (done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8", "replace"),
            time.monotonic() - started)


def month_start_now() -> str:
    now = datetime.now(timezone.utc)
    return now.strftime("%Y-%m-01T00:00:00Z")


def rename_hostile(api: Api, mode: str) -> dict[str, str]:
    """Give HOSTILE_NAMES to keys: most to keys with usage this month (so they are CSV rows)."""
    start = month_start_now()
    if mode == "analytics":
        rows = api.report("/v1/organizations/analytics/usage",
                          [("starting_at", start), ("group_by[]", "api_key_id"), ("limit", "1000")], beta=True)
        used = {r["group"]["api_key_id"] for r in rows}
    else:
        buckets = api.report("/v1/organizations/usage_report/messages",
                             [("starting_at", start), ("group_by[]", "api_key_id"), ("limit", "31")], beta=False)
        used = {r["api_key_id"] for b in buckets for r in b["results"]}
    keys = sorted(k["id"] for k in api.id_list("/v1/organizations/api_keys"))
    with_usage = [k for k in keys if k in used]
    without = [k for k in keys if k not in used]
    count = len(HOSTILE_NAMES) - UNUSED_HOSTILE
    targets = with_usage[:count] + without[:UNUSED_HOSTILE]
    if len(targets) < len(HOSTILE_NAMES):
        raise RuntimeError(f"only {len(with_usage)} keys with usage, {len(without)} without")
    renamed = {}
    for key_id, name in zip(targets, HOSTILE_NAMES):
        answer = api.post(f"/v1/organizations/api_keys/{key_id}", {"name": name})
        if answer["name"] != name:
            raise RuntimeError(f"rename of {key_id}: the API answered {answer['name']!r}")
        renamed[key_id] = name
    return renamed


def run_world(results: Results, binary: str, name: str, mode: str, rename: bool, url: str, key: str,
              do_self_test: bool, log: Callable[[str], None]) -> None:
    started = time.monotonic()
    api = Api(url, key)
    renamed: dict[str, str] = {}
    if rename:
        if not results.check(name, f"setup: rename {len(HOSTILE_NAMES)} keys to hostile names (POST /api_keys/{{id}})",
                             lambda: renamed.update(rename_hostile(api, mode))):
            return

    # The three formats are taken back to back and compared with each other. Analytics figures
    # end at the hour floor of the snapshot time, so if an hour boundary passes while they are
    # taken, take them again (once).
    runs: dict[str, tuple[int, str, str, float]] = {}
    for attempt in range(2):
        hour = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H")
        for fmt in ("json", "csv", "prometheus"):
            runs[fmt] = run_snapshot(binary, url, key, fmt)
        if datetime.now(timezone.utc).strftime("%Y-%m-%dT%H") == hour:
            break
        log(f"== {name}: an hour boundary passed while the snapshots were taken; taking them again")
    outputs = {fmt: run[1] for fmt, run in runs.items() if run[0] == 0}
    timings = {fmt: run[3] for fmt, run in runs.items()}

    def snapshot(fmt: str) -> Callable[[], None]:
        def check() -> None:
            status, _, err, _ = runs[fmt]
            expect(status == 0, f"exit status {status}: {err.strip()[:300]}")
        return check

    if not results.check(name, "orgtop snapshot --format json exits 0", snapshot("json")):
        return
    snap = json.loads(outputs["json"])
    expected: list[Expected] = []
    fetcher = expect_analytics if mode == "analytics" else expect_legacy
    if not results.check(name, "api: read every page and sum", lambda: expected.append(
            fetcher(api, snap["window"]["start"], snap["generated_at"]))):
        return
    exp = expected[0]
    check_json(results, name, mode, snap, exp)
    if results.check(name, "orgtop snapshot --format csv exits 0", snapshot("csv")):
        check_csv(results, name, snap, outputs["csv"], renamed)
    if results.check(name, "orgtop snapshot --format prometheus exits 0", snapshot("prometheus")):
        check_prometheus(results, name, snap, outputs["prometheus"], renamed)
    if do_self_test and "csv" in outputs and "prometheus" in outputs:
        self_test(results, name, mode, snap, exp, outputs["csv"], outputs["prometheus"], renamed)
    log(f"== {name} ({mode}, {len(exp.keys)} keys): {api.requests} API requests; snapshot json "
        f"{timings.get('json', 0):.1f} s, csv {timings.get('csv', 0):.1f} s, prometheus "
        f"{timings.get('prometheus', 0):.1f} s; world {time.monotonic() - started:.1f} s")


def env_key_name(world: str) -> str:
    return "EXPORTS_ADMIN_KEY_" + re.sub(r"[^A-Z0-9]", "_", world.upper())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--list-worlds", action="store_true",
                        help="print NAME SIMULATOR-OPTIONS per world, for exports.sh")
    parser.add_argument("--world", nargs=2, action="append", default=[], metavar=("NAME", "URL"),
                        help="a simulator started with that world's options; key in EXPORTS_ADMIN_KEY_<NAME>")
    parser.add_argument("--jobs", type=int, default=2, help="worlds checked at once (default 2)")
    args = parser.parse_args()

    if args.list_worlds:
        for name, _, options, _ in WORLDS:
            print(name, options)
        return 0

    started = time.monotonic()
    results = Results()
    print_lock = threading.Lock()

    def log(line: str) -> None:
        with print_lock:
            print(line, flush=True)

    binary = os.environ.get("ORGTOP_BIN", "")
    specs = {name: (mode, rename) for name, mode, _, rename in WORLDS}
    jobs = []
    for world, url in args.world:
        key = os.environ.get(env_key_name(world), "")
        if world not in specs or not key or not binary:
            results.check(world, "setup: known world, admin key and ORGTOP_BIN given", lambda: expect(
                False, f"world {world!r} known: {world in specs}; {env_key_name(world)} set: {bool(key)}; "
                       f"ORGTOP_BIN set: {bool(binary)}"))
            continue
        mode, rename = specs[world]
        jobs.append((world, mode, rename, url, key))
    if not jobs:
        results.check("setup", "at least one world given", lambda: expect(False, "no --world"))

    # The slowest world first; the first renamed world also runs the self-test.
    self_test_world = next((j[0] for j in jobs if j[2]), None)
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = [pool.submit(results.check, job[0], "setup: the world ran to its end", lambda job=job: run_world(
                               results, binary, *job, job[0] == self_test_world, log))
                   for job in jobs]
        for future in futures:
            future.result()

    order = {world: index for index, (world, *_rest) in enumerate(jobs)}
    for result in sorted(results.items, key=lambda r: order.get(r.world, -1)):
        if result.passed:
            print(f"PASS {result.world}: {result.name}")
        else:
            print(f"FAIL {result.world}: {result.name}: {result.reason}")
    failures = [r for r in results.items if not r.passed]
    if failures:
        print(f"\n== {len(failures)} failing check(s):")
        for result in failures:
            print(f"  {result.world}: {result.name}: {result.reason[:600]}")
    print(f"== {len(results.items)} checks in {time.monotonic() - started:.1f} s")
    print(f"{results.passed} passed, {results.failed} failed", flush=True)
    return 1 if results.failed else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception:  # never end without the closing line
        traceback.print_exc()
        print("0 passed, 1 failed", flush=True)
        sys.exit(1)
